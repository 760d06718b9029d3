using Marketplace.Web.Gaps;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Coordination.Gaps;

/// <summary>
/// The alerts of one week for the office (<c>@await Component.InvokeAsync("GapAlerts", new { week })</c>), so the gap
/// matrix page and the alerts page show the same list with the same links.
/// </summary>
public sealed class GapAlertsViewComponent(GapAlerts alerts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(DateOnly week) =>
        View("/Pages/Coordination/Gaps/_GapAlerts.cshtml", new GapAlertList(week, await alerts.ForWeekAsync(week)));
}

public sealed record GapAlertList(DateOnly Week, IReadOnlyList<GapAlertView> Alerts);
