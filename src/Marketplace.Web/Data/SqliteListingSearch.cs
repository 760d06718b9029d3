namespace Marketplace.Web.Data;

/// <summary>
/// The SQLite full-text index of listings: an FTS5 table over Listings' title and description, kept current by
/// triggers. Created by the SQLite migration; the tenant filter applies through the join back to Listings.
/// unicode61 folds case and diacritics; German word forms are approximated by prefix queries (SQLite has no German stemmer).
/// </summary>
public static class SqliteListingSearch
{
    public const string Table = "ListingSearch";

    public const string Create = """
        CREATE VIRTUAL TABLE ListingSearch USING fts5(Title, Description, content='Listings', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER Listings_SearchInsert AFTER INSERT ON Listings BEGIN
            INSERT INTO ListingSearch(rowid, Title, Description) VALUES (new.Id, new.Title, new.Description);
        END;
        CREATE TRIGGER Listings_SearchDelete AFTER DELETE ON Listings BEGIN
            INSERT INTO ListingSearch(ListingSearch, rowid, Title, Description) VALUES ('delete', old.Id, old.Title, old.Description);
        END;
        CREATE TRIGGER Listings_SearchUpdate AFTER UPDATE OF Title, Description ON Listings BEGIN
            INSERT INTO ListingSearch(ListingSearch, rowid, Title, Description) VALUES ('delete', old.Id, old.Title, old.Description);
            INSERT INTO ListingSearch(rowid, Title, Description) VALUES (new.Id, new.Title, new.Description);
        END;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS Listings_SearchUpdate;
        DROP TRIGGER IF EXISTS Listings_SearchDelete;
        DROP TRIGGER IF EXISTS Listings_SearchInsert;
        DROP TABLE IF EXISTS ListingSearch;
        """;
}
