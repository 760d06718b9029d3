using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// The one response shape of a page that answers htmx (design notes, section 3). Without htmx: post-redirect-get on
/// success, the page with its messages (422) when refused. With htmx: the fragment, 200 on success and 422 when refused.
/// The outcome of a post travels in TempData across the redirect (the layout shows it) and in ViewData into the fragment
/// (the fragment shows it), both under <see cref="StatusKey"/>. <c>Vary: HX-Request</c> is added to every page response by
/// <see cref="VaryByHtmxRequestFilter"/>, not here.
/// </summary>
public static class HtmxResults
{
    /// <summary>The TempData key the layout shows after a redirect, and the ViewData key a fragment shows.</summary>
    public const string StatusKey = "Status";

    /// <summary>
    /// An htmx request that swaps part of the page. A boosted navigation and a history restore swap the whole body, so
    /// they get the whole page.
    /// </summary>
    public static bool WantsFragment(this HttpRequest request) =>
        request.IsHtmxNonBoosted() && !request.IsHtmxHistoryRestoreRequest();

    /// <summary>The fragment (its model is the page model) for htmx, the whole page otherwise; both with the status code.</summary>
    public static IActionResult PageOrFragment(this PageModel page, string fragment, int statusCode = StatusCodes.Status200OK)
    {
        if (!page.Request.WantsFragment())
        {
            return page.PageWith(statusCode);
        }

        // Not page.Partial: that starts a new ViewData with only the ModelState, and the status would stay behind.
        return new PartialViewResult
        {
            ViewName = fragment,
            ViewData = new ViewDataDictionary<object>(page.ViewData, page),
            StatusCode = statusCode,
        };
    }

    /// <summary>Refused input on a page without fragments: the page again with its messages, as 422 so scripts and tests can tell it from success.</summary>
    public static PageResult InvalidForm(this PageModel page) => page.PageWith(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// Refused input: the form again with its messages, as 422 (or <paramref name="statusCode"/>). Without htmx the whole
    /// page; with htmx the fragment, and when that must replace something else than the target the form named,
    /// <paramref name="retarget"/> and <paramref name="reswap"/> say what (HX-Retarget, HX-Reswap). The caller has loaded
    /// what the page shows.
    /// </summary>
    public static IActionResult InvalidForm(this PageModel page, string fragment, int statusCode = StatusCodes.Status422UnprocessableEntity,
        string? retarget = null, string? reswap = null)
    {
        if (!page.Request.WantsFragment())
        {
            return page.PageWith(statusCode);
        }

        page.Response.Htmx(headers =>
        {
            if (retarget is not null)
            {
                headers.Retarget(retarget);
            }

            if (reswap is not null)
            {
                headers.Reswap(reswap);
            }
        });
        return page.PageOrFragment(fragment, statusCode);
    }

    /// <summary>
    /// A post that succeeded. The form's values and messages are dropped (the fragment shows what is stored now). Without
    /// htmx: the status into TempData and a redirect to this page with <paramref name="routeValues"/>. With htmx:
    /// <paramref name="load"/> runs, then the fragment with the status, 200.
    /// </summary>
    public static async Task<IActionResult> FormSucceededAsync(this PageModel page, string fragment, Func<Task> load, string? status = null,
        object? routeValues = null)
    {
        page.ModelState.Clear();
        if (!page.Request.WantsFragment())
        {
            if (status is not null)
            {
                page.TempData[StatusKey] = status;
            }

            return page.RedirectToPage(routeValues);
        }

        page.ViewData[StatusKey] = status;
        await load();
        return page.PageOrFragment(fragment);
    }

    private static PageResult PageWith(this PageModel page, int statusCode)
    {
        var result = page.Page();
        result.StatusCode = statusCode;
        return result;
    }
}
