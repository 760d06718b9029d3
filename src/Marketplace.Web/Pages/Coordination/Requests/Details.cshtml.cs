using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Matching;
using Marketplace.Web.Pages.Listings;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Requests;

/// <summary>One request in the office: who works on it, internal notes, interest sent to the office, ranked suggestions and the matches proposed.</summary>
public sealed class DetailsModel(AppDbContext db, IMemoryCache cache, CurrentMember member, AuditLog audit, MatchCandidates candidates,
    MatchProposals proposals, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Listing Case { get; private set; } = null!;
    public string PosterName { get; private set; } = "";
    public string? AssigneeName { get; private set; }
    public int? IntakeId { get; private set; }
    public ListingFormOptions Options { get; private set; } = null!;
    public IReadOnlyList<(string Author, string Text, DateTimeOffset At)> Notes { get; private set; } = [];
    public IReadOnlyList<(string UserName, string Message, DateTimeOffset At, bool Handled)> Inquiries { get; private set; } = [];
    public IReadOnlyList<MatchRow> Matches { get; private set; } = [];
    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    /// <summary>Helpers left out only for a qualification the category requires, with the reason.</summary>
    public IReadOnlyList<HeldBackHelper> HeldBack { get; private set; } = [];

    public sealed record MatchRow(int Id, string Helper, string? OfferTitle, MatchStatus Status, MatchAnswer RequestAnswer, MatchAnswer OfferAnswer,
        MatchEndReason? EndReason, DateTimeOffset CreatedAt, DateTimeOffset? AnswerDueAt, int? RequestRating, int? OfferRating);

    [BindProperty]
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(OfficeNote.TextMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_OfficeNote")]
    public string? NoteText { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostClaimAsync(int id) => await ChangeAsync(id, request =>
    {
        request.AssignedToUserId = member.UserId;
        if (request.OfficeStatus == OfficeStatus.New)
        {
            request.OfficeStatus = OfficeStatus.InProgress;
        }

        audit.Record(AuditAction.ClaimedRequest, "listing", id);
    });

    public async Task<IActionResult> OnPostReleaseAsync(int id) => await ChangeAsync(id, request =>
    {
        request.AssignedToUserId = null;
        audit.Record(AuditAction.ReleasedRequest, "listing", id);
    });

    /// <summary>The statuses a coordinator sets by hand; Proposed and Matched follow from the matches.</summary>
    public async Task<IActionResult> OnPostStatusAsync(int id, OfficeStatus status)
    {
        if (status is not (OfficeStatus.New or OfficeStatus.InProgress or OfficeStatus.OnHold))
        {
            return BadRequest();
        }

        return await ChangeAsync(id, request =>
        {
            audit.Record(AuditAction.ChangedStatus, "listing", id, $"{request.OfficeStatus} → {status}");
            request.OfficeStatus = status;
        });
    }

    public async Task<IActionResult> OnPostNoteAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? this.InvalidForm() : NotFound();
        }

        return await ChangeAsync(id, request =>
        {
            db.OfficeNotes.Add(new OfficeNote { ListingId = id, AuthorUserId = member.UserId!, Text = NoteText!.Trim(), CreatedAt = clock.GetUtcNow() });
            audit.Record(AuditAction.AddedNote, "listing", id);
        });
    }

    public async Task<IActionResult> OnPostProposeAsync(int id, CandidateKind kind, int candidate)
    {
        if (!await db.Listings.AnyAsync(l => l.Id == id && l.Type == ListingType.Request))
        {
            return NotFound();
        }

        var result = await proposals.ProposeAsync(id, kind, candidate, member.UserId!);
        if (result.Outcome != ProposeOutcome.Proposed)
        {
            ModelState.AddModelError("", l[result switch
            {
                { Outcome: ProposeOutcome.RequestNotOpen } => "Match_RequestNotOpen",
                { Reason: Ineligibility.None or Ineligibility.NotFound } => "Match_CandidateUnavailable",
                _ => "Match_Ineligible_" + result.Reason,
            }]);
            await LoadAsync(id);
            var page = Page();
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }

        TempData[HtmxResults.StatusKey] = l["Match_Proposed"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>For a person without an account, the office passes on their answer (it asked them by phone or in person).</summary>
    public async Task<IActionResult> OnPostRecordAnswerAsync(int id, int match, bool accept)
    {
        var sides = await MatchSides.LoadAsync(db, match);
        if (sides is null || sides.RequestId != id || sides.RequestUserId is not null)
        {
            return NotFound();
        }

        var outcome = await proposals.AnswerAsync(match, requestSide: true, accept, shareContact: false, actorUserId: member.UserId);
        TempData[HtmxResults.StatusKey] = l["MatchAnswer_" + outcome].Value;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ChangeAsync(int id, Action<Listing> change)
    {
        var request = await db.Listings.SingleOrDefaultAsync(l => l.Id == id && l.Type == ListingType.Request);
        if (request is null)
        {
            return NotFound();
        }

        change(request);
        await db.SaveChangesAsync();
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var request = await db.Listings.AsNoTracking().Include(l => l.Category).SingleOrDefaultAsync(l => l.Id == id && l.Type == ListingType.Request);
        if (request is null)
        {
            return false;
        }

        Case = request;
        Options = await ListingFormOptions.LoadAsync(db, cache, "");
        PosterName = await db.Users.Where(u => u.Id == request.PosterUserId).Select(u => u.UserName!).SingleAsync();
        AssigneeName = await db.Users.Where(u => u.Id == request.AssignedToUserId).Select(u => u.UserName).SingleOrDefaultAsync();
        IntakeId = await db.IntakeContacts.Where(i => i.ListingId == id).Select(i => (int?)i.Id).SingleOrDefaultAsync();
        Notes = (await db.OfficeNotes.AsNoTracking().Where(n => n.ListingId == id).OrderBy(n => n.CreatedAt)
                .Select(n => new { n.Author!.UserName, n.Text, n.CreatedAt }).ToListAsync())
            .Select(n => (n.UserName!, n.Text, n.CreatedAt)).ToList();
        Inquiries = (await db.OfficeInquiries.AsNoTracking().Where(i => i.ListingId == id).OrderBy(i => i.CreatedAt)
                .Select(i => new { i.User!.UserName, i.Message, i.CreatedAt, i.HandledAt }).ToListAsync())
            .Select(i => (i.UserName!, i.Message, i.CreatedAt, i.HandledAt != null)).ToList();
        Matches = await db.Matches.AsNoTracking().Where(m => m.ListingId == id && m.Source == MatchSource.Coordination).OrderByDescending(m => m.Id)
            .Select(m => new MatchRow(m.Id,
                db.Users.Where(u => u.Id == (m.VolunteerUserId ?? db.Listings.Where(o => o.Id == m.OfferListingId).Select(o => o.PosterUserId).FirstOrDefault()))
                    .Select(u => u.UserName!).FirstOrDefault() ?? "?",
                db.Listings.Where(o => o.Id == m.OfferListingId).Select(o => o.Title).FirstOrDefault(),
                m.Status, m.RequestAnswer, m.OfferAnswer, m.EndReason, m.CreatedAt, m.AnswerDueAt, m.RequestFeedback.Rating, m.OfferFeedback.Rating))
            .ToListAsync();
        if (request.Status == ListingStatus.Published && request.OfficeStatus != OfficeStatus.Matched)
        {
            (Suggestions, HeldBack) = await candidates.WithHeldBackAsync(new MatchRequestFacts(request.Id, request.PosterUserId, request.CategoryId,
                request.Category!.ParentId, request.DistrictId, request.Languages, request.AvailableFrom, request.AvailableUntil));
        }

        return true;
    }
}
