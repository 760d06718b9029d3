using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Matching;

/// <summary>
/// On the first day of an accepted match's work its helper is checked once more against <see cref="MatchEligibility"/>:
/// weeks may lie between the yes and the start, and a police clearance may lapse or the helper be blocked meanwhile. Such
/// a match does not go ahead: the offer gets its place back, the request returns to the office's queue with the reason,
/// and the office and both sides are told (<see cref="MatchMailer.QueueCannotGoAheadAsync"/>).
/// </summary>
public sealed class MatchWindowStarts(AppDbContext db, MatchEligibility eligibility, MatchMailer mailer, TownClock townClock, TimeProvider clock)
{
    /// <summary>Checks the matches whose work starts today or started since the last run; returns how many were stopped.</summary>
    public async Task<int> CheckDueAsync()
    {
        var today = townClock.Today();
        var due = await db.Matches.Where(m => m.Status == MatchStatus.Accepted && m.StartCheckedAt == null && m.StartsOn <= today)
            .Select(m => m.Id).ToListAsync();
        var stopped = 0;
        foreach (var id in due)
        {
            var reason = await eligibility.ForMatchAsync(id, MatchMoment.WindowStart);
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var pending = db.Matches.Where(m => m.Id == id && m.Status == MatchStatus.Accepted && m.StartCheckedAt == null);
            if (reason == Ineligibility.None)
            {
                await pending.ExecuteUpdateAsync(s => s.SetProperty(m => m.StartCheckedAt, now));
            }
            else if (await pending.ExecuteUpdateAsync(s => s
                         .SetProperty(m => m.Status, MatchStatus.Declined)
                         .SetProperty(m => m.EndReason, MatchEligibility.EndReason(reason))
                         .SetProperty(m => m.DecidedAt, now)
                         .SetProperty(m => m.StartCheckedAt, now)) == 1)
            {
                await db.Listings.Where(l => db.Matches.Any(m => m.Id == id && m.OfferListingId == l.Id) && l.Quantity != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.Quantity, l => l.Quantity + 1));
                // Back to the queue, unless another accepted match of the request still stands.
                await db.Listings.Where(l => db.Matches.Any(m => m.Id == id && m.ListingId == l.Id) && l.OfficeStatus == OfficeStatus.Matched
                        && !db.Matches.Any(m => m.ListingId == l.Id && m.Status == MatchStatus.Accepted))
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.OfficeStatus, OfficeStatus.InProgress));
                await mailer.QueueCannotGoAheadAsync((await MatchSides.LoadAsync(db, id))!);
                await db.SaveChangesAsync();
                stopped++;
            }

            await transaction.CommitAsync();
        }

        return stopped;
    }
}
