using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Organisations;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations;

/// <summary>
/// The organisation's admins edit its profile, while they may take part in the town (what they write is public). A
/// rejected organisation that is edited goes back to the coordinators.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class EditModel(AppDbContext db, OrganisationMemberships memberships, CurrentMember currentMember, IStringLocalizer<SharedResource> l)
    : PageModel, IOrganisationFormPage
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public OrganisationFormOptions Options { get; private set; } = OrganisationFormOptions.Empty;

    public int Id { get; private set; }

    /// <summary>The admin is blocked: the page says so instead of showing the form (403).</summary>
    public bool Blocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await DenyAsync(id) is { } denied)
        {
            return denied;
        }

        Input = OrganisationInput.From(await LoadAsync(id));
        Options = await OrganisationFormOptions.LoadAsync(db);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await DenyAsync(id) is { } denied)
        {
            return denied;
        }

        Options = await OrganisationFormOptions.LoadAsync(db);
        await Options.ValidateAsync(db, Input, ModelState, id, l);
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var organisation = await LoadAsync(id);
        Input.ApplyTo(organisation);
        if (organisation.Status == OrganisationStatus.Rejected)
        {
            organisation.Status = OrganisationStatus.Pending;
        }

        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Org_Saved"].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult?> DenyAsync(int id)
    {
        Id = id;
        switch (await memberships.AccessAsync(id))
        {
            case OrganisationAccess.Hidden:
                return NotFound();
            case not OrganisationAccess.Admin:
                return Forbid();
        }

        if (await currentMember.CanParticipateAsync())
        {
            return null;
        }

        Blocked = true;
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    private Task<Organisation> LoadAsync(int id) =>
        db.Organisations.Include(o => o.Districts).Include(o => o.Categories).SingleAsync(o => o.Id == id);
}
