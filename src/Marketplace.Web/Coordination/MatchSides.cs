using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Coordination;

/// <summary>
/// The people on both sides of a match. The request side is the request's poster, unless the office recorded the
/// request for someone without an account (then the office answers for them and <see cref="RequestUserId"/> is null).
/// </summary>
public sealed record MatchSides(int MatchId, int RequestId, string RequestTitle, string? RequestUserId, int? OfferId, string? OfferTitle,
    string OfferUserId, MatchStatus Status, MatchAnswer RequestAnswer, MatchAnswer OfferAnswer, bool RequestSharesContact, bool OfferSharesContact,
    DateOnly? EndsOn, DateTimeOffset? AnswerDueAt)
{
    public bool IsRequestSide(string userId) => RequestUserId == userId;

    public bool IsSide(string userId) => RequestUserId == userId || OfferUserId == userId;

    public static async Task<MatchSides?> LoadAsync(AppDbContext db, int matchId) =>
        (await Query(db).Where(m => m.MatchId == matchId).ToListAsync()).SingleOrDefault();

    /// <summary>The matches a person is a side of.</summary>
    public static IQueryable<MatchSides> Query(AppDbContext db) =>
        from m in db.Matches.AsNoTracking()
        where m.Source == MatchSource.Coordination
        join request in db.Listings on m.ListingId equals request.Id
        let offer = db.Listings.FirstOrDefault(o => o.Id == m.OfferListingId)
        let unclaimedIntake = db.IntakeContacts.Any(i => i.ListingId == request.Id && i.ClaimedAt == null)
        select new MatchSides(m.Id, request.Id, request.Title, unclaimedIntake ? null : request.PosterUserId, m.OfferListingId,
            offer == null ? null : offer.Title, m.VolunteerUserId ?? offer!.PosterUserId, m.Status, m.RequestAnswer, m.OfferAnswer,
            m.RequestSharesContact, m.OfferSharesContact, m.EndsOn, m.AnswerDueAt);
}
