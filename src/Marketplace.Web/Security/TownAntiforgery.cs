using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Antiforgery;

namespace Marketplace.Web.Security;

/// <summary>
/// Binds every form token to the town (or the platform) it was issued on. All hosts share one key ring and a person
/// may be signed in to several towns, so without this a token taken from one town's page would pass in another's.
/// </summary>
public sealed class TownAntiforgery : IAntiforgeryAdditionalDataProvider
{
    public string GetAdditionalData(HttpContext context) => HostOf(context);

    public bool ValidateAdditionalData(HttpContext context, string additionalData) =>
        string.Equals(additionalData, HostOf(context), StringComparison.Ordinal);

    private static string HostOf(HttpContext context) => HostClaim.ValueFor(context.RequestServices.GetRequiredService<ITenantContext>());
}
