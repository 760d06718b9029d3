using Marketplace.Web.Data;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Pages.Shared;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Town;

public sealed class SettingsModel(AppDbContext db, ITenantContext tenant, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    [BindProperty]
    public TownSettingsInput Input { get; set; } = new();

    [BindProperty]
    public RetentionInput Retention { get; set; } = new();

    public string Slug => tenant.Tenant!.Slug;

    public async Task OnGetAsync()
    {
        var town = await CurrentTownAsync();
        Input = TownSettingsInput.From(town);
        Retention = RetentionInput.From(town);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var town = await CurrentTownAsync();
        Input.ApplyTo(town);
        Retention.ApplyTo(town);
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Settings_Saved"].Value;
        return RedirectToPage();
    }

    private Task<Domain.Tenant> CurrentTownAsync()
    {
        var id = tenant.TenantId!.Value;
        return db.Tenants.SingleAsync(t => t.Id == id);
    }
}
