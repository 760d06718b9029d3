using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Security;

/// <summary>
/// Coordinators and town admins see other people's requests and contact details, so their session ends after the
/// town's idle time (<see cref="Tenant.OfficeIdleTimeoutMinutes"/>, 2 hours by default) instead of the 14 sliding
/// days members keep; platform admins get the default. Idle time is measured from the cookie's issue time, which
/// <see cref="SessionStampValidator"/> moves forward at most a minute after each request.
/// </summary>
public sealed class OfficeIdleTimeout(AppDbContext db, ITenantContext tenant, TimeProvider clock)
{
    /// <summary>The shortest idle time a town may set; below it no session can have expired, so no query is needed.</summary>
    public const int MinimumMinutes = 5;

    public const int MaximumMinutes = 720;

    public async Task<bool> HasExpiredAsync(ClaimsPrincipal principal, DateTimeOffset? issuedUtc)
    {
        var idle = clock.GetUtcNow() - (issuedUtc ?? DateTimeOffset.MinValue);
        if (idle <= TimeSpan.FromMinutes(MinimumMinutes))
        {
            return false;
        }

        if (tenant.Tenant is null)
        {
            return principal.IsInRole(PlatformRoles.PlatformAdmin) && idle > TimeSpan.FromMinutes(Tenant.DefaultOfficeIdleTimeoutMinutes);
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var limit = await db.Memberships
            .Where(m => m.UserId == userId && m.Role >= TownRole.Coordinator)
            .Join(db.Tenants, m => m.TenantId, t => t.Id, (m, t) => (int?)t.OfficeIdleTimeoutMinutes)
            .SingleOrDefaultAsync();
        return limit is { } minutes && idle > TimeSpan.FromMinutes(minutes);
    }
}
