using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Matching;

/// <summary>
/// The people on both sides of a match. The request side is the request's poster, unless the office recorded the
/// request for someone without an account (then the office answers for them and <see cref="RequestUserId"/> is null).
/// </summary>
public sealed record MatchSides
{
    public int MatchId { get; init; }
    public int RequestId { get; init; }
    public required string RequestTitle { get; init; }
    public string? RequestUserId { get; init; }
    public int? OfferId { get; init; }
    public string? OfferTitle { get; init; }
    public required string OfferUserId { get; init; }
    public MatchStatus Status { get; init; }
    public MatchAnswer RequestAnswer { get; init; }
    public MatchAnswer OfferAnswer { get; init; }
    public bool RequestSharesContact { get; init; }
    public bool OfferSharesContact { get; init; }
    public DateOnly? EndsOn { get; init; }
    public DateTimeOffset? AnswerDueAt { get; init; }

    /// <summary>Set once both sides were asked whether it happened (after the window, or at once when the poster said it is done).</summary>
    public DateTimeOffset? FeedbackRequestedAt { get; init; }

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
        // Member initialisation, not a constructor, so callers can still filter on the properties in SQL.
        select new MatchSides
        {
            MatchId = m.Id, RequestId = request.Id, RequestTitle = request.Title, RequestUserId = unclaimedIntake ? null : request.PosterUserId,
            OfferId = m.OfferListingId, OfferTitle = offer == null ? null : offer.Title, OfferUserId = m.VolunteerUserId ?? offer!.PosterUserId,
            Status = m.Status, RequestAnswer = m.RequestAnswer, OfferAnswer = m.OfferAnswer, RequestSharesContact = m.RequestSharesContact,
            OfferSharesContact = m.OfferSharesContact, EndsOn = m.EndsOn, AnswerDueAt = m.AnswerDueAt, FeedbackRequestedAt = m.FeedbackRequestedAt,
        };
}
