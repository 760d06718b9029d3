using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Organisations;
using Marketplace.Web.Pages.Organisations;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination;

/// <summary>
/// The coordination office approves or rejects new organisations; their admins hear of it by mail. Each decision asks
/// first (<see cref="Confirmation"/>), and nobody decides on an organisation they registered or belong to
/// (<see cref="SelfDecision"/>).
/// </summary>
public sealed class OrganisationsModel(AppDbContext db, CurrentMember currentMember, OrganisationMailer mailer, TenantLinks links,
    ITenantContext tenant, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    private const int RecentlyReviewedShown = 20;

    public IReadOnlyList<PendingRow> Pending { get; private set; } = [];
    public IReadOnlyList<ReviewedRow> Reviewed { get; private set; } = [];

    /// <summary>Optional; goes only into the mail to the organisation's admins.</summary>
    [BindProperty]
    [StringLength(1000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Org_Field_RejectReason")]
    public string? Reason { get; set; }

    /// <summary><paramref name="IsOwn"/>: the reader registered it or belongs to it, so another coordinator decides.</summary>
    public sealed record PendingRow(int Id, string Name, OrganisationType Type, DateTimeOffset CreatedAt, IReadOnlyList<string> Admins, bool IsOwn);

    public sealed record ReviewedRow(int Id, string Name, OrganisationStatus Status, DateTimeOffset? ReviewedAt, string? ReviewedBy);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostApproveAsync(int id, bool confirmed) => ReviewAsync(id, OrganisationStatus.Approved, confirmed);

    public Task<IActionResult> OnPostRejectAsync(int id, bool confirmed) => ReviewAsync(id, OrganisationStatus.Rejected, confirmed);

    private async Task<IActionResult> ReviewAsync(int id, OrganisationStatus decision, bool confirmed)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return NotFound();
        }

        if (SelfDecision.IsOwn(currentMember.UserId!, await SubmittersAsync(id)))
        {
            ModelState.AddModelError(string.Empty, l["SelfDecision_Organisation"]);
            await LoadAsync();
            var refused = Page();
            refused.StatusCode = StatusCodes.Status403Forbidden;
            return refused;
        }

        if (organisation.Status != OrganisationStatus.Pending)
        {
            ModelState.AddModelError(string.Empty, l["Org_AlreadyReviewed", organisation.Name]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.InvalidForm();
        }

        if (!confirmed)
        {
            return ConfirmReview(id, organisation.Name, decision);
        }

        organisation.Status = decision;
        organisation.ReviewedAt = clock.GetUtcNow();
        organisation.ReviewedByUserId = currentMember.UserId;

        var town = tenant.Tenant!;
        var link = links.TownUrl(town.Slug, $"/organisations/{id}");
        var reason = decision == OrganisationStatus.Rejected && !string.IsNullOrWhiteSpace(Reason) ? Reason.Trim() : null;
        var admins = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.OrganisationId == id && m.Role == OrganisationRole.Admin)
            .Select(m => new { m.UserId, m.User!.Email, m.User.UserName, m.User.PreferredCulture })
            .ToListAsync();
        foreach (var admin in admins.Where(a => a.Email is not null))
        {
            await mailer.QueueReviewedAsync(admin.Email!, admin.UserId, admin.PreferredCulture ?? town.DefaultCulture, admin.UserName!,
                organisation.Name, town.Name, link, decision == OrganisationStatus.Approved, reason, organisation.ReviewedAt.Value);
        }

        // The decision and its mails commit together.
        await db.SaveChangesAsync();

        TempData[HtmxResults.StatusKey] = l[decision == OrganisationStatus.Approved ? "Org_Approved" : "Org_Rejected", organisation.Name].Value;
        return RedirectToPage();
    }

    /// <summary>What will happen, said before it does: approving makes it public and mails its admins; rejecting mails them the reason.</summary>
    private IActionResult ConfirmReview(int id, string name, OrganisationStatus decision)
    {
        var reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        var approve = decision == OrganisationStatus.Approved;
        List<string> consequences = [l[approve ? "Org_ConfirmApprove_Consequence" : "Org_ConfirmReject_Consequence"]];
        if (!approve)
        {
            consequences.Add(reason is null ? l["Org_ConfirmReject_NoReason"] : l["Org_ConfirmReject_Reason", reason]);
        }

        return this.AskToConfirm(new Confirmation(
            Bidi.Text(l[approve ? "Org_ConfirmApprove_Question" : "Org_ConfirmReject_Question"], name), consequences,
            l[approve ? "Org_ConfirmApprove_Confirm" : "Org_ConfirmReject_Confirm"],
            "/Coordination/Organisations", approve ? "Approve" : "Reject", new() { ["id"] = id.ToString(CultureInfo.InvariantCulture) },
            "/coordination/organisations")
        {
            Fields = reason is null ? [] : [new(nameof(Reason), reason)],
        });
    }

    /// <summary>Who submitted the organisation for review: whoever registered it and everyone who belongs to it.</summary>
    private async Task<List<string?>> SubmittersAsync(int id)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.CreatedByUserId, Members = o.Members.Select(m => m.UserId).ToList() }).SingleAsync();
        return [organisation.CreatedByUserId, .. organisation.Members];
    }

    private async Task LoadAsync()
    {
        var me = currentMember.UserId!;
        Pending = (await db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Pending)
                .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
                .Select(o => new
                {
                    o.Id, o.Name, o.Type, o.CreatedAt, o.CreatedByUserId,
                    Admins = o.Members.Where(m => m.Role == OrganisationRole.Admin).Select(m => m.User!.UserName!).ToList(),
                    Members = o.Members.Select(m => m.UserId).ToList(),
                })
                .ToListAsync())
            .Select(o => new PendingRow(o.Id, o.Name, o.Type, o.CreatedAt, o.Admins,
                SelfDecision.IsOwn(me, [o.CreatedByUserId, .. o.Members])))
            .ToList();

        // Never-reviewed ones (created approved) last, as in C#; PostgreSQL would put nulls first when descending.
        var recent = await db.Organisations.AsNoTracking().Where(o => o.Status != OrganisationStatus.Pending)
            .OrderBy(o => o.ReviewedAt == null).ThenByDescending(o => o.ReviewedAt).ThenBy(o => o.Id)
            .Take(RecentlyReviewedShown)
            .Select(o => new { o.Id, o.Name, o.Status, o.ReviewedAt, o.ReviewedByUserId })
            .ToListAsync();
        var reviewerIds = recent.Select(o => o.ReviewedByUserId).OfType<string>().Distinct().ToList();
        var reviewers = await db.Users.Where(u => reviewerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName);
        Reviewed = recent.Select(o => new ReviewedRow(o.Id, o.Name, o.Status, o.ReviewedAt,
            o.ReviewedByUserId is { } by ? reviewers.GetValueOrDefault(by) : null)).ToList();
    }
}
