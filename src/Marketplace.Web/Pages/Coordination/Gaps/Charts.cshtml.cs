using System.Globalization;
using Htmx;
using Marketplace.Web.Data;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Gaps;

/// <summary>
/// The gap charts on their own page (/coordination/gaps/charts?week=…&amp;category=…): a GET form for the week and the
/// category, and the <see cref="GapChartsViewComponent"/>, which htmx swaps alone when the form changes.
/// </summary>
public sealed class ChartsModel(AppDbContext db, TownClock townClock, TimeProvider clock) : PageModel
{
    /// <summary>Any day of the week to show; its Monday is used. Empty: the current week.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Week { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Category { get; set; }

    public DateOnly WeekStart { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        WeekStart = Week is { } day ? TownClock.MondayOf(day) : townClock.WeekStartOf(clock.GetUtcNow());
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Categories = (await db.Categories.AsNoTracking().Where(c => c.ParentId == null && !c.IsRetired).OrderBy(c => c.SortOrder)
                .Select(c => new { c.Id, c.Names }).ToListAsync(HttpContext.RequestAborted))
            .Select(c => (c.Id, c.Names.In(culture))).ToList();
        if (Category is { } id && Categories.All(c => c.Id != id))
        {
            Category = null;
        }

        if (Request.IsHtmxNonBoosted())
        {
            return new ViewComponentResult { ViewComponentType = typeof(GapChartsViewComponent), Arguments = new { weekStart = WeekStart, categoryId = Category } };
        }

        return Page();
    }
}
