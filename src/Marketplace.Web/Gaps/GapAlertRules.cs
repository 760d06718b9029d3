using Marketplace.Web.Courses;
using Marketplace.Web.Domain;

namespace Marketplace.Web.Gaps;

/// <summary>A town's alert thresholds (<see cref="Tenant.GapAlertOpenRequests"/> and its siblings).</summary>
public sealed record GapAlertSettings(int OpenRequests, int MedianDays, int SurplusWeeks)
{
    public static GapAlertSettings Of(Tenant town) => new(town.GapAlertOpenRequests, town.GapAlertMedianDays, town.GapAlertSurplusWeeks);

    /// <summary>How many week matrices, oldest first and ending with the week judged, the rules need.</summary>
    public int WeeksNeeded => Math.Max(3, SurplusWeeks);
}

/// <summary>An alert the rules found, before it is stored as a <see cref="GapAlert"/>.</summary>
public sealed record FoundAlert(GapAlertKind Kind, int CategoryId, int DistrictId, int CourseType, int Value);

/// <summary>
/// When a week raises an alert. Pure: the callers read the week matrices (<see cref="GapMatrixReader"/>), the match times
/// (<see cref="TimeToMatch"/>) and the course demand (<see cref="LanguageCourseDemand"/>), which decides itself when a
/// group is reached, so that rule keeps one home.
/// </summary>
public static class GapAlertRules
{
    /// <summary>A median needs at least this many matches to say anything about a category.</summary>
    public const int MinimumMatches = 3;

    /// <summary>The weeks over which the median time to match is taken, the judged week the last of them.</summary>
    public const int MedianWeeks = 4;

    /// <param name="weeks">Consecutive week matrices, oldest first, the judged week last (<see cref="GapAlertSettings.WeeksNeeded"/> of them).</param>
    /// <param name="matched">The requests matched in the last <see cref="MedianWeeks"/> weeks.</param>
    /// <param name="demand">The open interest in language courses.</param>
    public static IReadOnlyList<FoundAlert> Find(IReadOnlyList<GapMatrix> weeks, IEnumerable<MatchedRequest> matched, IEnumerable<DemandRow> demand,
        GapAlertSettings settings) =>
        [.. Rising(weeks, settings.OpenRequests), .. SlowMatching(matched, settings.MedianDays), .. LastingSurplus(weeks, settings.SurplusWeeks),
         .. CourseInterest(demand)];

    /// <summary>Cells with at least <paramref name="threshold"/> open requests that rose two weeks in a row (w-2 &lt; w-1 &lt; w).</summary>
    public static IEnumerable<FoundAlert> Rising(IReadOnlyList<GapMatrix> weeks, int threshold)
    {
        if (weeks.Count < 3)
        {
            yield break;
        }

        var (twoBefore, before, week) = (weeks[^3], weeks[^2], weeks[^1]);
        foreach (var ((category, district), cell) in week.Cells.OrderBy(c => c.Key))
        {
            var now = cell.Figures.OpenRequests;
            var previous = before.Cell(category, district)?.Figures.OpenRequests ?? 0;
            var first = twoBefore.Cell(category, district)?.Figures.OpenRequests ?? 0;
            if (now >= threshold && first < previous && previous < now)
            {
                yield return new FoundAlert(GapAlertKind.RisingRequests, category, district, 0, now);
            }
        }
    }

    /// <summary>Categories whose median days to match is above <paramref name="medianDays"/>; fewer than three matches give no verdict.</summary>
    public static IEnumerable<FoundAlert> SlowMatching(IEnumerable<MatchedRequest> matched, int medianDays) =>
        matched.GroupBy(m => m.CategoryId).OrderBy(g => g.Key)
            .Select(g => (Category: g.Key, Times: TimeToMatch.Of(g.Select(m => m.Days))))
            .Where(c => c.Times.Count >= MinimumMatches && c.Times.MedianDays > medianDays)
            .Select(c => new FoundAlert(GapAlertKind.SlowMatching, c.Category, 0, 0, (int)Math.Ceiling(c.Times.MedianDays!.Value)));

    /// <summary>Cells in surplus in each of the last <paramref name="surplusWeeks"/> weeks.</summary>
    public static IEnumerable<FoundAlert> LastingSurplus(IReadOnlyList<GapMatrix> weeks, int surplusWeeks)
    {
        if (surplusWeeks < 1 || weeks.Count < surplusWeeks)
        {
            yield break;
        }

        var last = weeks.TakeLast(surplusWeeks).ToList();
        foreach (var ((category, district), cell) in last[^1].Cells.OrderBy(c => c.Key))
        {
            if (last.All(w => w.Cell(category, district)?.Balance == CellBalance.Surplus))
            {
                yield return new FoundAlert(GapAlertKind.LastingSurplus, category, district, 0, surplusWeeks);
            }
        }
    }

    /// <summary>Course types whose open interest in a district reached the group size (<see cref="DemandRow.Reached"/>); no district is 0.</summary>
    public static IEnumerable<FoundAlert> CourseInterest(IEnumerable<DemandRow> demand) =>
        demand.Where(d => d.Reached)
            .Select(d => new FoundAlert(GapAlertKind.CourseInterest, 0, d.DistrictId ?? 0, (int)d.CourseType, d.Open));
}
