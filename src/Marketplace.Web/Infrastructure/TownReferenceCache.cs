using Marketplace.Web.Localization;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Keys of a town's cached reference data (categories, districts, what its home page shows), one entry per language.
/// Every entry lives at most <see cref="CacheFor"/>, and a save on this instance forgets them at once
/// (Data/ReferenceDataInvalidation).
/// </summary>
public static class TownReferenceCache
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>The town's description, contact and districts as its home page shows them.</summary>
    public static object HomeKey(Guid tenantId) => (nameof(TownReferenceCache), tenantId, "home");

    public static object Key(Guid tenantId, string culture) => (nameof(TownReferenceCache), tenantId, culture);

    /// <summary>The category names in every language that search looks in (Listings/SearchCategories).</summary>
    public static object SearchKey(Guid tenantId) => (nameof(TownReferenceCache), tenantId, "search");

    /// <summary>
    /// A number that changes whenever the town's reference data or settings are forgotten: views kept for a while
    /// (the office's gap view) put it in their key, so a change saved on this instance shows at once.
    /// </summary>
    public static long Version(IMemoryCache cache, Guid tenantId) =>
        cache.GetOrCreate(VersionKey(tenantId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return Interlocked.Increment(ref _versions);
        });

    private static long _versions;

    private static object VersionKey(Guid tenantId) => (nameof(TownReferenceCache), tenantId, "version");

    public static void Forget(IMemoryCache cache, Guid tenantId)
    {
        cache.Remove(VersionKey(tenantId));
        foreach (var culture in Cultures.Supported)
        {
            cache.Remove(Key(tenantId, culture));
        }

        cache.Remove(SearchKey(tenantId));
        cache.Remove(HomeKey(tenantId));
    }
}
