using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Coordination;

/// <summary>
/// A listing is in office mode when its category (or the parent category) is mediated, or when a coordinator recorded it
/// for someone without an account who has not claimed it yet: the public then sees only category, district, title and
/// dates, and responses go to the coordination office instead of the poster.
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

    /// <summary>
    /// The same rule as <see cref="Only"/> as an SQLite condition on a listing aliased <c>l</c>, for the browse page's plain
    /// SQL (<see cref="SqliteListingPage"/>); <c>$mediated</c> is bound to <see cref="ExchangeMode.Mediated"/>.
    /// </summary>
    public const string SqliteCondition = """
        (EXISTS (SELECT 1 FROM Categories AS c LEFT JOIN Categories AS p ON p.Id = c.ParentId
                 WHERE c.Id = l.CategoryId AND (c.ExchangeMode = $mediated OR p.ExchangeMode = $mediated))
         OR EXISTS (SELECT 1 FROM IntakeContacts AS i WHERE i.ListingId = l.Id AND i.ClaimedAt IS NULL))
        """;

    public static Task<bool> IsOnAsync(AppDbContext db, int listingId) =>
        Only(db, db.Listings.Where(l => l.Id == listingId)).AnyAsync();

    /// <summary>Which of these listings are in office mode (one query for a whole result page).</summary>
    public static async Task<IReadOnlySet<int>> AmongAsync(AppDbContext db, IReadOnlyCollection<int> listingIds) =>
        listingIds.Count == 0 ? new HashSet<int>()
            : (await Only(db, db.Listings.Where(l => listingIds.Contains(l.Id))).Select(l => l.Id).ToListAsync()).ToHashSet();
}
