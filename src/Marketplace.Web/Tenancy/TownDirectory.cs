using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Tenancy;

/// <summary>
/// The towns by host name, as every request asks for one. Each instance keeps a town for at most
/// <see cref="CacheFor"/>: a renamed town, a changed default language or time zone reaches every instance within that
/// time, and the instance that saved the change forgets its copy at once (Data/ReferenceDataInvalidation). An unknown
/// name is asked again each time, so a new town is there at once and made-up hosts cannot fill the cache.
/// </summary>
public sealed class TownDirectory(IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<TenantInfo?> FindAsync(string slug, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(slug), out TenantInfo? known))
        {
            return known;
        }

        // Resolved only now: a request whose town is known needs no database context for it.
        var db = requestServices.GetRequiredService<AppDbContext>();
        var town = await db.Tenants.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(TenantInfo.FromTenant)
            .SingleOrDefaultAsync(cancellationToken);
        if (town is not null)
        {
            cache.Set(Key(slug), town, CacheFor);
        }

        return town;
    }

    public void Forget(string slug) => cache.Remove(Key(slug));

    private static (string, string) Key(string slug) => (nameof(TownDirectory), slug);
}
