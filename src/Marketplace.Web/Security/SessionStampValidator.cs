using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
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
        var user = await VerifySecurityStamp(context.Principal);
        if (user is null)
        {
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }

        var issued = context.Properties.IssuedUtc;
        if (issued is null || TimeProvider.GetUtcNow() - issued.Value > RenewalInterval)
        {
            await SecurityStampVerified(user, context);
        }
    }
}
