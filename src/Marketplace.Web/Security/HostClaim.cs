using System.Security.Claims;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Security;

/// <summary>
/// Binds a login cookie to the host it was issued on. Browsers already scope cookies per host; this also
/// rejects a cookie copied to another town's host by hand, since all hosts share the same keys.
/// </summary>
public static class HostClaim
{
    public const string Type = "mp:host";
    private const string PlatformValue = "*platform*";

    public static string ValueFor(ITenantContext tenant) => tenant.Tenant?.Slug ?? PlatformValue;

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<ITenantContext>();
        var issuedFor = context.Principal?.FindFirstValue(Type);
        if (issuedFor is null || issuedFor != ValueFor(tenant))
        {
            context.RejectPrincipal();
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
