using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Gaps;

/// <summary>
/// The one home that writes <see cref="SupplyFact"/>s. Every change of supply or demand adds its fact to the same
/// context before the change's SaveChanges (<see cref="AddAsync(Listing, SupplyEvent, bool)"/>), or writes it inside
/// the change's transaction (<see cref="WriteAsync"/>, for code that changes rows with ExecuteUpdate), so a fact is
/// never kept for a change that rolled back and never missing for one that committed.
/// </summary>
/// <remarks>
/// "Open" as the facts see it is stored status Published and not hidden. A listing whose end has passed stays open
/// until the expiry job marks it and records <see cref="SupplyEvent.ExpiredUnmatched"/>: the facts then pair every
/// opening with exactly one closing, also when the poster renews in between (which records nothing).
/// </remarks>
public sealed class SupplyFactRecorder(AppDbContext db, TownClock townClock, TimeProvider clock)
{
    public static bool IsOpen(ListingStatus status, bool isHidden) => status == ListingStatus.Published && !isHidden;

    public static bool IsOpen(Listing listing) => IsOpen(listing.Status, listing.IsHidden);

    /// <summary>
    /// After a change of a tracked listing (lifecycle action, moderation): Published when it became open, Withdrawn when
    /// it stopped being open, Matched when it was fulfilled; nothing when openness did not change (renewing a running
    /// listing, editing). Adds to the context; the caller saves. <paramref name="listing"/> needs its id.
    /// </summary>
    public async Task AddChangeAsync(Listing listing, bool wasOpen, bool fulfilled = false)
    {
        var isOpen = IsOpen(listing);
        if (fulfilled)
        {
            // A listing already matched through the office (its Matched fact was written at the second yes) is not matched
            // a second time when its poster says so. Asked of the matches, which are indexed by listing; the facts are not.
            var matchedBefore = await db.Matches.AnyAsync(m => m.Source == MatchSource.Coordination
                && (m.ListingId == listing.Id || m.OfferListingId == listing.Id)
                && (m.Status == MatchStatus.Accepted || m.Status == MatchStatus.Completed || m.Status == MatchStatus.Disputed
                    || m.Status == MatchStatus.NotHappened));
            await AddAsync(listing, matchedBefore ? SupplyEvent.Withdrawn : SupplyEvent.Matched, closes: !isOpen);
        }
        else if (isOpen && !wasOpen)
        {
            await AddAsync(listing, SupplyEvent.Published, closes: false);
        }
        else if (wasOpen && !isOpen)
        {
            await AddAsync(listing, SupplyEvent.Withdrawn, closes: true);
        }
    }

    /// <summary>Adds one fact about a tracked listing to the context; the caller saves it with the change.</summary>
    public async Task AddAsync(Listing listing, SupplyEvent supplyEvent, bool closes)
    {
        var parentId = await db.Categories.Where(c => c.Id == listing.CategoryId).Select(c => c.ParentId).SingleOrDefaultAsync();
        var now = clock.GetUtcNow();
        db.SupplyFacts.Add(Fact(new ListingShape(listing.Id, listing.Type, listing.CategoryId, parentId, listing.DistrictId, listing.DayParts,
            listing.PublishedAt), supplyEvent, closes, now));
    }

    /// <summary>
    /// Writes one fact about a listing by its id inside the caller's transaction (it saves at once); for code that
    /// changes rows with ExecuteUpdate. <paramref name="closes"/> is asked of the listing as it is after the change.
    /// </summary>
    public async Task WriteAsync(int listingId, SupplyEvent supplyEvent, Func<ListingState, bool> closes)
    {
        var row = await db.Listings.AsNoTracking().Where(l => l.Id == listingId)
            .Select(l => new
            {
                Shape = new ListingShape(l.Id, l.Type, l.CategoryId, l.Category!.ParentId, l.DistrictId, l.DayParts, l.PublishedAt),
                State = new ListingState(l.Status, l.IsHidden, l.Quantity, l.OfficeStatus),
            })
            .SingleOrDefaultAsync();
        if (row is null)
        {
            return;
        }

        db.SupplyFacts.Add(Fact(row.Shape, supplyEvent, closes(row.State), clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Adds one fact for each listing of <paramref name="changing"/> that is open now, with one query, before a bulk
    /// update takes them off the market (the caller's transaction; it saves). Only open ones: a listing that was not
    /// open records nothing, so running the update twice records nothing the second time.
    /// </summary>
    public async Task<int> AddClosingForAsync(IQueryable<Listing> changing, SupplyEvent supplyEvent)
    {
        var now = clock.GetUtcNow();
        var rows = await changing.Where(l => l.Status == ListingStatus.Published && !l.IsHidden)
            .Select(l => new ListingShape(l.Id, l.Type, l.CategoryId, l.Category!.ParentId, l.DistrictId, l.DayParts, l.PublishedAt))
            .ToListAsync();
        db.SupplyFacts.AddRange(rows.Select(r => Fact(r, supplyEvent, closes: true, now)));
        return rows.Count;
    }

    private SupplyFact Fact(ListingShape listing, SupplyEvent supplyEvent, bool closes, DateTimeOffset now) => new()
    {
        Event = supplyEvent,
        Side = listing.Type,
        CategoryId = listing.ParentCategoryId ?? listing.CategoryId,
        SubCategoryId = listing.ParentCategoryId is null ? 0 : listing.CategoryId,
        DistrictId = listing.DistrictId,
        DayParts = listing.DayParts,
        At = now,
        ListingKey = listing.Id,
        Closes = closes,
        DaysToMatch = supplyEvent == SupplyEvent.Matched && listing.Type == ListingType.Request && listing.PublishedAt is { } published
            ? Math.Max(0, townClock.DateOf(now).DayNumber - townClock.DateOf(published).DayNumber)
            : null,
    };

    private sealed record ListingShape(int Id, ListingType Type, int CategoryId, int? ParentCategoryId, int DistrictId, DayParts DayParts,
        DateTimeOffset? PublishedAt);
}

/// <summary>A listing as it is after a change, for deciding whether the change's fact closes it.</summary>
public sealed record ListingState(ListingStatus Status, bool IsHidden, int? Quantity, OfficeStatus OfficeStatus)
{
    public bool IsOpen => SupplyFactRecorder.IsOpen(Status, IsHidden);
}
