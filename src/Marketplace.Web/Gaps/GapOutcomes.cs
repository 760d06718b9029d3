using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Gaps;

/// <summary>Gap weeks of one top category in a period.</summary>
public sealed record CategoryGapWeeks(int CategoryId, string Category, int Weeks);

/// <summary>
/// The effect report's outcome indicators from the weekly aggregates: the share of requests matched within 7 days
/// (requests matched within 7 days of publication / requests matched; null when none were matched), and per top category
/// the number of weeks with at least one gap cell.
/// </summary>
public sealed record GapOutcomeFigures(int RequestsMatched, int MatchedWithin7Days, IReadOnlyList<CategoryGapWeeks> GapWeeks)
{
    public int? SharePercent => RequestsMatched == 0 ? null : (int)Math.Round(100m * MatchedWithin7Days / RequestsMatched, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Reads <see cref="GapOutcomeFigures"/> for the weeks whose Monday lies in a period (a report year: a week that starts
/// in December counts to that year), through <see cref="GapMatrixReader"/> so the report agrees with the gap pages.
/// </summary>
public sealed class GapOutcomes(AppDbContext db, GapMatrixReader reader)
{
    public async Task<GapOutcomeFigures> ForPeriodAsync(DateOnly first, DateOnly last, string culture, CancellationToken ct = default)
    {
        var matched = await db.WeeklySupplies.AsNoTracking()
            .Where(w => w.Side == ListingType.Request && w.WeekStart >= first && w.WeekStart <= last)
            .GroupBy(w => 1)
            .Select(g => new { Matched = g.Sum(w => w.Matched), Within7 = g.Sum(w => w.MatchedWithin7Days) })
            .SingleOrDefaultAsync(ct);

        // The first Monday on or after the period's start; ForWeeksAsync walks Mondays.
        var firstMonday = first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
        var gapWeeks = new Dictionary<int, int>();
        if (firstMonday <= last)
        {
            var lastMonday = last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
            foreach (var week in await reader.ForWeeksAsync(firstMonday, lastMonday, ct))
            {
                foreach (var category in week.Cells.Values.Where(c => c.Balance == CellBalance.Gap).Select(c => c.Figures.CategoryId).Distinct())
                {
                    gapWeeks[category] = gapWeeks.GetValueOrDefault(category) + 1;
                }
            }
        }

        var categories = (await db.Categories.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Names }).ToListAsync(ct));
        var rows = categories.Select(c => new CategoryGapWeeks(c.Id, c.Names.In(culture), gapWeeks.GetValueOrDefault(c.Id))).ToList();
        return new GapOutcomeFigures(matched?.Matched ?? 0, matched?.Within7 ?? 0, rows);
    }
}
