using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Listings;
using Marketplace.Web.Pages.Reports;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Moderation;

/// <summary>
/// The coordination office's queue: open reports grouped by target, plus whatever is hidden or blocked, hidden
/// listings first. Every decision needs a reason, closes the target's open reports and is logged, in one save; a
/// listing's poster is told the decision and its reason by mail in the same save (and on the listing's page).
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentMember member, ListingModerationMailer mailer, ITenantContext tenant, TimeProvider clock,
    IStringLocalizer<SharedResource> l, Web.Gaps.SupplyFactRecorder facts) : PageModel
{
    public const int ReasonMaxLength = 1000;
    private const int CommentsShown = 5;

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    /// <summary>The target of a refused decision: its form shows the messages and keeps the typed reason.</summary>
    public TargetKey? Failed { get; private set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public sealed record ReasonCount(ReportReason Reason, int Count);

    public sealed record QueueItem(TargetKey Target, TargetState? State, int OpenReports, IReadOnlyList<ReasonCount> Reasons,
        IReadOnlyList<string> Comments, DateTimeOffset? OldestReport)
    {
        public bool Allows(ModerationActionKind action) => ModerationRules.Allows(Target.Type, State?.Moderation, OpenReports, action);
    }

    public sealed class DecisionInput
    {
        public ReportTarget TargetType { get; set; }
        public string? TargetId { get; set; }
        public ModerationActionKind Action { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(ReasonMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Moderation_FieldDecisionReason")]
        public string? Reason { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(DecisionInput.TargetType)}") == ModelValidationState.Invalid
            || ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(DecisionInput.Action)}") == ModelValidationState.Invalid)
        {
            return BadRequest();
        }

        if (TargetKey.Parse(Input.TargetType, Input.TargetId) is not { } key)
        {
            return NotFound();
        }

        var openReports = await db.Reports
            .Where(r => r.TargetType == key.Type && r.TargetId == key.Id && r.Status == ReportStatus.Open).ToListAsync();
        Listing? listing = null;
        Message? message = null;
        TenantMembership? membership = null;
        switch (key.Type)
        {
            case ReportTarget.Listing:
                listing = await db.Listings.SingleOrDefaultAsync(x => x.Id == key.Number);
                break;
            case ReportTarget.Message:
                message = await db.Messages.SingleOrDefaultAsync(m => m.Id == key.Number);
                break;
            default:
                membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == key.Id);
                break;
        }

        // Not in this town (or never was): nothing to decide. Reports on a target that is gone can still be dismissed.
        if (listing is null && message is null && membership is null && openReports.Count == 0)
        {
            return NotFound();
        }

        Failed = key;
        if (!ModelState.IsValid)
        {
            return await RefusedAsync();
        }

        var state = (await ModerationTargets.LoadAsync(db, [key])).GetValueOrDefault(key);
        if (ModerationRules.Decide(key.Type, state?.Moderation, openReports.Count, Input.Action) is not { } decision)
        {
            ModelState.AddModelError(string.Empty, l["Moderation_NotApplicable"]);
            return await RefusedAsync();
        }

        var now = clock.GetUtcNow();
        var actor = member.UserId!;
        var reason = Input.Reason!.Trim();
        if (state is not null && decision.NewState is { } next)
        {
            var wasOpen = listing is not null && Web.Gaps.SupplyFactRecorder.IsOpen(listing);
            Apply(state.Moderation, next, listing, message, membership, now, reason);
            if (listing is not null)
            {
                await facts.AddChangeAsync(listing, wasOpen);
            }
        }

        foreach (var report in openReports)
        {
            report.Status = decision.ReportOutcome;
            report.ClosedAt = now;
            report.ClosedByUserId = actor;
        }

        db.ModerationActions.Add(new ModerationAction
        {
            ActorUserId = actor,
            Kind = Input.Action,
            TargetType = key.Type,
            TargetId = key.Id,
            Reason = reason,
            At = now,
        });
        if (listing is not null && ListingModerationMailer.TellsPoster(Input.Action))
        {
            await TellPosterAsync(listing, reason, now);
        }

        await db.SaveChangesAsync();

        var done = l["Moderation_Done", ModerationTexts.Kind(l, Input.Action)].Value;
        Failed = null;
        Input = new DecisionInput();
        return await this.FormSucceededAsync("_ModerationQueue", LoadAsync, done);
    }

    private async Task TellPosterAsync(Listing listing, string reason, DateTimeOffset now)
    {
        var poster = await db.Users.AsNoTracking().Where(u => u.Id == listing.PosterUserId)
            .Select(u => new { u.Email, u.UserName, u.PreferredCulture }).SingleAsync();
        if (poster.Email is null)
        {
            return;
        }

        await mailer.QueueDecisionAsync(new ListingDecision(poster.Email, poster.PreferredCulture ?? tenant.Tenant!.DefaultCulture, poster.UserName ?? "",
            listing.Id, listing.Title, Input.Action, reason, now));
    }

    /// <summary>Writes what the decision changes to the loaded target; a dismissal changes nothing.</summary>
    private static void Apply(ModerationState before, ModerationState after, Listing? listing, Message? message,
        TenantMembership? membership, DateTimeOffset now, string reason)
    {
        if (after.IsHidden != before.IsHidden)
        {
            if (listing is not null)
            {
                listing.IsHidden = after.IsHidden;
            }
            else
            {
                message!.IsHidden = after.IsHidden;
            }
        }

        if (after.IsClosed && !before.IsClosed)
        {
            listing!.Status = ListingStatus.Closed;
        }

        if (after.IsBlocked != before.IsBlocked)
        {
            membership!.BlockedAt = after.IsBlocked ? now : null;
            membership.BlockedReason = after.IsBlocked ? reason : null;
        }
    }

    /// <summary>The queue again with the refused decision's messages: the fragment for htmx, the page otherwise (422).</summary>
    private async Task<IActionResult> RefusedAsync()
    {
        await LoadAsync();
        return this.InvalidForm("_ModerationQueue");
    }

    private async Task LoadAsync()
    {
        var open = await db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open)
            .Select(r => new { r.TargetType, r.TargetId, r.Reason, r.Comment, r.CreatedAt }).ToListAsync();
        var hiddenListings = await db.Listings.AsNoTracking().Where(x => x.IsHidden && x.Status != ListingStatus.Closed).Select(x => x.Id).ToListAsync();
        var hiddenMessages = await db.Messages.AsNoTracking().Where(m => m.IsHidden).Select(m => m.Id).ToListAsync();
        var blocked = await db.Memberships.AsNoTracking().Where(m => m.BlockedAt != null).Select(m => m.UserId).ToListAsync();

        var reportsByTarget = open.ToLookup(r => new TargetKey(r.TargetType, r.TargetId));
        var keys = reportsByTarget.Select(g => g.Key)
            .Concat(hiddenListings.Select(id => TargetKey.Parse(ReportTarget.Listing, id.ToString(System.Globalization.CultureInfo.InvariantCulture))!))
            .Concat(hiddenMessages.Select(id => TargetKey.Parse(ReportTarget.Message, id.ToString(System.Globalization.CultureInfo.InvariantCulture))!))
            .Concat(blocked.Select(id => new TargetKey(ReportTarget.User, id)))
            .Distinct().ToList();
        var states = await ModerationTargets.LoadAsync(db, keys);

        Items = keys
            .Select(key =>
            {
                var reports = reportsByTarget[key].ToList();
                return new QueueItem(
                    key,
                    states.GetValueOrDefault(key),
                    reports.Count,
                    reports.GroupBy(r => r.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => new ReasonCount(g.Key, g.Count())).ToList(),
                    reports.Where(r => !string.IsNullOrWhiteSpace(r.Comment)).OrderBy(r => r.CreatedAt).Select(r => r.Comment!).Take(CommentsShown).ToList(),
                    reports.Count > 0 ? reports.Min(r => r.CreatedAt) : null);
            })
            .OrderByDescending(i => i.Target.Type == ReportTarget.Listing && i.State is { IsHidden: true })
            .ThenBy(i => i.OldestReport ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i.Target.Type)
            .ToList();
    }
}
