using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Marketplace.Web.Infrastructure;

public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Host and scheme come from the load balancer. Only proxies in ForwardedHeaders:KnownNetworks (CIDR) are
    /// believed, besides loopback, so a client cannot pick its own address for the rate limiter.
    /// </summary>
    public static void AddMarketplaceForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
