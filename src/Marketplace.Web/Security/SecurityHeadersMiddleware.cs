using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Marketplace.Web.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// HSTS for a year on this domain and every town's subdomain (sent outside Development, over HTTPS only); and no
    /// <c>Server</c> header, which would only tell a scanner which exploits to try.
    /// </summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        return services;
    }
}

/// <summary>Only the site's own scripts and styles run; nothing frames the site; no referrer leaks to other sites.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // The job dashboard is a third-party UI with inline scripts; it is reachable by platform admins only.
            if (!context.Request.Path.StartsWithSegments("/admin/jobs"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
