using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

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
}

/// <summary>
/// Records a side's yes to a proposed match. When it is the second yes, the offer's places go down in the same
/// transaction, with one conditional update ("only while a place is left"), so fifty acceptances at once against ten
/// places accept exactly ten, and a place is never counted below zero.
/// </summary>
public sealed class MatchAcceptance(AppDbContext db, TimeProvider clock)
{
    public async Task<AcceptOutcome> AcceptAsync(int matchId, bool requestSide)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var open = db.Matches.Where(m => m.Id == matchId && m.Status == MatchStatus.Proposed);
        var answered = requestSide
            ? await open.Where(m => m.RequestAnswer == MatchAnswer.Pending).ExecuteUpdateAsync(s => s.SetProperty(m => m.RequestAnswer, MatchAnswer.Accepted))
            : await open.Where(m => m.OfferAnswer == MatchAnswer.Pending).ExecuteUpdateAsync(s => s.SetProperty(m => m.OfferAnswer, MatchAnswer.Accepted));
        if (answered == 0)
        {
            return AcceptOutcome.NotOpen;
        }

        var match = await open.AsNoTracking().Select(m => new { m.OfferListingId, m.RequestAnswer, m.OfferAnswer }).SingleAsync();
        if (match.RequestAnswer != MatchAnswer.Accepted || match.OfferAnswer != MatchAnswer.Accepted)
        {
            await transaction.CommitAsync();
            return AcceptOutcome.Waiting;
        }

        if (match.OfferListingId is { } offerId)
        {
            var taken = await db.Listings.Where(l => l.Id == offerId && (l.Quantity == null || l.Quantity > 0))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Quantity, l => l.Quantity == null ? null : l.Quantity - 1));
            if (taken == 0)
            {
                await transaction.RollbackAsync();
                await open.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MatchStatus.Declined)
                    .SetProperty(m => m.DecidedAt, now));
                return AcceptOutcome.NoPlaceLeft;
            }
        }

        await open.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MatchStatus.Accepted).SetProperty(m => m.DecidedAt, now));
        await transaction.CommitAsync();
        return AcceptOutcome.Accepted;
    }
}
