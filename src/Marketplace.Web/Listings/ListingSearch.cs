using System.Text;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Marketplace.Web.Listings;

public enum ListingSort
{
    Newest,
    Ending,
}

/// <summary>The browse filters, read from the query string so every result page has its own address.</summary>
public sealed record ListingFilter(
    string? Q = null,
    ListingType? Type = null,
    int? Category = null,
    int? District = null,
    string? Language = null,
    string? Poster = null,
    ListingSort Sort = ListingSort.Newest,
    int Page = 1)
{
    public const int PageSize = 20;
    public const string PosterPerson = "person";
}

/// <summary>
/// The public listings of the current town (<see cref="ListingVisibility"/>), narrowed by the filters. On PostgreSQL as LINQ
/// (<see cref="Apply"/>, the tenant filter applies; full text through the German text-search configuration); on SQLite
/// as SQL (<see cref="SqliteListingPage"/>, FTS5 with prefix terms).
/// </summary>
public sealed class ListingSearch(AppDbContext db, TimeProvider clock)
{
    /// <summary>Words beyond these are ignored: they narrow little and each one costs a doclist.</summary>
    public const int MaxWords = 10;

    /// <summary>
    /// On SQLite, the criteria for <see cref="SqliteListingPage"/> (plain SQL, two statements per result page); null on PostgreSQL,
    /// where <see cref="Apply"/> serves. Both must select the same listings: the browse tests run on both.
    /// </summary>
    public ListingPageCriteria? PageOnSqlite(ListingFilter filter)
    {
        if (db is not SqliteAppDbContext)
        {
            return null;
        }

        var words = string.IsNullOrWhiteSpace(filter.Q) ? null : Fts5Query(filter.Q);
        var match = words is null ? null : SqliteListingSearch.MatchInTown(db.CurrentTenantId, words);
        var organisationType = Enum.TryParse<OrganisationType>(filter.Poster, out var parsed) ? parsed : (OrganisationType?)null;
        return new ListingPageCriteria(match, words is null ? null : filter.Q, filter.Type, filter.Category, filter.District, filter.Language,
            filter.Poster == ListingFilter.PosterPerson, organisationType, filter.Sort == ListingSort.Ending,
            (filter.Page - 1) * ListingFilter.PageSize, ListingFilter.PageSize, clock.GetUtcNow());
    }

    /// <summary>The listings everyone may see (<see cref="ListingVisibility.IsPublic"/>).</summary>
    public IQueryable<Listing> Visible() => db.Listings.WherePublic(clock.GetUtcNow());

    /// <summary>The town's listings with these ids, without re-running the filters that found them.</summary>
    public IQueryable<Listing> ByIds(IReadOnlyCollection<int> ids) => db.Listings.Where(l => ids.Contains(l.Id));

    public IQueryable<Listing> Apply(ListingFilter filter)
    {
        var query = Visible();
        if (filter.Type is { } type)
        {
            query = query.Where(l => l.Type == type);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(l => l.CategoryId == category || l.Category!.ParentId == category);
        }

        if (filter.District is { } district)
        {
            query = query.Where(l => l.DistrictId == district);
        }

        if (!string.IsNullOrEmpty(filter.Language))
        {
            var packed = "," + filter.Language + ",";
            query = query.Where(l => l.Languages.Contains(packed));
        }

        if (filter.Poster == ListingFilter.PosterPerson)
        {
            query = query.Where(l => l.OrganisationId == null);
        }
        else if (Enum.TryParse<OrganisationType>(filter.Poster, out var organisationType))
        {
            query = query.Where(l => l.Organisation!.Type == organisationType && l.Organisation.Status == OrganisationStatus.Approved);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            query = MatchText(query, filter.Q);
        }

        return filter.Sort == ListingSort.Ending
            ? query.OrderBy(l => l.ExpiresAt).ThenBy(l => l.Id)
            : query.OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id);
    }

    private IQueryable<Listing> MatchText(IQueryable<Listing> query, string text)
    {
        if (db is not PostgresAppDbContext)
        {
            throw new NotSupportedException("On SQLite, words are matched by SqliteListingPage through the FTS5 index.");
        }

        // A listing in office mode shows only its title, so only its title may find it.
        var officeMode = OfficeMode.Only(db, db.Listings).Select(l => l.Id);
        return query.Where(l => EF.Property<NpgsqlTsVector>(l, PostgresAppDbContext.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery("german", text))
            && (!officeMode.Contains(l.Id) || EF.Functions.ToTsVector("german", l.Title).Matches(EF.Functions.WebSearchToTsQuery("german", text))));
    }

    /// <summary>Every word must occur, as a prefix ("fahrr" finds "Fahrrad"); quotes keep FTS5 syntax out of user input.</summary>
    internal static string? Fts5Query(string text)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                terms.Add("\"" + word + "\"*");
                word.Clear();
            }
        }

        return terms.Count == 0 ? null : string.Join(" ", terms.Take(MaxWords));
    }
}
