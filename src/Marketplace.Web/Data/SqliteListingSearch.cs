namespace Marketplace.Web.Data;

/// <summary>
/// The SQLite full-text index of listings: an FTS5 table over Listings' title and description, kept current by
/// triggers. Created by the SQLite migration. It also indexes the town (TenantId) so a match is narrowed to one
/// town inside the index instead of collecting every town's hits first; the tenant filter still applies through
/// the join back to Listings. unicode61 folds case and diacritics; German word forms are approximated by prefix
/// queries (SQLite has no German stemmer).
/// </summary>
public static class SqliteListingSearch
{
    public const string Table = "ListingSearch";

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

    /// <summary>The FTS5 match for one town: the town's id as a phrase in the TenantId column, and the words.</summary>
    public static string MatchInTown(Guid tenantId, string words) => $"TenantId : \"{tenantId:D}\" AND ({words})";

    public const string Drop = """
        DROP TRIGGER IF EXISTS Listings_SearchUpdate;
        DROP TRIGGER IF EXISTS Listings_SearchDelete;
        DROP TRIGGER IF EXISTS Listings_SearchInsert;
        DROP TABLE IF EXISTS ListingSearch;
        """;
}
