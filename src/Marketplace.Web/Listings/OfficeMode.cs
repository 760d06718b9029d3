using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Listings;

/// <summary>
/// A listing is in office mode when its category (or the parent category) is mediated, or when a coordinator recorded it
/// for someone without an account who has not claimed it yet: the public then sees only category, district, title and
/// dates, and responses go to the coordination office instead of the poster. It is part of who sees what of a listing
/// (<see cref="ListingVisibility"/>). The browse page's SQL on SQLite uses its SQL twin <see cref="OnSqlite"/>; the browse
/// tests hold both to the same listings.
/// </summary>
public static class OfficeMode
{
    /// <summary>
    /// <see cref="Only"/> for the listing <c>l</c> in SQLite SQL (<see cref="SqliteListingPage"/>): its category or the parent
    /// is mediated, or an intake request nobody has claimed yet. Parameters: $town (the town's id as EF Core stores it) and
    /// $mediated (<see cref="ExchangeMode.Mediated"/> as its number); like every raw statement, it names the town itself.
    /// </summary>
    public const string OnSqlite = """
        (EXISTS (SELECT 1 FROM Categories AS c LEFT JOIN Categories AS p ON p.Id = c.ParentId
                 WHERE c.Id = l.CategoryId AND c.TenantId = $town AND (c.ExchangeMode = $mediated OR p.ExchangeMode = $mediated))
         OR EXISTS (SELECT 1 FROM IntakeContacts AS i WHERE i.ListingId = l.Id AND i.TenantId = $town AND i.ClaimedAt IS NULL))
        """;

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
}
