using Marketplace.Web.Listings;

namespace Marketplace.Web.Data;

/// <summary>
/// The SQLite full-text index of listings: an FTS5 table over title and description, kept current by triggers,
/// created by the SQLite migrations. It also indexes the town as one token ("t" + the id's 32 hex digits), so a match is
/// narrowed to one town inside the index instead of collecting every town's hits first; the tenant filter still applies
/// through the join back to Listings. Its external content is a view that computes that token, so FTS5's 'rebuild' and
/// 'integrity-check' see what the triggers index; the view also folds the Arabic script as Listings/SearchText does
/// (<see cref="SearchText.SqliteFold"/>), and the triggers read the view back for their row. unicode61 folds case and
/// Latin diacritics; German word forms are approximated by prefix queries (SQLite has no German stemmer). Every search word is a prefix query, so the index keeps
/// prefixes of 3 to 10 characters: a query then reads one list instead of merging every word that starts alike (for
/// "kind*" on 100,000 listings, 0.3 instead of 3.6 ms), for about four times the index size. Since the trigram index
/// (<see cref="Trigrams"/>) finds words of three letters or more anywhere, search asks this one for shorter words only.
/// </summary>
public static class SqliteListingSearch
{
    public const string Table = "ListingSearch";

    /// <summary>EF Core stores a Guid in SQLite as upper-case text with hyphens; this is its token in the index.</summary>
    private const string TownToken = "'t' || lower(replace({0}.TenantId, '-', ''))";

    /// <summary>
    /// Title and description of every listing with the Arabic script folded (<see cref="SearchText.SqliteFold"/>), with Id
    /// and TenantId; the views of both indexes read it as "f". The triggers read the views back for the one row they index,
    /// so the fold is written once, and what they index is what 'rebuild' would.
    /// </summary>
    private static readonly string FoldedListings =
        $"SELECT Id, TenantId, {SearchText.SqliteFold("Title")} AS Title, {SearchText.SqliteFold("Description")} AS Description FROM Listings";

    /// <summary>
    /// The triggers of an index over a source view whose rows are the listings' (same Id): what a row had is taken out before
    /// it changes or goes, what it has is put in after it was written.
    /// </summary>
    private static string Triggers(string index, string source, string prefix) => $"""
        CREATE TRIGGER Listings_{prefix}Insert AFTER INSERT ON Listings BEGIN
            INSERT INTO {index}(rowid, Town, Title, Description) SELECT Id, Town, Title, Description FROM {source} WHERE Id = new.Id;
        END;
        CREATE TRIGGER Listings_{prefix}Delete BEFORE DELETE ON Listings BEGIN
            INSERT INTO {index}({index}, rowid, Town, Title, Description) SELECT 'delete', Id, Town, Title, Description FROM {source} WHERE Id = old.Id;
        END;
        CREATE TRIGGER Listings_{prefix}Unindex BEFORE UPDATE OF Title, Description ON Listings BEGIN
            INSERT INTO {index}({index}, rowid, Town, Title, Description) SELECT 'delete', Id, Town, Title, Description FROM {source} WHERE Id = old.Id;
        END;
        CREATE TRIGGER Listings_{prefix}Update AFTER UPDATE OF Title, Description ON Listings BEGIN
            INSERT INTO {index}(rowid, Town, Title, Description) SELECT Id, Town, Title, Description FROM {source} WHERE Id = new.Id;
        END;
        """;

