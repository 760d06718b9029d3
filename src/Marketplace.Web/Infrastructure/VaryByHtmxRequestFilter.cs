using Htmx;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Any page may answer an htmx request with a fragment under the same address (and every page is reached by boosted
/// navigation), so every page response says that it varies on HX-Request, in this one place. Redirects and error pages
/// included: caches key on the header, not on the status.
/// </summary>
public sealed class VaryByHtmxRequestFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        if (!headers.Vary.ToString().Contains(HtmxRequestHeaders.Keys.Request, StringComparison.OrdinalIgnoreCase))
        {
            headers.Vary = StringValues.Concat(headers.Vary, HtmxRequestHeaders.Keys.Request);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
