using System.Linq.Expressions;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Web.Listings;

/// <summary>How much of one listing a reader gets.</summary>
public enum ListingSight
{
    /// <summary>Nothing: the listing and its photos answer 404, as if they did not exist.</summary>
    None,

    /// <summary>Office mode (<see cref="OfficeMode"/>) for the public: type, category, district, title and dates; no photos.</summary>
    Summary,

    /// <summary>A published listing for the public: also description, poster, languages, the facts and the photos.</summary>
    Public,

    /// <summary>The poster, the organisation it was posted for, or the coordination office: all of it, in any state they may see.</summary>
    Insider,
}

/// <summary>Who reads: the signed-in account (null when signed out) and whether it is the town's coordination office.</summary>
public sealed record ListingReader(string? UserId, bool IsOffice)
{
    public static readonly ListingReader Anonymous = new(null, false);
}

/// <summary>One listing as one reader meets it: what <see cref="ListingVisibility.SightFor"/> decides on.</summary>
public sealed record ListingFacts(ListingStatus Status, DateTimeOffset? ExpiresAt, bool IsHidden, bool InOfficeMode, bool ByReader,
    bool ForReadersOrganisation);

/// <summary>
/// Who may see a listing, and how much of it. The one rule: a published listing everyone (in office mode the public only
/// its summary); a paused, fulfilled, closed or expired one only its poster, the members of the organisation it was
/// posted for and the town's coordination office (coordinators and town admins); a listing hidden by moderation only its
/// poster and the office; a draft only its poster. Lists (browse, search, organisation profiles, digests) and the first
/// message show what the public sees: <see cref="IsPublic"/>, and the browse page's SQLite statements its SQL twin
/// <see cref="PublicOnSqlite"/>. Pages that show fields project per <see cref="ListingSight"/>, so a reader's query never
/// loads what that reader may not see.
/// </summary>
public static class ListingVisibility
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    public static ListingSight SightFor(ListingFacts listing, ListingReader reader, DateTimeOffset now)
    {
        var status = ListingLifecycle.EffectiveStatus(listing.Status, listing.ExpiresAt, now);
        if (listing.ByReader)
        {
            return ListingSight.Insider;
        }

        if (status == ListingStatus.Draft)
        {
            return ListingSight.None;
        }

        if (listing.IsHidden)
        {
            return reader.IsOffice ? ListingSight.Insider : ListingSight.None;
        }

        if (reader.IsOffice || listing.ForReadersOrganisation)
        {
            return ListingSight.Insider;
        }

        if (status != ListingStatus.Published)
        {
            return ListingSight.None;
        }

        return listing.InOfficeMode ? ListingSight.Summary : ListingSight.Public;
    }

    /// <summary>Photos show the person or the place: for readers who get more than the summary.</summary>
    public static bool ShowsPhotos(ListingSight sight) => sight is ListingSight.Public or ListingSight.Insider;

    /// <summary>The listings everyone may see (<see cref="SightFor"/> is not <see cref="ListingSight.None"/> for a stranger).</summary>
    public static Expression<Func<Listing, bool>> IsPublic(DateTimeOffset now) =>
        l => l.Status == ListingStatus.Published && !l.IsHidden && (l.ExpiresAt == null || l.ExpiresAt > now);

    public static IQueryable<Listing> WherePublic(this IQueryable<Listing> listings, DateTimeOffset now) => listings.Where(IsPublic(now));

    /// <summary>
    /// <see cref="IsPublic"/> in SQLite SQL for the listing <c>l</c>, with the parameters <see cref="PublicOnSqliteParameters"/>
    /// gives. It names no town: the statement around it does.
    /// </summary>
    public const string PublicOnSqlite = "l.Status = $published AND NOT l.IsHidden AND (l.ExpiresAt IS NULL OR l.ExpiresAt > $now)";

    /// <summary>The status as its number and the time as EF Core stores it on SQLite (UTC ticks, see SqliteAppDbContext).</summary>
    public static IEnumerable<(string Name, object Value)> PublicOnSqliteParameters(DateTimeOffset now) =>
        [("$published", (int)ListingStatus.Published), ("$now", SqliteTime.ConvertToProvider(now)!)];

    public static async Task<ListingReader> ReaderAsync(CurrentMember member) =>
        member.UserId is { } userId ? new ListingReader(userId, await member.IsAtLeastAsync(TownRole.Coordinator)) : ListingReader.Anonymous;

    /// <summary>The facts of one listing of the town for this reader, in one statement; null when the town has no such listing.</summary>
    public static Task<ListingFacts?> FactsAsync(AppDbContext db, int listingId, ListingReader reader)
    {
        // "" is nobody's id, so a signed-out reader is neither poster nor organisation member.
        var userId = reader.UserId ?? "";
        // Narrowed to this listing before the office-mode test: "Id IN (every listing in office mode)" read the whole town.
        var inOfficeMode = OfficeMode.Only(db, db.Listings.Where(o => o.Id == listingId));
        return db.Listings.AsNoTracking().Where(l => l.Id == listingId)
            .Select(l => new ListingFacts(l.Status, l.ExpiresAt, l.IsHidden, inOfficeMode.Any(), l.PosterUserId == userId,
                l.OrganisationId != null && db.OrganisationMembers.Any(m => m.OrganisationId == l.OrganisationId && m.UserId == userId)))
            .SingleOrDefaultAsync();
    }

    /// <summary>How much of the listing this reader gets (<see cref="ListingSight.None"/> also when it does not exist).</summary>
    public static async Task<(ListingSight Sight, ListingFacts? Facts)> SightAsync(AppDbContext db, int listingId, ListingReader reader,
        DateTimeOffset now) =>
        await FactsAsync(db, listingId, reader) is { } facts ? (SightFor(facts, reader, now), facts) : (ListingSight.None, null);
}
