using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Tests.Tenancy;

/// <summary>Requests with cookies set by hand, as two browsers (or one browser in two towns) would send them.</summary>
internal static class RawTownRequests
{
    /// <summary>A client of the town that neither follows redirects nor keeps cookies.</summary>
    public static HttpClient Raw(this MarketplaceFactory app, string slug) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"http://{slug}.localhost"),
        AllowAutoRedirect = false,
        HandleCookies = false,
    });

    /// <summary>The name=value pairs of the cookies the response sets whose names start with <paramref name="prefix"/>.</summary>
    public static IEnumerable<string> SetCookies(HttpResponseMessage response, string prefix) =>
        (response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        .Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c.Split(';')[0]);
}
