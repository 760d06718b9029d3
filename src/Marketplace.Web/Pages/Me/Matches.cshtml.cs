using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Matching;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using FeedbackInput = Marketplace.Web.Pages.Matches.FeedbackModel.FeedbackInput;

namespace Marketplace.Web.Pages.Me;

/// <summary>
/// The in-app side of the office's proposals: what waits for the member's answer, the matches they are in (with the
/// other side's contact where it was shared), and feedback once a match's time is over.
/// </summary>
public sealed class MatchesModel(AppDbContext db, CurrentMember member, MatchProposals proposals, MatchFeedbackRequests feedback,
    TownClock townClock, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    /// <param name="Proposal">For a proposal waiting for this member's answer: what and who is proposed.</param>
    public sealed record Row(MatchSides Sides, bool RequestSide, string OtherName, string? OtherContact, bool FeedbackGiven, IReadOnlyList<string> Proposal)
    {
        /// <summary>Asked once the window ended, or earlier when the poster said it is done.</summary>
        public bool FeedbackDue(DateOnly today) =>
            Sides.Status is MatchStatus.Accepted or MatchStatus.Completed or MatchStatus.Disputed or MatchStatus.NotHappened
            && (Sides.FeedbackRequestedAt is not null || Sides.EndsOn < today) && !FeedbackGiven;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAnswerAsync(int match, bool accept, bool shareContact)
    {
        var sides = await MatchSides.LoadAsync(db, match);
        if (sides is null || !sides.IsSide(member.UserId!))
        {
            return NotFound();
        }

        var outcome = await proposals.AnswerAsync(match, sides.IsRequestSide(member.UserId!), accept, shareContact);
        TempData[HtmxResults.StatusKey] = l["MatchAnswer_" + outcome].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFeedbackAsync(int match)
    {
        var sides = await MatchSides.LoadAsync(db, match);
        if (sides is null || !sides.IsSide(member.UserId!))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.InvalidForm();
        }

        var status = await feedback.RecordAsync(match, sides.IsRequestSide(member.UserId!), Input.Happened, Input.Rating, Input.Comment);
        TempData[HtmxResults.StatusKey] = l[status is null ? "MatchAnswer_NotOpen" : "MatchFeedback_Thanks"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var me = member.UserId!;
        Today = townClock.Today();
        var mine = await MatchSides.Query(db).Where(s => s.RequestUserId == me || s.OfferUserId == me).OrderByDescending(s => s.MatchId).Take(50).ToListAsync();
        var others = mine.SelectMany(s => new[] { s.RequestUserId, s.OfferUserId }).Where(id => id is not null && id != me).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => others.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.Email })
            .ToDictionaryAsync(u => u.Id);
        var ids = mine.Select(s => s.MatchId).ToList();
        var given = await db.Matches.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, Request = m.RequestFeedback.Happened != null, Offer = m.OfferFeedback.Happened != null }).ToDictionaryAsync(m => m.Id);
        var rows = new List<Row>(mine.Count);
        foreach (var s in mine)
        {
            var requestSide = s.IsRequestSide(me);
            var otherId = requestSide ? s.OfferUserId : s.RequestUserId;
            var other = otherId is null ? null : people.GetValueOrDefault(otherId);
            var otherShares = requestSide ? s.OfferSharesContact : s.RequestSharesContact;
            var contact = s.Status is MatchStatus.Accepted or MatchStatus.Completed or MatchStatus.Disputed && otherShares ? other?.Email : null;
            var waitsForMe = s.Status == MatchStatus.Proposed && (requestSide ? s.RequestAnswer : s.OfferAnswer) == MatchAnswer.Pending;
            var proposal = waitsForMe && await MatchParticulars.LoadAsync(db, s.MatchId) is { } particulars ? particulars.Lines(new IsolatingLocalizer(l), requestSide) : [];
            rows.Add(new Row(s, requestSide, other?.UserName ?? l["Match_TheOffice"].Value, contact,
                requestSide ? given[s.MatchId].Request : given[s.MatchId].Offer, proposal));
        }

        Rows = rows;
    }
}
