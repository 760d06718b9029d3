using System.Globalization;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

/// <summary>Help, FAQ and legal pages written in Markdown under content/.</summary>
public sealed class ContentPageModel(ContentPages pages, ITenantContext tenant) : PageModel
{
    public ContentPages.Rendered Article { get; private set; } = null!;

    public IActionResult OnGet(string name)
    {
        var content = pages.Render(name, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, tenant.Tenant?.Slug);
        if (content is null)
        {
            return NotFound();
        }

        Article = content;
        return Page();
    }
}
