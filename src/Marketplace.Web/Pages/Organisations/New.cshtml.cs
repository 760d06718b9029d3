using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations;

/// <summary>A town member registers an organisation; it becomes public once a coordinator approved it.</summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class NewModel(AppDbContext db, CurrentMember currentMember, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PageModel, IOrganisationFormPage
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public OrganisationFormOptions Options { get; private set; } = OrganisationFormOptions.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await currentMember.CanParticipateAsync())
        {
            return Forbid();
        }

        Options = await OrganisationFormOptions.LoadAsync(db);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await currentMember.CanParticipateAsync())
        {
            return Forbid();
        }

        Options = await OrganisationFormOptions.LoadAsync(db);
        await Options.ValidateAsync(db, Input, ModelState, null, l);
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var now = clock.GetUtcNow();
        var organisation = new Organisation { Name = "", Status = OrganisationStatus.Pending, CreatedAt = now, CreatedByUserId = currentMember.UserId };
        Input.ApplyTo(organisation);
        organisation.Members.Add(new OrganisationMember { UserId = currentMember.UserId!, Role = OrganisationRole.Admin, JoinedAt = now });
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        TempData[HtmxResults.StatusKey] = l["Org_Created", organisation.Name].Value;
        return RedirectToPage("Details", new { id = organisation.Id });
    }
}
