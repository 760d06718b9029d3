using System.Security.Claims;
using Marketplace.Web.Tenancy;

namespace Marketplace.Web.Security;

/// <summary>
/// Binds a login cookie to the municipality it was issued for. Browsers already scope cookies per host; this also
/// rejects a cookie copied to another town's host by hand, since all hosts share the same keys. The town's id, not its
/// slug, so a cookie of a removed town does not work for a new town at the same address.
/// </summary>
public static class HostClaim
{
    public const string Type = "mp:host";
    private const string PlatformValue = "*platform*";

    public static string ValueFor(ITenantContext tenant) => tenant.Tenant?.Id.ToString("N") ?? PlatformValue;

    public static bool IsIssuedFor(ClaimsPrincipal? principal, ITenantContext tenant) =>
        principal?.FindFirstValue(Type) is { } issuedFor && issuedFor == ValueFor(tenant);
}
