using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// Identity's security stamp check, on every request instead of every 30 minutes. A cookie someone saved must stop
/// working at once after logout or a password reset, on every app instance; any interval, however short, would let it
/// work until the interval passes, and a server-side session table would cost the same one query per request. So each
/// request reads the account's stamp (one lookup by primary key) and compares it with the cookie's.
/// The cookie itself is re-issued (claims re-read, issue time moved) at most once a minute: its issue time is the
/// last activity the office idle timeout measures, and re-issuing on every request would re-read roles and send a
/// new cookie with every response. Not <c>ValidationInterval = TimeSpan.Zero</c>: that compares the issue time
/// with this instance's clock, so an instance whose clock is behind the issuing one's would skip the check.
/// </summary>
public sealed class SessionStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    public static readonly TimeSpan RenewalInterval = TimeSpan.FromMinutes(1);

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var issued = context.Properties.IssuedUtc;
        if (issued is null || TimeProvider.GetUtcNow() - issued.Value > RenewalInterval)
        {
            // Renewal re-reads the account's claims, so it needs the whole account.
            if (await VerifySecurityStamp(context.Principal) is { } user)
            {
                await SecurityStampVerified(user, context);
                return;
            }
        }
        else if (await StampMatchesAsync(context))
        {
            return;
        }

        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
    }

    /// <summary>
    /// The same comparison Identity makes (<see cref="SignInManager{TUser}.ValidateSecurityStampAsync(TUser, string)"/>),
    /// reading only the stamp instead of loading and tracking the whole account on every request; the same statement
    /// reads the account's membership in this town, which nearly every page asks (<see cref="CurrentMember"/>).
    /// </summary>
    private async Task<bool> StampMatchesAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal is null ? null : SignInManager.UserManager.GetUserId(principal);
        var inCookie = principal?.FindFirstValue(SignInManager.Options.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || inCookie is null)
        {
            return false;
        }

        var services = context.HttpContext.RequestServices;
        var session = await ReadSession(services.GetRequiredService<AppDbContext>(), userId);
        if (session is null || !string.Equals(session.Stamp, inCookie, StringComparison.Ordinal))
        {
            return false;
        }

        services.GetRequiredService<CurrentMember>().Known(userId, session.Role, session.IsBlocked);
        return true;
    }

    private sealed record Session(string? Stamp, TownRole? Role, bool IsBlocked);

    // Compiled: it runs on every signed-in request, and translating the query cost more than running it.
    private static readonly Func<AppDbContext, string, Task<Session?>> ReadSession = EF.CompileAsyncQuery(
        (AppDbContext db, string userId) => db.Users.Where(u => u.Id == userId)
            .Select(u => new Session(u.SecurityStamp,
                db.Memberships.Where(m => m.UserId == userId).Select(m => (TownRole?)m.Role).FirstOrDefault(),
                db.Memberships.Any(m => m.UserId == userId && m.BlockedAt != null)))
            .SingleOrDefault());
}
