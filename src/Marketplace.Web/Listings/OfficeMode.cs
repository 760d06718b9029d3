using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Listings;

/// <summary>
/// A listing is in office mode when its category (or the parent category) is mediated, or when a coordinator recorded it
/// for someone without an account who has not claimed it yet: the public then sees only category, district, title and
/// dates, and responses go to the coordination office instead of the poster. The browse page's SQL on SQLite repeats the
/// rule (<see cref="SqliteListingPage"/>); the browse tests hold both to the same listings.
/// </summary>
public static class OfficeMode
{
    public static IQueryable<Listing> Only(AppDbContext db, IQueryable<Listing> listings) =>
        listings.Where(l => l.Category!.ExchangeMode == ExchangeMode.Mediated
            || (l.Category.Parent != null && l.Category.Parent.ExchangeMode == ExchangeMode.Mediated)
            || db.IntakeContacts.Any(i => i.ListingId == l.Id && i.ClaimedAt == null));

    /// <summary>The listings not in office mode: where a list would name the poster (e.g. an organisation's profile).</summary>
    public static IQueryable<Listing> Excluding(AppDbContext db, IQueryable<Listing> listings) =>
        listings.Where(l => l.Category!.ExchangeMode != ExchangeMode.Mediated
            && (l.Category.Parent == null || l.Category.Parent.ExchangeMode != ExchangeMode.Mediated)
            && !db.IntakeContacts.Any(i => i.ListingId == l.Id && i.ClaimedAt == null));

    public static Task<bool> IsOnAsync(AppDbContext db, int listingId) =>
        Only(db, db.Listings.Where(l => l.Id == listingId)).AnyAsync();

    /// <summary>Which of these listings are in office mode (one query for a whole result page).</summary>
    public static async Task<IReadOnlySet<int>> AmongAsync(AppDbContext db, IReadOnlyCollection<int> listingIds) =>
        listingIds.Count == 0 ? new HashSet<int>()
            : (await Only(db, db.Listings.Where(l => listingIds.Contains(l.Id))).Select(l => l.Id).ToListAsync()).ToHashSet();
}
