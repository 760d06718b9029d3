using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Listings;

/// <summary>
/// Marks the town's published listings whose end has passed as expired. Pages already treat them as expired
/// (<see cref="ListingLifecycle.EffectiveStatus"/>); the stored status makes searches, counts and statistics agree.
/// </summary>
public sealed class ListingExpiry(AppDbContext db, TimeProvider clock)
{
    /// <summary>One statement; running it again changes nothing. Returns how many it expired.</summary>
    public Task<int> ExpireOverdueAsync() =>
        db.Listings
            .Where(l => l.Status == ListingStatus.Published && l.ExpiresAt != null && l.ExpiresAt <= clock.GetUtcNow())
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Status, ListingStatus.Expired));
}
