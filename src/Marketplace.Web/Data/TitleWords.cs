using Marketplace.Web.Listings;

namespace Marketplace.Web.Data;

/// <summary>
/// Whether a search term occurs in a title, read as <see cref="SearchText"/> reads it (a term of three letters or more
/// anywhere, a shorter one at the beginning of a word). The browse page asks this of its hits in office mode, whose
/// description must not decide whether they are found: reading the hit's own title costs less than a second FTS5 lookup
/// per word. The title is public, so an answer that differs from FTS5 in an edge case reveals nothing.
/// </summary>
public static class TitleWords
{
    public const string SqlFunction = "search_title_has";

    public static bool Have(string? title, string? term) =>
        !string.IsNullOrEmpty(title) && !string.IsNullOrEmpty(term) && new SearchTerm(term).IsIn(title);
}