    public static readonly string Create = $"""
        CREATE VIEW ListingSearchSource AS
            SELECT Id, {string.Format(TownToken, "f")} AS Town, Title, Description FROM ({FoldedListings}) AS f;
        CREATE VIRTUAL TABLE ListingSearch USING fts5(Town, Title, Description, content='ListingSearchSource', content_rowid='Id', prefix='3 4 5 6 7 8 9 10', tokenize='unicode61 remove_diacritics 2');
        {Triggers("ListingSearch", "ListingSearchSource", "Search")}
        INSERT INTO ListingSearch(ListingSearch) VALUES ('rebuild');
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS Listings_SearchUpdate;
        DROP TRIGGER IF EXISTS Listings_SearchUnindex;
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

    /// <summary>A phrase of the word index for a term: the words that begin with it.</summary>
    public static string WordBeginning(string term) => "\"" + term.Replace("\"", "\"\"") + "\"*";

    /// <summary>
    /// The FTS5 trigram index beside the word index: any three letters or more of title or description, case and Latin
    /// diacritics folded by the tokenizer, hyphens left out and the Arabic script folded by the source view (as
    /// Listings/SearchText folds a search), so
    /// "fahrrad" finds "Damenfahrrad" and "deutschkurs" finds "Deutsch-Kurs". Like the word index it keys the town, here as
    /// three characters of Unicode's private use area taken from the town id (<see cref="TownToken"/>): one trigram, so
    /// a match reads the town's list beside the word's instead of every town's hits (for "kind" on 100,000 listings in 50
    /// towns about a seventh of the work). Two towns that shared a token would only share that list; the statement around
    /// the match keeps to its town. Created by the migration SearchTrigrams, which fills it from the existing listings.
    /// </summary>
    public static class Trigrams
    {
        public const string Table = "ListingTrigrams";

        private const string Joined = "replace(replace({0}, '-', ''), char(173), '')";

        private static string Join(string column) => string.Format(Joined, column);

        /// <summary>Where the twelve bits of each of the three characters come from: 1-based positions in the upper-case "D" form of the id.</summary>
        private static readonly int[][] TokenDigits = [[1, 2, 3], [4, 5, 6], [7, 8, 10]];

        private const int PrivateUse = 0xE000;

        /// <summary>The town's token in SQL, from the TenantId column of the row named (EF Core stores a Guid on SQLite as upper-case text).</summary>
        private static string Town(string row) =>
            "char(" + string.Join(", ", TokenDigits.Select(digits =>
                $"{PrivateUse} + " + string.Join(" + ", digits.Select((position, i) =>
                    $"{1 << (4 * (2 - i))} * (instr('0123456789ABCDEF', upper(substr({row}.TenantId, {position}, 1))) - 1)")))) + ")";

        /// <summary>The same token in C#, for the match.</summary>
        public static string TownToken(Guid tenantId)
        {
            var id = tenantId.ToString("D").ToUpperInvariant();
            return new string(TokenDigits.Select(digits =>
                (char)(PrivateUse + digits.Aggregate(0, (value, position) => value * 16 + Convert.ToInt32(id[position - 1].ToString(), 16)))).ToArray());
        }

        public static readonly string Create = $"""
            CREATE VIEW ListingTrigramSource AS
                SELECT Id, {Town("f")} AS Town, {Join("Title")} AS Title, {Join("Description")} AS Description FROM ({FoldedListings}) AS f;
            CREATE VIRTUAL TABLE ListingTrigrams USING fts5(Town, Title, Description, content='ListingTrigramSource', content_rowid='Id', tokenize='trigram remove_diacritics 1');
            {Triggers("ListingTrigrams", "ListingTrigramSource", "Trigram")}
            INSERT INTO ListingTrigrams(ListingTrigrams) VALUES ('rebuild');
            """;

        public const string Drop = """
            DROP TRIGGER IF EXISTS Listings_TrigramUpdate;
            DROP TRIGGER IF EXISTS Listings_TrigramUnindex;
            DROP TRIGGER IF EXISTS Listings_TrigramDelete;
            DROP TRIGGER IF EXISTS Listings_TrigramInsert;
            DROP TABLE IF EXISTS ListingTrigrams;
            DROP VIEW IF EXISTS ListingTrigramSource;
            """;

        /// <summary>
        /// The first version, without the Arabic fold and with the values in its triggers; only the migrations that made and
        /// replaced it use it (SearchTrigrams, ArabicScriptFold).
        /// </summary>
        public static class Version1
        {
            public static readonly string Create = $"""
                CREATE VIEW ListingTrigramSource AS
                    SELECT Id, {Town("Listings")} AS Town, {Join("Title")} AS Title, {Join("Description")} AS Description FROM Listings;
                CREATE VIRTUAL TABLE ListingTrigrams USING fts5(Town, Title, Description, content='ListingTrigramSource', content_rowid='Id', tokenize='trigram remove_diacritics 1');
                CREATE TRIGGER Listings_TrigramInsert AFTER INSERT ON Listings BEGIN
                    INSERT INTO ListingTrigrams(rowid, Town, Title, Description) VALUES (new.Id, {Town("new")}, {Join("new.Title")}, {Join("new.Description")});
                END;
                CREATE TRIGGER Listings_TrigramDelete AFTER DELETE ON Listings BEGIN
                    INSERT INTO ListingTrigrams(ListingTrigrams, rowid, Town, Title, Description) VALUES ('delete', old.Id, {Town("old")}, {Join("old.Title")}, {Join("old.Description")});
                END;
                CREATE TRIGGER Listings_TrigramUpdate AFTER UPDATE OF Title, Description ON Listings BEGIN
                    INSERT INTO ListingTrigrams(ListingTrigrams, rowid, Town, Title, Description) VALUES ('delete', old.Id, {Town("old")}, {Join("old.Title")}, {Join("old.Description")});
                    INSERT INTO ListingTrigrams(rowid, Town, Title, Description) VALUES (new.Id, {Town("new")}, {Join("new.Title")}, {Join("new.Description")});
                END;
                INSERT INTO ListingTrigrams(ListingTrigrams) VALUES ('rebuild');
                """;
        }

        /// <summary>The match for a term of three letters or more in one town: the term anywhere in title or description.</summary>
        public static string SubstringInTown(Guid tenantId, string term) =>
            $"Town : \"{TownToken(tenantId)}\" AND {{Title Description}} : \"{term.Replace("\"", "\"\"")}\"";
    }

    /// <summary>
    /// The second version (the town as one token), without the Arabic fold and with the values in its triggers; only the
    /// migrations that made and replaced it use it (SearchTownToken, ArabicScriptFold).
    /// </summary>
    public static class Version2
    {
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
    }

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
