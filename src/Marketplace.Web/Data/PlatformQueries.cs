using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// The few read-only figures the platform admin sees across municipalities. It reads past the tenant filter, which only
/// code in Data/ and Tenancy/ may do (a source test holds that; the outbox delivery in Data/ does it too, across towns),
/// and it returns counts, never rows.
/// </summary>
public static class PlatformQueries
{
    public static async Task<Dictionary<Guid, int>> MemberCountsAsync(AppDbContext db) =>
        await db.Memberships.IgnoreQueryFilters().GroupBy(m => m.TenantId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
}
