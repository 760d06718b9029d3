using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Web.Infrastructure;

/// <summary>The KERN stylesheet that matches a page's writing direction (both vendored by wwwroot/lib/vendor.sh).</summary>
public static class KernStylesheet
{
    public const string LeftToRight = "/lib/kern/kern.css";
    public const string RightToLeft = "/lib/kern/kern.rtl.css";

    public static string For(string direction) => direction == "rtl" ? RightToLeft : LeftToRight;
}

/// <summary>
/// Cache headers for wwwroot. Pages link their stylesheets and scripts with asp-append-version, so an address with
/// ?v= names one version of the file for good and may be kept for a year; the fonts the KERN stylesheet loads carry no
/// version but change only when KERN is vendored again.
/// </summary>
public static class StaticAssetCaching
{
    private const string Versioned = "public, max-age=31536000, immutable";
    private const string Fonts = "public, max-age=2592000";

    public static StaticFileOptions Options { get; } = new()
    {
        OnPrepareResponse = Prepare,
    };

    private static void Prepare(StaticFileResponseContext context)
    {
        var request = context.Context.Request;
        if (request.Query.ContainsKey("v"))
        {
            context.Context.Response.Headers[HeaderNames.CacheControl] = Versioned;
        }
        else if (request.Path.StartsWithSegments("/lib/kern/fonts", StringComparison.Ordinal))
        {
            context.Context.Response.Headers[HeaderNames.CacheControl] = Fonts;
        }
    }
}
