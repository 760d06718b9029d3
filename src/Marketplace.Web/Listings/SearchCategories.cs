using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Listings;

/// <summary>A search word and the categories whose name holds it: their listings, and those of their sub-categories, match the word too.</summary>
public sealed record SearchWord(SearchTerm Term, IReadOnlyList<int> Categories);

/// <summary>The reader's words (<see cref="SearchQuery"/>) with the categories each one names, ready for a database.</summary>
public sealed record TextSearch(IReadOnlyList<SearchWord> Required, IReadOnlyList<SearchWord> Excluded);

/// <summary>
/// Finds the categories a search word names: "Fahrräder" finds the listings of "Fahrräder" even when their text says "Rad".
/// A word of three letters or more names a category when it begins a word of the category's German name or of its name
/// in the reader's language (the names on the page), not any part of a name in any language: "Kinder" must not find
/// "Donations in kind". The category is on every card, in office mode too, so it may find any listing.
/// </summary>
public static class SearchCategories
{
    /// <summary>As long as the browse page's other reference data (Pages/Listings/ListingFormOptions), cleared with it.</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private sealed record Named(int Id, int? ParentId, TranslatedText Names);

    public static async Task<TextSearch> ResolveAsync(AppDbContext db, IMemoryCache cache, SearchQuery query)
    {
        var categories = await cache.GetOrCreateAsync(TownReferenceCache.SearchKey(db.CurrentTenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var rows = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Names }).ToListAsync();
            return rows.Select(c => new Named(c.Id, c.ParentId, c.Names)).ToList();
        });
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var words = categories!.ToDictionary(c => c.Id,
            c => SearchText.Words(c.Names.In(TranslatedText.Neutral)).Concat(SearchText.Words(c.Names.In(culture))).Distinct().ToList());

        SearchWord Resolve(SearchTerm term)
        {
            if (term.IsShort)
            {
                return new SearchWord(term, []);
            }

            var named = categories!.Where(c => words[c.Id].Any(w => w.StartsWith(term.Text, StringComparison.Ordinal))).Select(c => c.Id).ToHashSet();
            named.UnionWith(categories!.Where(c => c.ParentId is { } parent && named.Contains(parent)).Select(c => c.Id));
            return new SearchWord(term, named.Order().ToList());
        }

        return new TextSearch(query.Required.Select(Resolve).ToList(), query.Excluded.Select(Resolve).ToList());
    }
}
