using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Tenancy;

/// <summary>
/// Resolves the municipality from the host once per request. An unknown town is a 404, never a fallback.
/// Towns come from <see cref="TownDirectory"/>, which every instance refreshes within a few seconds.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IOptions<TenancyOptions> options, TownDirectory towns)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        var resolution = HostParser.Parse(context.Request.Host.Value, options.Value.BaseDomain);
        TenantFeature feature = resolution.Kind switch
        {
            HostKind.Platform => new TenantFeature(HostKind.Platform, null),
            HostKind.Town => new TenantFeature(HostKind.Town, await towns.FindAsync(resolution.Slug!, context.RequestServices, context.RequestAborted)),
            _ => new TenantFeature(HostKind.Foreign, null),
        };
        context.Features.Set(feature);

        if (feature.Tenant is not null)
        {
            tenantContext.SetTenant(feature.Tenant);
        }
        else if (feature.Kind == HostKind.Platform)
        {
            tenantContext.SetPlatform();
        }
        else if (!IsServedWithoutTown(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    }

    /// <summary>The error page (re-executed for the 404 itself) and the health check need no town; static files are served earlier.</summary>
    private static bool IsServedWithoutTown(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null
        || context.Request.Path.StartsWithSegments("/healthz");
}
