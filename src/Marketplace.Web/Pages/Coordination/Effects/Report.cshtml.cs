using Marketplace.Web.Budgets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Coordination.Effects;

/// <summary>The yearly effect report as an A4 PDF.</summary>
public sealed class ReportModel(EffectReports reports, EffectReportPdf pdf) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? year)
    {
        if (EffectYear.Of(year, reports) is not { } reportYear)
        {
            return NotFound();
        }

        var report = await reports.ForYearAsync(reportYear);
        return File(pdf.Render(report), "application/pdf", $"wirkungsbericht-{reportYear}.pdf");
    }
}
