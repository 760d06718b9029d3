using System.Data.Common;
using System.Text;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Web.Data;

/// <summary>What one page of browse results asks for, already checked and normalised by the page.</summary>
public sealed record ListingPageCriteria(
    TextSearch? Text,
    ListingType? Type,
    int? Category,
    int? District,
    string? Language,
    bool PersonsOnly,
    OrganisationType? OrganisationType,
    bool WithoutOfficeMode,
    bool EndingFirst,
    int Skip,
    int Take,
    DateTimeOffset Now);

/// <summary>
/// One card of a result page; category and district names come from the town's cached reference data. In office mode
/// (<see cref="ViaOffice"/>) poster and photo are not read: empty and null.
/// </summary>
public sealed record ListingPageRow(int Id, ListingType Type, string Title, int CategoryId, int DistrictId,
    DateTimeOffset? PublishedAt, DateTimeOffset? ExpiresAt, string Poster, bool Verified, int? PhotoId, bool ViaOffice);

/// <summary>
/// The browse page on SQLite in plain SQL. Through LINQ the page took three to four statements and most of the request
/// went to query translation and statement preparation; the browse page is a town's busiest page, so it gets its own
/// statements (the bench in bench/ measures it). With words to match, one statement finds the page and the total (the
/// full-text hits of one town are few); without, the total is a count over the index. Each word that must occur is a set of
/// ids from an index (<see cref="SqliteListingSearch.Trigrams"/> for three letters or more, the word index for fewer, plus
/// the listings of the categories it names); listings in office mode are then held to their title and category
/// (<see cref="TitleWords"/>). A second statement adds poster and photo to the page's cards, except to those in office
/// mode. Which listings are public is <see cref="ListingVisibility.PublicOnSqlite"/>, office mode <see cref="OfficeMode.OnSqlite"/>.
/// The tenant filter does not apply to raw SQL: every statement names the town itself.
/// </summary>
public static class SqliteListingPage
{
    private static readonly DateTimeOffsetToBinaryConverter Time = new();

    public static async Task<(IReadOnlyList<ListingPageRow> Rows, int Total)> LoadAsync(AppDbContext db, ListingPageCriteria criteria)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            if (criteria.Text is not null)
            {
                ((SqliteConnection)connection).CreateFunction<string?, string?, bool>(TitleWords.SqlFunction, TitleWords.Have, isDeterministic: true);
            }

