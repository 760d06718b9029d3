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
    string? FullTextMatch,
    string? TitleWords,
    ListingType? Type,
    int? Category,
    int? District,
    string? Language,
    bool PersonsOnly,
    OrganisationType? OrganisationType,
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
/// full-text hits of one town are few); without, the total is a count over the index. A second statement adds poster
/// and photo to the page's cards, except to those in office mode. Which listings are public is
/// <see cref="ListingVisibility.PublicOnSqlite"/>, office mode <see cref="OfficeMode.OnSqlite"/>. The tenant filter does not apply to raw SQL: every statement names the town itself.
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
            if (criteria.FullTextMatch is not null)
            {
                ((SqliteConnection)connection).CreateFunction<string?, string?, bool>(TitleWords.SqlFunction, TitleWords.BeginWith, isDeterministic: true);
            }

            var town = db.CurrentTenantId.ToString("D").ToUpperInvariant(); // EF Core stores a Guid in SQLite as upper-case text
            var withTotal = criteria.FullTextMatch is not null;
            var page = new List<(int Id, ListingType Type, string Title, int CategoryId, int DistrictId, DateTimeOffset? PublishedAt, DateTimeOffset? ExpiresAt)>();
            int? total = null;
            await using (var command = Matching(connection, town, criteria, withTotal ? Shape.PageWithTotal : Shape.Page))
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
                await using var count = Matching(connection, town, criteria, Shape.Count);
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
    private static DbCommand Matching(DbConnection connection, string town, ListingPageCriteria c, Shape shape)
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

        if (c.FullTextMatch is { } match)
        {
            sql.Append($" AND l.Id IN (SELECT rowid FROM {SqliteListingSearch.Table}($match))");
            // A listing in office mode shows only its title, so only its title may find it.
            sql.Append($" AND (NOT {OfficeMode.OnSqlite} OR {TitleWords.SqlFunction}(l.Title, $titleWords))");
            Add(command, "$match", match);
            Add(command, "$titleWords", c.TitleWords!);
            Add(command, "$mediated", (int)ExchangeMode.Mediated);
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
