using System.Globalization;
using Marketplace.Web.Hours;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me;

/// <summary>
/// The member's proof of engagement (Engagementnachweis) for a year: their approved hours by organisation and
/// activity, as a printable page and as a PDF with the same content.
/// </summary>
public sealed class EngagementModel(EngagementReports reports, EngagementPdf pdf, CurrentMember member, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int FirstYear = 2000;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public EngagementReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return File(pdf.Render(Report, l, CultureInfo.CurrentUICulture), "application/pdf", $"engagementnachweis-{Report.Year}.pdf");
    }

    /// <summary>False for a year outside what the office can have recorded.</summary>
    private async Task<bool> LoadAsync()
    {
        var year = Year ?? reports.Today.Year;
        if (year < FirstYear || year > reports.Today.Year)
        {
            return false;
        }

        Report = await reports.ForAsync(member.UserId!, year);
        return true;
    }
}
