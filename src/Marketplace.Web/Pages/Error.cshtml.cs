using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

/// <summary>Re-executed for every error status; also reached by POSTs, hence no antiforgery check.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(TenantLinks links) : PageModel
{
    public int Code { get; private set; }
    public string PlatformUrl { get; private set; } = "/";

    /// <summary>The resource key of the title and the text (key + "_Title", key + "_Text").</summary>
    public string MessageKey => Code switch
    {
        400 => "Error_400",
        401 => "Error_401",
        403 => "Error_403",
        404 => "Error_404",
        429 => "Error_429",
        _ => "Error_500",
    };

    public IActionResult OnGet(int code) => Show(code);
    public IActionResult OnPost(int code) => Show(code);

    /// <summary>An htmx request that failed gets a short alert in the layout's alert slot, not the whole page with its layout.</summary>
    private IActionResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        PlatformUrl = links.PlatformUrl();
        Response.StatusCode = Code;
        if (Request.WantsFragment())
        {
            // The layout's alert slot, not the target that asked: a list or form swapped away would break the next request.
            Response.Headers["HX-Retarget"] = "#htmx-alert";
            Response.Headers["HX-Reswap"] = "innerHTML";
        }

        return this.PageOrFragment("_ErrorMessage", Code);
    }
}
