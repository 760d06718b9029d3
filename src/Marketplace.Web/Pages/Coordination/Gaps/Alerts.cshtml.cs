using Marketplace.Web.Gaps;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Coordination.Gaps;

/// <summary>The office's gap alerts of one week (default: the last complete one); the gap matrix page shows the same list.</summary>
public sealed class AlertsModel(GapAlerts alerts, TownClock townClock) : PageModel
{
    /// <summary>Any day of the week asked for.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Week { get; set; }

    public DateOnly WeekStart { get; private set; }

    public void OnGet() =>
        WeekStart = Week is { } day ? townClock.WeekStartOf(townClock.StartOfDay(day)) : alerts.LastCompleteWeek();
}
