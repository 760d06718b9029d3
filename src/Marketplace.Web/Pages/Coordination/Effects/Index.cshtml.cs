using Marketplace.Web.Budgets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Coordination.Effects;

/// <summary>The town's yearly effect report for the office, in Dortmund's form; the same as PDF beside it.</summary>
public sealed class IndexModel(EffectReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public EffectReport Report { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (EffectYear.Of(Year, reports) is not { } year)
        {
            return NotFound();
        }

        Report = await reports.ForYearAsync(year);
        Years = Enumerable.Range(0, 5).Select(back => reports.ThisYear - back).ToList();
        return Page();
    }
}

/// <summary>The year asked for, or this year; null (a 404) for a year before records or after this one.</summary>
internal static class EffectYear
{
    public static int? Of(int? asked, EffectReports reports)
    {
        var year = asked ?? reports.ThisYear;
        return year < EffectReports.FirstYear || year > reports.ThisYear ? null : year;
    }
}
