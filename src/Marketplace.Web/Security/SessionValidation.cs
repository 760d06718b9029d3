using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// Checks the login cookie on every request that carries one: issued for this host (<see cref="HostClaim"/>), not idle
/// longer than an office role allows (<see cref="OfficeIdleTimeout"/>), and the account's security stamp unchanged
/// (<see cref="SessionStampValidator"/>), so logging out or resetting the password ends every session.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (!HostClaim.IsIssuedFor(context.Principal, services.GetRequiredService<ITenantContext>()))
        {
            context.RejectPrincipal();
            return;
        }

        if (await services.GetRequiredService<OfficeIdleTimeout>().HasExpiredAsync(context.Principal!, context.Properties.IssuedUtc))
        {
            context.RejectPrincipal();
            // Also drop the cookie, so the browser stops sending a session that can never come back.
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // A session this instance verified a moment ago passes without Identity's validator, whose services would lease a
        // data context for the request; renewals and refusals go through it.
        var clock = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.TimeProvider ?? TimeProvider.System;
        if (!SessionStampValidator.IsRenewalDue(context, clock) && await SessionCheck.IsValidAsync(context))
        {
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
