using System.Globalization;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

/// <summary>Help, FAQ and legal pages written in Markdown under content/.</summary>
public sealed class ContentPageModel(ContentPages pages, ITenantContext tenant) : PageModel
{
    public HtmlString Body { get; private set; } = HtmlString.Empty;

    public IActionResult OnGet(string name)
    {
        var body = pages.Render(name, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, tenant.Tenant?.Slug);
        if (body is null)
        {
            return NotFound();
        }

        Body = body;
        return Page();
    }
}
