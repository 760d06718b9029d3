using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Listings;

/// <summary>
/// Marks the town's published listings whose end has passed as expired. Pages already treat them as expired
/// (<see cref="ListingLifecycle.EffectiveStatus"/>); the stored status makes searches, counts and statistics agree.
/// </summary>
public sealed class ListingExpiry(AppDbContext db, SupplyFactRecorder facts, TimeProvider clock)
{
    /// <summary>
    /// One statement, with the facts of the listings it takes off the market inserted first in the same transaction;
    /// running it again changes and records nothing. Returns how many it expired.
    /// </summary>
    public async Task<int> ExpireOverdueAsync()
    {
        var now = clock.GetUtcNow();
        var overdue = db.Listings.Where(l => l.Status == ListingStatus.Published && l.ExpiresAt != null && l.ExpiresAt <= now);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await facts.AddClosingForAsync(overdue, SupplyEvent.ExpiredUnmatched);
        await db.SaveChangesAsync();
        var expired = await overdue.ExecuteUpdateAsync(set => set.SetProperty(l => l.Status, ListingStatus.Expired));
        await transaction.CommitAsync();
        return expired;
    }
}