            var town = db.CurrentTenantId.ToString("D").ToUpperInvariant(); // EF Core stores a Guid in SQLite as upper-case text
            var withTotal = criteria.Text is not null;
            var page = new List<(int Id, ListingType Type, string Title, int CategoryId, int DistrictId, DateTimeOffset? PublishedAt, DateTimeOffset? ExpiresAt)>();
            int? total = null;
            await using (var command = Matching(connection, db.CurrentTenantId, town, criteria, withTotal ? Shape.PageWithTotal : Shape.Page))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    page.Add((reader.GetInt32(0), (ListingType)reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                        TimeOrNull(reader, 5), TimeOrNull(reader, 6)));
                    total = withTotal ? reader.GetInt32(7) : null;
                }
            }

            if (total is null)
            {
                // Without words to match, or past the last page where no row carries the total.
                await using var count = Matching(connection, db.CurrentTenantId, town, criteria, Shape.Count);
                total = Convert.ToInt32(await count.ExecuteScalarAsync());
            }

            var details = await DetailsAsync(connection, town, page.Select(p => p.Id).ToList());
            var rows = page.Select(p =>
            {
                var (poster, verified, photoId, viaOffice) = details.GetValueOrDefault(p.Id, ("", false, null, false));
                return new ListingPageRow(p.Id, p.Type, p.Title, p.CategoryId, p.DistrictId, p.PublishedAt, p.ExpiresAt, poster, verified, photoId,
                    viaOffice);
            }).ToList();
            return (rows, total.Value);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private enum Shape
    {
        Page,
        PageWithTotal,
        Count,
    }

    private static DateTimeOffset? TimeOrNull(DbDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : (DateTimeOffset)Time.ConvertFromProvider(r.GetInt64(ordinal))!;

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>The listings the criteria select, as a page, a page with the total, or only the total.</summary>
    private static DbCommand Matching(DbConnection connection, Guid tenantId, string town, ListingPageCriteria c, Shape shape)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder(shape switch
        {
            Shape.Count => "SELECT count(*)",
            Shape.PageWithTotal => "SELECT l.Id, l.Type, l.Title, l.CategoryId, l.DistrictId, l.PublishedAt, l.ExpiresAt, count(*) OVER ()",
            _ => "SELECT l.Id, l.Type, l.Title, l.CategoryId, l.DistrictId, l.PublishedAt, l.ExpiresAt",
        });
        sql.Append($"""

             FROM Listings AS l
            WHERE l.TenantId = $town AND {ListingVisibility.PublicOnSqlite}
            """);
        Add(command, "$town", town);
        foreach (var (name, value) in ListingVisibility.PublicOnSqliteParameters(c.Now))
        {
            Add(command, name, value);
        }
        if (c.Type is { } type)
        {
            sql.Append(" AND l.Type = $type");
            Add(command, "$type", (int)type);
        }

        if (c.Category is { } category)
        {
            sql.Append(" AND (l.CategoryId = $category OR l.CategoryId IN (SELECT Id FROM Categories WHERE TenantId = $town AND ParentId = $category))");
            Add(command, "$category", category);
        }

        if (c.District is { } district)
        {
            sql.Append(" AND l.DistrictId = $district");
            Add(command, "$district", district);
        }

        if (!string.IsNullOrEmpty(c.Language))
        {
            // Languages are stored packed as ",de,ar,".
            sql.Append(" AND instr(l.Languages, $language) > 0");
            Add(command, "$language", "," + c.Language + ",");
        }

        if (c.PersonsOnly)
        {
            sql.Append(" AND l.OrganisationId IS NULL");
        }
        else if (c.OrganisationType is { } organisationType)
        {
            sql.Append(" AND l.OrganisationId IN (SELECT Id FROM Organisations WHERE TenantId = $town AND Type = $orgType AND Status = $approved)");
            Add(command, "$orgType", (int)organisationType);
            Add(command, "$approved", (int)OrganisationStatus.Approved);
        }

        if (c.WithoutOfficeMode || c.Text is not null)
        {
            Add(command, "$mediated", (int)ExchangeMode.Mediated);
        }

        if (c.WithoutOfficeMode)
        {
            // A filter on a field that the office-mode card hides leaves those listings out, whatever the field holds.
            sql.Append($" AND NOT {OfficeMode.OnSqlite}");
        }

        if (c.Text is { } text)
        {
            AppendText(command, sql, tenantId, text);
        }

        if (shape != Shape.Count)
        {
            sql.Append(c.EndingFirst ? " ORDER BY l.ExpiresAt, l.Id" : " ORDER BY l.PublishedAt DESC, l.Id DESC");
            sql.Append(" LIMIT $take OFFSET $skip");
            Add(command, "$take", c.Take);
            Add(command, "$skip", c.Skip);
        }

        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>
    /// The words: each one that must occur narrows to the ids its indexes give (the statement's driving sets). Then what the
    /// reader can see decides, per listing: in office mode its title and category for every word, otherwise for the words that
    /// must not occur also the description.
    /// </summary>
    private static void AppendText(DbCommand command, StringBuilder sql, Guid tenantId, TextSearch text)
    {
        string Parameter(string prefix, int index, string value)
        {
            var name = $"${prefix}{index}";
            Add(command, name, value);
            return name;
        }

        // Category ids are integers from the town's own rows, so they go into the text as they are.
        static string InCategories(SearchWord word) => word.Categories.Count == 0 ? "0" : $"l.CategoryId IN ({string.Join(",", word.Categories)})";

        string Hits(SearchWord word, string prefix, int index) => word.Term.IsShort
            ? $"SELECT rowid FROM {SqliteListingSearch.Table}({Parameter(prefix, index, SqliteListingSearch.MatchInTown(tenantId, SqliteListingSearch.WordBeginning(word.Term.Text)))})"
            : $"SELECT rowid FROM {SqliteListingSearch.Trigrams.Table}({Parameter(prefix, index, SqliteListingSearch.Trigrams.SubstringInTown(tenantId, word.Term.Text))})";

        string InTitle(SearchWord word, string prefix, int index) =>
            $"({TitleWords.SqlFunction}(l.Title, {Parameter(prefix, index, word.Term.Text)}) OR {InCategories(word)})";

        for (var i = 0; i < text.Required.Count; i++)
        {
            var word = text.Required[i];
            var categories = word.Categories.Count == 0 ? ""
                : $" UNION ALL SELECT Id FROM Listings WHERE TenantId = $town AND CategoryId IN ({string.Join(",", word.Categories)})";
            sql.Append($" AND l.Id IN ({Hits(word, "w", i)}{categories})");
        }

        var titleDecides = text.Required.Select((w, i) => InTitle(w, "t", i))
            .Concat(text.Excluded.Select((w, i) => "NOT " + InTitle(w, "u", i))).DefaultIfEmpty("1").ToList();
        var textDecides = text.Excluded.Select((w, i) => $"NOT (l.Id IN ({Hits(w, "x", i)}) OR {InCategories(w)})").DefaultIfEmpty("1").ToList();
        sql.Append($" AND CASE WHEN {OfficeMode.OnSqlite} THEN {string.Join(" AND ", titleDecides)} ELSE {string.Join(" AND ", textDecides)} END");
    }

    /// <summary>
    /// Poster (organisation or username), verified badge and first photo of the page's listings; for a listing in office mode
    /// only that it is (<see cref="OfficeMode"/>: the public sees neither poster nor photo).
    /// </summary>
    private static async Task<Dictionary<int, (string Poster, bool Verified, int? PhotoId, bool ViaOffice)>> DetailsAsync(DbConnection connection,
        string town, IReadOnlyList<int> ids)
    {
        var details = new Dictionary<int, (string, bool, int?, bool)>();
        if (ids.Count == 0)
        {
            return details;
        }

        await using var command = connection.CreateCommand();
        // The ids are integers the first statement returned, so they go into the text as they are.
        command.CommandText = $"""
            SELECT l.Id, l.ViaOffice,
                CASE WHEN l.ViaOffice THEN NULL WHEN o.Id IS NOT NULL THEN o.Name ELSE u.UserName END,
                CASE WHEN l.ViaOffice THEN 0 ELSE coalesce(o.Status = $approved, 0) END,
                CASE WHEN l.ViaOffice THEN NULL ELSE (SELECT p.Id FROM ListingPhotos AS p WHERE p.ListingId = l.Id ORDER BY p.SortOrder LIMIT 1) END
            FROM (SELECT l.Id, l.OrganisationId, l.PosterUserId, {OfficeMode.OnSqlite} AS ViaOffice
                  FROM Listings AS l WHERE l.TenantId = $town AND l.Id IN ({string.Join(",", ids)})) AS l
            LEFT JOIN Organisations AS o ON o.Id = l.OrganisationId
            JOIN AspNetUsers AS u ON u.Id = l.PosterUserId
            """;
        Add(command, "$town", town);
        Add(command, "$approved", (int)OrganisationStatus.Approved);
        Add(command, "$mediated", (int)ExchangeMode.Mediated);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details[reader.GetInt32(0)] = (reader.IsDBNull(2) ? "" : reader.GetString(2), reader.GetInt64(3) == 1,
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.GetInt64(1) == 1);
        }

        return details;
    }
}
