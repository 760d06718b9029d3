using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Matching;

/// <summary>
/// "With whom did it work?" when a poster marks a listing fulfilled: the choices are the people who wrote about it and
/// the other side of its office matches; the answer is recorded as a match, and an office match that is over now is
/// asked about at once rather than after its planned window.
/// </summary>
public sealed class MatchFulfilment(AppDbContext db, MatchFeedbackRequests feedback, TimeProvider clock)
{
    private static readonly MatchStatus[] Standing = [MatchStatus.Accepted, MatchStatus.Completed, MatchStatus.Disputed];

    /// <summary>The listing's conversation partners, then the other side of each standing office match, once each by user name.</summary>
    public async Task<IReadOnlyList<(string UserId, string UserName)>> CounterpartsAsync(int listingId)
    {
        var talked = await db.Conversations.AsNoTracking().Where(c => c.ListingId == listingId)
            .Select(c => new { UserId = c.RespondentUserId, c.Respondent!.UserName }).ToListAsync();
        var matched = (await OfficeMatches(listingId, Standing).ToListAsync()).Select(s => OtherSide(s, listingId)).OfType<string>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => matched.Contains(u.Id)).Select(u => new { UserId = u.Id, u.UserName }).ToListAsync();
        return talked.Concat(names).Where(p => p.UserName is not null).DistinctBy(p => p.UserId).Select(p => (p.UserId, p.UserName!)).ToList();
    }

    /// <summary>
    /// Records the fulfilment of the tracked <paramref name="listing"/> for the caller's save. A named side of an office
    /// match makes that match the record (no second one); naming nobody while office matches are open leaves them to say
    /// whether it happened; anyone else (or nobody) is recorded as a marketplace match, as before office matches existed.
    /// </summary>
    public async Task RecordAsync(Listing listing, string? counterpartUserId)
    {
        var open = await OfficeMatches(listing.Id, [MatchStatus.Accepted]).ToListAsync();
        var named = counterpartUserId is null ? [] : open.Where(s => OtherSide(s, listing.Id) == counterpartUserId).ToList();
        await feedback.RequestNowAsync(named.Count > 0 ? named : open);
        if (named.Count > 0 || (counterpartUserId is null && open.Count > 0))
        {
            return;
        }

        var conversation = counterpartUserId is null ? null
            : await db.Conversations.SingleOrDefaultAsync(c => c.ListingId == listing.Id && c.RespondentUserId == counterpartUserId);
        db.Matches.Add(new Match
        {
            ListingId = listing.Id,
            CounterpartUserId = conversation?.RespondentUserId,
            ConversationId = conversation?.Id,
            Source = MatchSource.Marketplace,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    private IQueryable<MatchSides> OfficeMatches(int listingId, MatchStatus[] statuses) =>
        MatchSides.Query(db).Where(s => (s.RequestId == listingId || s.OfferId == listingId) && statuses.Contains(s.Status));

    /// <summary>For the request's poster the helper; for the offer's poster the person the request is for (null if the office answers for them).</summary>
    private static string? OtherSide(MatchSides sides, int listingId) => sides.RequestId == listingId ? sides.OfferUserId : sides.RequestUserId;
}
