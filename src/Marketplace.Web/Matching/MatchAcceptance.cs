using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Matching;

public enum AcceptOutcome
{
    /// <summary>This side's yes is recorded; the other side has not answered yet.</summary>
    Waiting,

    /// <summary>Both said yes and a place was taken.</summary>
    Accepted,

    /// <summary>Both said yes, but the offer had no place left: the match goes back to the coordination office.</summary>
    NoPlaceLeft,

    /// <summary>The match was no longer open (already decided, declined or unknown).</summary>
    NotOpen,

    /// <summary>The helper no longer meets <see cref="MatchEligibility"/>: no yes is recorded, the match goes back to the office.</summary>
    NoLongerEligible,
}

/// <summary>
/// Records a side's yes to a proposed match. When it is the second yes, the offer's places go down in the same
/// transaction, with one conditional update ("only while a place is left"), so fifty acceptances at once against ten
/// places accept exactly ten, and a place is never counted below zero. Before any yes the helper is checked against
/// the rules of the suggestions again: a clearance may have lapsed or a volunteer paused since the proposal.
/// </summary>
public sealed class MatchAcceptance(AppDbContext db, MatchEligibility eligibility, SupplyFactRecorder facts, TimeProvider clock)
{
    /// <param name="shareContact">Whether this side lets the other see its contact details once both said yes.</param>
    /// <remarks>Joins the caller's transaction when there is one (a one-click link redeems its token in the same one).</remarks>
    public async Task<AcceptOutcome> AcceptAsync(int matchId, bool requestSide, bool shareContact = false)
    {
        var now = clock.GetUtcNow();
        var outer = db.Database.CurrentTransaction;
        await using var owned = outer is null ? await db.Database.BeginTransactionAsync() : null;
        var open = db.Matches.Where(m => m.Id == matchId && m.Status == MatchStatus.Proposed);
        if (await eligibility.ForMatchAsync(matchId, MatchMoment.Accept) is var reason and not Ineligibility.None)
        {
            var ended = await open.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MatchStatus.Declined)
                .SetProperty(m => m.EndReason, MatchEligibility.EndReason(reason))
                .SetProperty(m => m.DecidedAt, now));
            if (ended == 1)
            {
                await ReturnToQueueAsync(matchId);
            }

            if (owned is not null)
            {
                await owned.CommitAsync();
            }

            return ended == 1 ? AcceptOutcome.NoLongerEligible : AcceptOutcome.NotOpen;
        }

        var answered = requestSide
            ? await open.Where(m => m.RequestAnswer == MatchAnswer.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.RequestAnswer, MatchAnswer.Accepted).SetProperty(m => m.RequestSharesContact, shareContact))
            : await open.Where(m => m.OfferAnswer == MatchAnswer.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.OfferAnswer, MatchAnswer.Accepted).SetProperty(m => m.OfferSharesContact, shareContact));
        if (answered == 0)
        {
            return AcceptOutcome.NotOpen;
        }

        var match = await open.AsNoTracking().Select(m => new { m.OfferListingId, m.RequestAnswer, m.OfferAnswer }).SingleAsync();
        if (match.RequestAnswer != MatchAnswer.Accepted || match.OfferAnswer != MatchAnswer.Accepted)
        {
            if (owned is not null)
            {
                await owned.CommitAsync();
            }

            return AcceptOutcome.Waiting;
        }

        if (match.OfferListingId is { } offerId)
        {
            var taken = await db.Listings.Where(l => l.Id == offerId && (l.Quantity == null || l.Quantity > 0))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Quantity, l => l.Quantity == null ? null : l.Quantity - 1));
            if (taken == 0)
            {
                // The yes stays recorded, but the match cannot stand: it goes back to the office with the reason.
                await open.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MatchStatus.Declined)
                    .SetProperty(m => m.EndReason, MatchEndReason.NoPlaceLeft)
                    .SetProperty(m => m.DecidedAt, now));
                await ReturnToQueueAsync(matchId);
                if (owned is not null)
                {
                    await owned.CommitAsync();
                }

                return AcceptOutcome.NoPlaceLeft;
            }
        }

        await open.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MatchStatus.Accepted).SetProperty(m => m.DecidedAt, now));
        await db.Listings.Where(l => db.Matches.Any(m => m.Id == matchId && m.ListingId == l.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.OfficeStatus, OfficeStatus.Matched));
        await RecordMatchedAsync(matchId, match.OfferListingId);
        if (owned is not null)
        {
            await owned.CommitAsync();
        }

        return AcceptOutcome.Accepted;
    }

    /// <summary>The request waits in the office's queue again (its match was declined, unanswered or had no place).</summary>
    public async Task ReturnToQueueAsync(int matchId)
    {
        await db.Listings.Where(l => db.Matches.Any(m => m.Id == matchId && m.ListingId == l.Id) && l.OfficeStatus == OfficeStatus.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.OfficeStatus, OfficeStatus.InProgress));
        var sides = await db.Matches.AsNoTracking().Where(m => m.Id == matchId).Select(m => new { m.ListingId, m.OfferListingId }).SingleAsync();
        await facts.WriteAsync(sides.ListingId, SupplyEvent.ProposalEnded, _ => false);
        if (sides.OfferListingId is { } offerId)
        {
            await facts.WriteAsync(offerId, SupplyEvent.ProposalEnded, _ => false);
        }
    }

    /// <summary>The request is matched (still open while its status says so); the offer closes only with its last place.</summary>
    private async Task RecordMatchedAsync(int matchId, int? offerListingId)
    {
        var requestId = await db.Matches.Where(m => m.Id == matchId).Select(m => m.ListingId).SingleAsync();
        await facts.WriteAsync(requestId, SupplyEvent.Matched, state => !state.IsOpen);
        if (offerListingId is { } offerId)
        {
            await facts.WriteAsync(offerId, SupplyEvent.Matched, state => !state.IsOpen || state.Quantity == 0);
        }
    }
}
