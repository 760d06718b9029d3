using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Listings;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Reports;

/// <summary>
/// A member reports a listing, a message of one of their conversations or a member of this town to the coordination
/// office. A listing that reaches the town's threshold of open reports is hidden in the same transaction.
/// </summary>
public sealed class NewModel(AppDbContext db, ITenantContext tenant, CurrentMember member, TimeProvider clock,
    IStringLocalizer<SharedResource> l, Web.Gaps.SupplyFactRecorder facts) : PageModel
{
    public const int ReportsPerHour = 10;

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? TypeText { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? IdText { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public ReportTarget TargetType { get; private set; }
    public string TargetId { get; private set; } = "";
    public string TargetPreview { get; private set; } = "";

    /// <summary>Why this account may not report here (blocked, or not a member); the form is not shown.</summary>
    public string? Refusal { get; private set; }

    public bool AlreadyReported { get; private set; }

    public string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public sealed class ReportInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [EnumDataType(typeof(ReportReason), ErrorMessage = "Validation_Invalid")]
        [Display(Name = "Moderation_FieldReason")]
        public ReportReason? Reason { get; set; }

        [StringLength(Report.CommentMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Moderation_FieldComment")]
        public string? Comment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PrepareAsync(takesHiddenListing: false) is { } stop)
        {
            return stop;
        }

        AlreadyReported = await HasOpenReportAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Moderation may have hidden the listing since the reporter opened the form (other reports reaching the
        // threshold): their report still counts for the office's review, but the title is not shown again.
        if (await PrepareAsync(takesHiddenListing: true) is { } stop)
        {
            return stop;
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var reporter = member.UserId!;
        var listingId = TargetType == ReportTarget.Listing ? int.Parse(TargetId, CultureInfo.InvariantCulture) : (int?)null;
        await using var transaction = await db.Database.BeginTransactionAsync();

        // Write locks taken first serialise what is counted below: the reporter's own reports (duplicate, hourly
        // limit) and, for a listing, everyone's open reports on it (threshold). No-op updates lock on every provider.
        await db.Memberships.Where(m => m.UserId == reporter).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, m => m.Role));
        if (listingId is { } lockedId)
        {
            await db.Listings.Where(x => x.Id == lockedId).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsHidden, x => x.IsHidden));
        }

        if (await HasOpenReportAsync())
        {
            ModelState.AddModelError(string.Empty, l["Moderation_AlreadyReported"]);
            return this.InvalidForm();
        }

        var now = clock.GetUtcNow();
        if (await IsOverHourlyLimitAsync(reporter, now))
        {
            ModelState.AddModelError(string.Empty, l["Moderation_RateLimited", ReportsPerHour]);
            var limited = Page();
            limited.StatusCode = StatusCodes.Status429TooManyRequests;
            return limited;
        }

        db.Reports.Add(new Report
        {
            TargetType = TargetType,
            TargetId = TargetId,
            ReporterUserId = reporter,
            Reason = Input.Reason!.Value,
            Comment = string.IsNullOrWhiteSpace(Input.Comment) ? null : Input.Comment.Trim(),
            Status = ReportStatus.Open,
            CreatedAt = now,
        });
        await db.SaveChangesAsync();

        if (listingId is { } id)
        {
            await HideAtThresholdAsync(id, now);
        }

        await transaction.CommitAsync();
        TempData[HtmxResults.StatusKey] = l["Moderation_ReportThanks"].Value;
        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>Null when the form may be shown; otherwise the response that ends the request.</summary>
    private async Task<IActionResult?> PrepareAsync(bool takesHiddenListing)
    {
        if (tenant.Tenant is null)
        {
            return NotFound();
        }

        if (User.Identity?.IsAuthenticated != true || member.UserId is null)
        {
            return Challenge();
        }

        if (!await member.CanParticipateAsync())
        {
            Refusal = l[await member.IsBlockedAsync() ? "Moderation_ReportBlocked" : "Moderation_ReportNotMember"];
            var refused = Page();
            refused.StatusCode = StatusCodes.Status403Forbidden;
            return refused;
        }

        return await FindTargetAsync(member.UserId, takesHiddenListing) ? null : NotFound();
    }

    /// <summary>
    /// The target must exist in this town and the reporter must be able to see it where it is shown (the listing by
    /// <see cref="ListingVisibility"/>, the message in its thread, the member as a member of this town); otherwise it is
    /// unknown (404), so the form never shows a title or text that could be read by trying ids.
    /// </summary>
    private async Task<bool> FindTargetAsync(string reporter, bool takesHiddenListing)
    {
        // By name only: Enum.TryParse would also take numbers, even undefined ones.
        var typeName = Enum.GetNames<ReportTarget>().FirstOrDefault(n => string.Equals(n, TypeText, StringComparison.OrdinalIgnoreCase));
        if (typeName is null || string.IsNullOrEmpty(IdText))
        {
            return false;
        }

        var type = Enum.Parse<ReportTarget>(typeName);
        TargetType = type;
        string? preview;
        if (type == ReportTarget.User)
        {
            TargetId = IdText;
            preview = await db.Memberships.Where(m => m.UserId == IdText).Select(m => m.User!.UserName).SingleOrDefaultAsync();
        }
        else
        {
            if (!int.TryParse(IdText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return false;
            }

            TargetId = id.ToString(CultureInfo.InvariantCulture);
            // A listing the reporter may not see stays unknown: its title must not be readable by trying ids.
            if (type == ReportTarget.Listing)
            {
                var reader = await ListingVisibility.ReaderAsync(member);
                var (sight, facts) = await ListingVisibility.SightAsync(db, id, reader, clock.GetUtcNow());
                if (sight == ListingSight.None)
                {
                    var hiddenButOtherwiseSeen = takesHiddenListing && facts is { IsHidden: true }
                        && ListingVisibility.SightFor(facts with { IsHidden = false }, reader, clock.GetUtcNow()) != ListingSight.None;
                    if (!hiddenButOtherwiseSeen)
                    {
                        return false;
                    }

                    TargetPreview = "";
                    return true;
                }
            }

            preview = type == ReportTarget.Listing
                ? await db.Listings.Where(x => x.Id == id).Select(x => x.Title).SingleOrDefaultAsync()
                // As the thread shows it: to the two sides of its conversation, and not once moderation has hidden it.
                : await db.Messages
                    .Where(m => m.Id == id && !m.IsHidden && (m.Conversation!.OwnerUserId == reporter || m.Conversation.RespondentUserId == reporter))
                    .Select(m => m.Body).SingleOrDefaultAsync();
        }

        TargetPreview = preview ?? "";
        return preview is not null;
    }

    private Task<bool> HasOpenReportAsync() => db.Reports.AnyAsync(r => r.TargetType == TargetType && r.TargetId == TargetId
        && r.ReporterUserId == member.UserId && r.Status == ReportStatus.Open);

    /// <summary>Counted in the database so every instance agrees.</summary>
    private async Task<bool> IsOverHourlyLimitAsync(string reporter, DateTimeOffset now)
    {
        var hourAgo = now.AddHours(-1);
        return await db.Reports.CountAsync(r => r.ReporterUserId == reporter && r.CreatedAt > hourAgo) >= ReportsPerHour;
    }

    private async Task HideAtThresholdAsync(int listingId, DateTimeOffset now)
    {
        var threshold = await db.Tenants.Where(t => t.Id == tenant.Tenant!.Id).Select(t => t.ReportsToHide).SingleAsync();
        var targetId = listingId.ToString(CultureInfo.InvariantCulture);
        var open = await db.Reports.CountAsync(r => r.TargetType == ReportTarget.Listing && r.TargetId == targetId && r.Status == ReportStatus.Open);
        var listing = await db.Listings.SingleAsync(x => x.Id == listingId);
        if (!ModerationRules.HidesAtThreshold(threshold, open, listing.IsHidden))
        {
            return;
        }

        // Hiding takes an open listing off the market like a coordinator's hide does: the gap figures must see it close,
        // or a later restore would count a second publication of a listing they still hold open.
        var wasOpen = Web.Gaps.SupplyFactRecorder.IsOpen(listing);
        listing.IsHidden = true;
        await facts.AddChangeAsync(listing, wasOpen);
        db.ModerationActions.Add(new ModerationAction
        {
            ActorUserId = null,
            Kind = ModerationActionKind.AutoHide,
            TargetType = ReportTarget.Listing,
            TargetId = targetId,
            Reason = $"{open} open reports",
            At = now,
        });
        await db.SaveChangesAsync();
    }
}
