using Marketplace.Web.Data;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Pages.Shared;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Town;

public sealed class SettingsModel(AppDbContext db, ITenantContext tenant, CurrentMember member, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    [BindProperty]
    public TownSettingsInput Input { get; set; } = new();

    [BindProperty]
    public RetentionInput Retention { get; set; } = new();

    [BindProperty]
    public Coordination.Gaps.GapSettingsInput Gaps { get; set; } = new();

    public string Slug => tenant.Tenant!.Slug;

    public async Task OnGetAsync()
    {
        var town = await CurrentTownAsync();
        Input = TownSettingsInput.From(town);
        Retention = RetentionInput.From(town);
        Gaps = Coordination.Gaps.GapSettingsInput.From(town);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Otherwise the admin would lock themself out of this page with the very save that turns the requirement on.
        var me = member.UserId;
        if (Input.OfficeRequiresTwoFactor && !await db.Users.Where(u => u.Id == me).Select(u => u.TwoFactorEnabled).SingleAsync())
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.OfficeRequiresTwoFactor)}", l["Settings_OfficeRequiresTwoFactorFirst"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var town = await CurrentTownAsync();
        Input.ApplyTo(town);
        Retention.ApplyTo(town);
        Gaps.ApplyTo(town);
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
