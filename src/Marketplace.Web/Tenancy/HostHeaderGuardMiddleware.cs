using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Tenancy;

/// <summary>
/// Refuses a request whose Host (or X-Forwarded-Host) ASP.NET cannot decode, such as the punycode label
/// "xn--erlangen-": Kestrel lets it through, but every later read of <c>Request.Host</c> throws, so the request would
/// end as a 500 in the forwarded headers, the town lookup or the error page itself. Runs first, before any of them.
/// </summary>
public sealed class HostHeaderGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (!IsReadable(headers.Host) || !IsReadable(headers["X-Forwarded-Host"]))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(context);
    }

    /// <summary>Whether every value decodes the way <c>Request.Host</c> and the forwarded headers decode it.</summary>
    private static bool IsReadable(StringValues values)
    {
        foreach (var value in values)
        {
            // X-Forwarded-Host may carry a list, one host per proxy.
            foreach (var host in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                try
                {
                    HostString.FromUriComponent(host);
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
