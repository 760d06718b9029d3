using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Localization;

namespace Marketplace.Web.Localization;

/// <summary>Last resort after the reader's own choice and their browser: the town's default language.</summary>
public sealed class TownDefaultCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = httpContext.Features.Get<TenantFeature>()?.Tenant?.DefaultCulture;
        return Task.FromResult(Cultures.IsSupported(culture) ? new ProviderCultureResult(culture) : null);
    }
}
