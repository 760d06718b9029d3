using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Matching;

/// <summary>
/// "Did it happen, did it help?": after an accepted match's time window, or as soon as the poster marks the listing
/// fulfilled, both sides get a signed link; a yes from either side completes the match, a yes and a no make it disputed
/// (<see cref="MatchOutcome"/>).
/// </summary>
public sealed class MatchFeedbackRequests(AppDbContext db, MatchMailer mailer, TownClock townClock, TimeProvider clock, Gaps.SupplyFactRecorder facts)
{
    public const string Purpose = "match-feedback";
    public const string Path = "/matches/feedback";

    /// <summary>Queues the questions for matches whose window has ended; returns how many matches were asked about.</summary>
    public async Task<int> RequestDueAsync()
    {
        var today = townClock.Today();
        var due = await MatchSides.Query(db).Where(s => s.Status == MatchStatus.Accepted && s.EndsOn < today && s.FeedbackRequestedAt == null)
            .ToListAsync();
        foreach (var sides in due)
        {
            await AskAsync(sides);
            await db.SaveChangesAsync();
        }

        return due.Count;
    }

    /// <summary>
    /// The poster said it is done (<see cref="MatchFulfilment"/>): the window is over now, so both sides are asked at once
    /// instead of after the planned end. Queued for the caller's save; a match asked before is not asked again.
    /// </summary>
    public async Task RequestNowAsync(IEnumerable<MatchSides> matches)
    {
        var today = townClock.Today();
        foreach (var sides in matches.Where(s => s.Status == MatchStatus.Accepted && s.FeedbackRequestedAt == null))
        {
            var match = await AskAsync(sides);
            if (match.EndsOn is null || match.EndsOn > today)
            {
                match.EndsOn = today;
            }
        }
    }

    private async Task<Match> AskAsync(MatchSides sides)
    {
        if (sides.RequestUserId is { } requester)
        {
            await mailer.QueueFeedbackRequestAsync(sides, requester, "request");
        }

        await mailer.QueueFeedbackRequestAsync(sides, sides.OfferUserId, "offer");
        var match = await db.Matches.SingleAsync(m => m.Id == sides.MatchId);
        match.FeedbackRequestedAt = clock.GetUtcNow();
        return match;
    }

    /// <summary>Records one side's feedback and settles the match's status from both answers.</summary>
    public async Task<MatchStatus?> RecordAsync(int matchId, bool requestSide, bool happened, int? rating, string? comment)
    {
        var now = clock.GetUtcNow();
        var outer = db.Database.CurrentTransaction;
        await using var owned = outer is null ? await db.Database.BeginTransactionAsync() : null;
        var settled = new[] { MatchStatus.Accepted, MatchStatus.Completed, MatchStatus.Disputed, MatchStatus.NotHappened };
        var open = db.Matches.Where(m => m.Id == matchId && settled.Contains(m.Status));
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        // Writing this side first takes the row's lock, so two sides answering at once settle one after the other.
        var written = requestSide
            ? await open.ExecuteUpdateAsync(s => s.SetProperty(m => m.RequestFeedback.Happened, happened).SetProperty(m => m.RequestFeedback.Rating, rating)
                .SetProperty(m => m.RequestFeedback.Comment, comment).SetProperty(m => m.RequestFeedback.At, now))
            : await open.ExecuteUpdateAsync(s => s.SetProperty(m => m.OfferFeedback.Happened, happened).SetProperty(m => m.OfferFeedback.Rating, rating)
                .SetProperty(m => m.OfferFeedback.Comment, comment).SetProperty(m => m.OfferFeedback.At, now));
        if (written == 0)
        {
            return null;
        }

        var answers = await db.Matches.AsNoTracking().Where(m => m.Id == matchId)
            .Select(m => new { Request = m.RequestFeedback.Happened, Offer = m.OfferFeedback.Happened }).SingleAsync();
        var status = MatchOutcome.From(answers.Request, answers.Offer) ?? MatchStatus.Accepted;
        var before = await db.Matches.AsNoTracking().Where(m => m.Id == matchId).Select(m => new { m.Status, m.ListingId }).SingleAsync();
        if (status == MatchStatus.Completed && before.Status != MatchStatus.Completed)
        {
            await facts.WriteAsync(before.ListingId, SupplyEvent.Completed, state => !state.IsOpen);
        }

        await db.Matches.Where(m => m.Id == matchId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status)
            .SetProperty(m => m.CompletedAt, m => status == MatchStatus.Completed ? (m.CompletedAt ?? now) : null));
        if (owned is not null)
        {
            await owned.CommitAsync();
        }

        return status;
    }
}
