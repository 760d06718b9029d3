using Microsoft.Extensions.Options;

namespace Marketplace.Web.Tenancy;

/// <summary>Absolute addresses of a town's site or the platform site, keeping the scheme and port of the current request.</summary>
public sealed class TenantLinks(IHttpContextAccessor accessor, IOptions<TenancyOptions> options)
{
    public string TownUrl(string slug, string path = "/") => Build($"{slug}.{options.Value.BaseDomain}", path);

    public string PlatformUrl(string path = "/") => Build(options.Value.BaseDomain, path);

    private string Build(string host, string path)
    {
        var request = accessor.HttpContext?.Request;
        var scheme = request?.Scheme ?? options.Value.PublicScheme;
        var port = request is null ? options.Value.PublicPort : request.Host.Port;
        var authority = port is null ? host : $"{host}:{port}";
        return $"{scheme}://{authority}{(path.StartsWith('/') ? path : "/" + path)}";
    }
}
