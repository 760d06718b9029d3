using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Gaps;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Pages.Coordination.Gaps;

/// <summary>
/// Time to match and the gap charts of a week (/coordination/gaps/charts?week=…&amp;category=…): a GET form for the week
/// and the category, then <c>_GapTrends</c> (time to match and the <see cref="GapChartsViewComponent"/>), which htmx
/// gets alone when the form changes and when the office's gap page scrolls to it.
/// </summary>
public sealed class ChartsModel(AppDbContext db, TownClock townClock, TimeToMatch matchTimes, TimeProvider clock, IMemoryCache cache) : PageModel
{
    /// <summary>Any day of the week to show; its Monday is used. Empty: the current week.</summary>
    public DateOnly? Week { get; set; }

    public int? Category { get; set; }

    public DateOnly ThisWeek { get; private set; }
    public DateOnly WeekStart { get; private set; }
    public IReadOnlyList<IndexModel.TopCategory> Categories { get; private set; } = [];
    public IReadOnlyDictionary<int, string> DistrictNames { get; private set; } = new Dictionary<int, string>();
    public MatchTimeReport MatchTimes { get; private set; } = null!;

    /// <summary>What the kept view depends on, as on the gap page (<see cref="IndexModel.ViewKey"/>).</summary>
    public string ViewKey => IndexModel.KeyOf(db, cache, ThisWeek, WeekStart, Category);

    private bool _loaded;

    public IActionResult OnGet()
    {
        // The filters are a convenience, read as the gap page reads them: a value that does not parse or is out of range
        // shows the current week.
        Week = QueryValues.Date(Request.Query, "week");
        Category = QueryValues.Int(Request.Query, "category");
        ThisWeek = townClock.WeekStartOf(clock.GetUtcNow());
        WeekStart = IndexModel.WeekAsked(Week, ThisWeek);
        return this.PageOrFragment("_GapTrends");
    }

    /// <summary>Reads what the view shows; called inside its kept parts, so a kept view reads nothing.</summary>
    public async Task LoadAsync()
    {
        if (_loaded)
        {
            return;
        }

        _loaded = true;
        var ct = HttpContext.RequestAborted;
        Categories = await IndexModel.TopCategoriesAsync(db, ct);
        Category = Categories.Any(c => c.Id == Category) ? Category : null;

        DistrictNames = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        MatchTimes = await MatchTimeReport.LoadAsync(db, matchTimes, townClock, WeekStart, IndexModel.HistoryWeeks, Category, ct);
    }

    /// <summary>The gap matrix of the same week and category.</summary>
    public string GapsUrl => IndexModel.PageUrl(WeekStart, Category);
}
