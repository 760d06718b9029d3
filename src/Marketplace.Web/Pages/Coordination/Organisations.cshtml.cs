using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
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

/// <summary>The coordination office approves or rejects new organisations; their admins hear of it by mail.</summary>
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

    public sealed record PendingRow(int Id, string Name, OrganisationType Type, DateTimeOffset CreatedAt, IReadOnlyList<string> Admins);

    public sealed record ReviewedRow(int Id, string Name, OrganisationStatus Status, DateTimeOffset? ReviewedAt, string? ReviewedBy);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostApproveAsync(int id) => ReviewAsync(id, OrganisationStatus.Approved);

    public Task<IActionResult> OnPostRejectAsync(int id) => ReviewAsync(id, OrganisationStatus.Rejected);

    private async Task<IActionResult> ReviewAsync(int id, OrganisationStatus decision)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return NotFound();
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

    private async Task LoadAsync()
    {
        Pending = await db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Pending)
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new PendingRow(o.Id, o.Name, o.Type, o.CreatedAt,
                o.Members.Where(m => m.Role == OrganisationRole.Admin).Select(m => m.User!.UserName!).ToList()))
            .ToListAsync();

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
