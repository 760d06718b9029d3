using System.Globalization;
using Marketplace.Web.Gaps;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Coordination.Gaps;

/// <summary>
/// The trend charts, the day-part matrix and the language courses of the office's gap view, for the 26 weeks up to a
/// week (a Monday of the town's calendar) and optionally one top category. Placed on /coordination/gaps and served alone
/// by /coordination/gaps/charts, which htmx swaps in when the filters change.
/// </summary>
public sealed class GapChartsViewComponent(GapChartsReader reader) : ViewComponent
{
    public const string ViewPath = "/Pages/Coordination/Gaps/Components/GapCharts/Default.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(DateOnly weekStart, int? categoryId)
    {
        var data = await reader.ReadAsync(weekStart, categoryId, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, HttpContext.RequestAborted);
        return View(ViewPath, data);
    }
}
