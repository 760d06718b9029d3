using Marketplace.Web.Localization;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Infrastructure;

/// <summary>Keys of a town's cached reference data (categories, districts), one entry per language.</summary>
public static class TownReferenceCache
{
    public static object Key(Guid tenantId, string culture) => (nameof(TownReferenceCache), tenantId, culture);

    /// <summary>The category names in every language that search looks in (Listings/SearchCategories).</summary>
    public static object SearchKey(Guid tenantId) => (nameof(TownReferenceCache), tenantId, "search");

    public static void Forget(IMemoryCache cache, Guid tenantId)
    {
        foreach (var culture in Cultures.Supported)
        {
            cache.Remove(Key(tenantId, culture));
        }

        cache.Remove(SearchKey(tenantId));
    }
}
