namespace Marketplace.Web.Data;

/// <summary>
/// The SQLite full-text index of listings: an FTS5 table over title and description, kept current by triggers,
/// created by the SQLite migrations. It also indexes the town as one token ("t" + the id's 32 hex digits), so a match is
/// narrowed to one town inside the index instead of collecting every town's hits first; the tenant filter still applies
/// through the join back to Listings. Its external content is a view that computes that token, so FTS5's 'rebuild' and
/// 'integrity-check' see what the triggers index. unicode61 folds case and diacritics; German word forms are
/// approximated by prefix queries (SQLite has no German stemmer). Every search word is a prefix query, so the index keeps
/// prefixes of 3 to 10 characters: a query then reads one list instead of merging every word that starts alike (for
/// "kind*" on 100,000 listings, 0.3 instead of 3.6 ms), for about four times the index size.
/// </summary>
public static class SqliteListingSearch
{
    public const string Table = "ListingSearch";

    /// <summary>EF Core stores a Guid in SQLite as upper-case text with hyphens; this is its token in the index.</summary>
    private const string TownToken = "'t' || lower(replace({0}.TenantId, '-', ''))";

    public static readonly string Create = $"""
        CREATE VIEW ListingSearchSource AS
            SELECT Id, {string.Format(TownToken, "Listings")} AS Town, Title, Description FROM Listings;
        CREATE VIRTUAL TABLE ListingSearch USING fts5(Town, Title, Description, content='ListingSearchSource', content_rowid='Id', prefix='3 4 5 6 7 8 9 10', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER Listings_SearchInsert AFTER INSERT ON Listings BEGIN
            INSERT INTO ListingSearch(rowid, Town, Title, Description) VALUES (new.Id, {string.Format(TownToken, "new")}, new.Title, new.Description);
        END;
        CREATE TRIGGER Listings_SearchDelete AFTER DELETE ON Listings BEGIN
            INSERT INTO ListingSearch(ListingSearch, rowid, Town, Title, Description) VALUES ('delete', old.Id, {string.Format(TownToken, "old")}, old.Title, old.Description);
        END;
        CREATE TRIGGER Listings_SearchUpdate AFTER UPDATE OF Title, Description ON Listings BEGIN
            INSERT INTO ListingSearch(ListingSearch, rowid, Town, Title, Description) VALUES ('delete', old.Id, {string.Format(TownToken, "old")}, old.Title, old.Description);
            INSERT INTO ListingSearch(rowid, Town, Title, Description) VALUES (new.Id, {string.Format(TownToken, "new")}, new.Title, new.Description);
        END;
        INSERT INTO ListingSearch(ListingSearch) VALUES ('rebuild');
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS Listings_SearchUpdate;
        DROP TRIGGER IF EXISTS Listings_SearchDelete;
        DROP TRIGGER IF EXISTS Listings_SearchInsert;
        DROP TABLE IF EXISTS ListingSearch;
        DROP VIEW IF EXISTS ListingSearchSource;
        """;

    /// <summary>
    /// The FTS5 match for one town: its token in the Town column, and the words in title or description only (so a
    /// search for part of a town id finds nothing).
    /// </summary>
    public static string MatchInTown(Guid tenantId, string words) => $"Town : t{tenantId:N} AND ({{Title Description}} : ({words}))";

    /// <summary>The first version (town id as a five-token phrase); only the migrations that made and replaced it use it.</summary>
    public static class Version1
    {
        public const string Create = """
            CREATE VIRTUAL TABLE ListingSearch USING fts5(TenantId, Title, Description, content='Listings', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER Listings_SearchInsert AFTER INSERT ON Listings BEGIN
                INSERT INTO ListingSearch(rowid, TenantId, Title, Description) VALUES (new.Id, new.TenantId, new.Title, new.Description);
            END;
            CREATE TRIGGER Listings_SearchDelete AFTER DELETE ON Listings BEGIN
                INSERT INTO ListingSearch(ListingSearch, rowid, TenantId, Title, Description) VALUES ('delete', old.Id, old.TenantId, old.Title, old.Description);
            END;
            CREATE TRIGGER Listings_SearchUpdate AFTER UPDATE OF Title, Description ON Listings BEGIN
                INSERT INTO ListingSearch(ListingSearch, rowid, TenantId, Title, Description) VALUES ('delete', old.Id, old.TenantId, old.Title, old.Description);
                INSERT INTO ListingSearch(rowid, TenantId, Title, Description) VALUES (new.Id, new.TenantId, new.Title, new.Description);
            END;
            """;

        public const string Drop = """
            DROP TRIGGER IF EXISTS Listings_SearchUpdate;
            DROP TRIGGER IF EXISTS Listings_SearchDelete;
            DROP TRIGGER IF EXISTS Listings_SearchInsert;
            DROP TABLE IF EXISTS ListingSearch;
            """;
    }
}
