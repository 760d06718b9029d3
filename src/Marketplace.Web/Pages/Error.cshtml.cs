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

    public IActionResult OnGet(int code) => Show(code);
    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        PlatformUrl = links.PlatformUrl();
        Response.StatusCode = Code;
        return Page();
    }
}
