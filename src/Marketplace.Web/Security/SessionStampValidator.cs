using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// Identity's security stamp check, within seconds instead of every 30 minutes: a cookie someone saved stops working
/// after logout or a password reset at once on the instance that ended the session and within
/// <see cref="VerifiedSessions.TrustFor"/> on every other (<see cref="VerifiedSessions"/>). The check reads the account's
/// stamp (one lookup by primary key) and compares it with the cookie's.
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
        if (IsRenewalDue(context, TimeProvider))
        {
            // Renewal re-reads the account's claims, so it needs the whole account.
            if (await VerifySecurityStamp(context.Principal) is { } user)
            {
                await SecurityStampVerified(user, context);
                return;
            }
        }
        else if (await SessionCheck.IsValidAsync(context))
        {
            return;
        }

        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
    }

    public static bool IsRenewalDue(CookieValidatePrincipalContext context, TimeProvider clock) =>
        context.Properties.IssuedUtc is not { } issued || clock.GetUtcNow() - issued > RenewalInterval;
}
