using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// The same comparison Identity makes (<see cref="SignInManager{TUser}.ValidateSecurityStampAsync(TUser, string)"/>):
/// the cookie's security stamp against the account's, reading only the stamp instead of loading and tracking the whole
/// account. The same statement reads the account's membership in this town, which nearly every page asks
/// (<see cref="CurrentMember"/>). A session found valid is trusted for a moment (<see cref="VerifiedSessions"/>); a
/// trusted one needs neither the database nor Identity's services, which would lease a data context for the request.
/// </summary>
public static class SessionCheck
{
    public static async Task<bool> IsValidAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var inCookie = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || inCookie is null)
        {
            return false;
        }

        var town = services.GetRequiredService<ITenantContext>().TenantId ?? Guid.Empty;
        var session = await services.GetRequiredService<VerifiedSessions>().GetOrCheckAsync(userId, inCookie, town, async () =>
            await ReadSession(services.GetRequiredService<AppDbContext>(), userId) is { } stored
            && string.Equals(stored.Stamp, inCookie, StringComparison.Ordinal)
                ? new VerifiedSessions.Verified(stored.Role, stored.IsBlocked)
                : null);
        if (session is null)
        {
            return false;
        }

        services.GetRequiredService<CurrentMember>().Known(userId, session.Role, session.IsBlocked);
        return true;
    }

    private sealed record Session(string? Stamp, TownRole? Role, bool IsBlocked);

    // Compiled: translating the query cost more than running it.
    private static readonly Func<AppDbContext, string, Task<Session?>> ReadSession = EF.CompileAsyncQuery(
        (AppDbContext db, string userId) => db.Users.Where(u => u.Id == userId)
            .Select(u => new Session(u.SecurityStamp,
                db.Memberships.Where(m => m.UserId == userId).Select(m => (TownRole?)m.Role).FirstOrDefault(),
                db.Memberships.Any(m => m.UserId == userId && m.BlockedAt != null)))
            .SingleOrDefault());
}
