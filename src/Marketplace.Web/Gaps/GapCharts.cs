using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Gaps;

/// <summary>New requests of one top category per week; <see cref="CategoryId"/> null for "other" (every category after the top ones).</summary>
public sealed record CategoryWeeks(int? CategoryId, string? Name, IReadOnlyList<int> Values);

/// <summary>Requests published in the week wanting this day part, against volunteers available then; null volunteers: "not said".</summary>
public sealed record DayPartRow(DayParts Part, int Requests, int? Volunteers)
{
    /// <summary>Volunteers minus requests: below zero, the day part is short of help.</summary>
    public int? Balance => Volunteers - Requests;
}

/// <summary>Open interest in a language-course type in a district against free seats of coming runs there (null district: none given, or online).</summary>
public sealed record CourseBalanceRow(LanguageCourseType CourseType, int? DistrictId, string? District, int Demand, int FreeSeats, int Runs)
{
    public bool Short => Demand > FreeSeats;
}

/// <summary>Everything the trend charts, the day-part matrix and the language courses of the office's gap view show.</summary>
public sealed record GapChartsData(
    DateOnly WeekStart,
    int? CategoryId,
    IReadOnlyList<DateOnly> Weeks,
    IReadOnlyList<CategoryWeeks> NewRequests,
    IReadOnlyList<int> OpenRequests,
    IReadOnlyList<int> Matched,
    IReadOnlyList<int> Expired,
    IReadOnlyList<DayPartRow> DayParts,
    IReadOnlyList<CourseBalanceRow> Courses,
    DateOnly CoursesFrom,
    DateOnly CoursesUntil);

/// <summary>
/// Reads the trend charts from the weekly aggregates (<see cref="WeeklySupply"/>), the day parts from the week's
/// publication facts and the volunteers' snapshot, and the language courses from the interest register and the planned
/// runs. Only reads; every query goes through the town's filter.
/// </summary>
public sealed class GapChartsReader(AppDbContext db, TownClock townClock)
{
    public const int WeeksShown = 26;
    public const int TopCategories = 6;

    /// <summary>How far ahead a run may start to count as supply of language courses.</summary>
    public const int CourseWeeksAhead = 12;

    public static readonly DayParts[] Parts = [DayParts.Morning, DayParts.Afternoon, DayParts.Evening, DayParts.Weekend];

    public async Task<GapChartsData> ReadAsync(DateOnly weekStart, int? categoryId, string culture, CancellationToken cancellationToken = default)
    {
        var first = weekStart.AddDays(-7 * (WeeksShown - 1));
        var weeks = Enumerable.Range(0, WeeksShown).Select(i => first.AddDays(7 * i)).ToList();

        var requests = db.WeeklySupplies.AsNoTracking()
            .Where(w => w.Side == ListingType.Request && w.WeekStart >= first && w.WeekStart <= weekStart);
        if (categoryId is { } only)
        {
            requests = requests.Where(w => w.CategoryId == only);
        }

        var rows = await requests.GroupBy(w => new { w.WeekStart, w.CategoryId })
            .Select(g => new
            {
                g.Key.WeekStart, g.Key.CategoryId, Published = g.Sum(w => w.Published), Open = g.Sum(w => w.OpenAtWeekEnd),
                Matched = g.Sum(w => w.Matched), Expired = g.Sum(w => w.ExpiredUnmatched),
            })
            .ToListAsync(cancellationToken);

        int[] PerWeek(Func<int, int> valueOf) => weeks.Select((week, i) => i).Select(valueOf).ToArray();
        int SumOf(DateOnly week, Func<int, bool> category, Func<(int Published, int Open, int Matched, int Expired), int> pick) =>
            rows.Where(r => r.WeekStart == week && category(r.CategoryId)).Sum(r => pick((r.Published, r.Open, r.Matched, r.Expired)));

        var top = rows.GroupBy(r => r.CategoryId).Select(g => new { g.Key, Total = g.Sum(r => r.Published) })
            .Where(c => c.Total > 0).OrderByDescending(c => c.Total).ThenBy(c => c.Key).Take(TopCategories).Select(c => c.Key).ToList();
        var names = (await db.Categories.AsNoTracking().Where(c => top.Contains(c.Id)).Select(c => new { c.Id, c.Names }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => c.Names.In(culture));
        var newRequests = top.Select(id => new CategoryWeeks(id, names.GetValueOrDefault(id),
            PerWeek(i => SumOf(weeks[i], c => c == id, r => r.Published)))).ToList();
        var other = PerWeek(i => SumOf(weeks[i], c => !top.Contains(c), r => r.Published));
        if (other.Any(v => v > 0))
        {
            newRequests.Add(new CategoryWeeks(null, null, other));
        }

        var open = PerWeek(i => SumOf(weeks[i], _ => true, r => r.Open));
        var matched = PerWeek(i => SumOf(weeks[i], _ => true, r => r.Matched));
        var expired = PerWeek(i => SumOf(weeks[i], _ => true, r => r.Expired));

        var today = townClock.Today();
        var until = today.AddDays(7 * CourseWeeksAhead);
        return new GapChartsData(weekStart, categoryId, weeks, newRequests, open, matched, expired,
            await DayPartsAsync(weekStart, categoryId, cancellationToken), await CoursesAsync(today, until, cancellationToken), today, until);
    }

    /// <summary>
    /// A request wanting mornings and evenings counts in both rows; one that said nothing counts once, as "not said".
    /// Volunteers are the sum of the week's cells, so a volunteer serving two categories or districts counts in each.
    /// </summary>
    private async Task<IReadOnlyList<DayPartRow>> DayPartsAsync(DateOnly weekStart, int? categoryId, CancellationToken cancellationToken)
    {
        var from = townClock.StartOfWeek(weekStart);
        var to = townClock.StartOfWeek(weekStart.AddDays(7));
        var facts = db.SupplyFacts.AsNoTracking()
            .Where(f => f.Event == SupplyEvent.Published && f.Side == ListingType.Request && f.At >= from && f.At < to);
        var volunteers = db.WeeklyVolunteers.AsNoTracking().Where(v => v.WeekStart == weekStart);
        if (categoryId is { } only)
        {
            facts = facts.Where(f => f.CategoryId == only);
            volunteers = volunteers.Where(v => v.CategoryId == only);
        }

        var wanted = await facts.GroupBy(f => f.DayParts).Select(g => new { Parts = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var available = await volunteers.Select(v => new { v.Mornings, v.Afternoons, v.Evenings, v.Weekends }).ToListAsync(cancellationToken);
        int Wanting(DayParts part) => wanted.Where(w => (w.Parts & part) != DayParts.None).Sum(w => w.Count);

        return
        [
            new DayPartRow(DayParts.Morning, Wanting(DayParts.Morning), available.Sum(v => v.Mornings)),
            new DayPartRow(DayParts.Afternoon, Wanting(DayParts.Afternoon), available.Sum(v => v.Afternoons)),
            new DayPartRow(DayParts.Evening, Wanting(DayParts.Evening), available.Sum(v => v.Evenings)),
            new DayPartRow(DayParts.Weekend, Wanting(DayParts.Weekend), available.Sum(v => v.Weekends)),
            new DayPartRow(DayParts.None, wanted.Where(w => (w.Parts & (DayParts.Morning | DayParts.Afternoon | DayParts.Evening | DayParts.Weekend)) == DayParts.None)
                .Sum(w => w.Count), null),
        ];
    }

    /// <summary>Open interest by type and district against free seats of planned runs that start from today to <paramref name="until"/>, both included.</summary>
    private async Task<IReadOnlyList<CourseBalanceRow>> CoursesAsync(DateOnly today, DateOnly until, CancellationToken cancellationToken)
    {
        var demand = await db.LanguageCourseInterests.AsNoTracking().Where(i => i.Status == InterestStatus.Open)
            .GroupBy(i => new { i.CourseType, i.DistrictId })
            .Select(g => new { g.Key.CourseType, g.Key.DistrictId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var runs = db.CourseRuns.AsNoTracking().Where(r => r.Status == CourseRunStatus.Planned && r.StartsOn >= today && r.StartsOn <= until
            && r.Course!.Kind == CourseKind.LanguageCourse && r.Course.LanguageCourseType != null && !r.Course.IsWithdrawn);
        var places = await runs.Select(r => new { Type = r.Course!.LanguageCourseType!.Value, DistrictId = r.IsOnline ? null : r.DistrictId, r.Id }).ToListAsync(cancellationToken);
        var free = (await runs.Occupancy(db).ToListAsync(cancellationToken)).ToDictionary(o => o.RunId, o => o.FreeSeats);
        var supply = places.Where(p => free.GetValueOrDefault(p.Id) > 0)
            .GroupBy(p => (p.Type, p.DistrictId))
            .ToDictionary(g => g.Key, g => (Seats: g.Sum(p => free[p.Id]), Runs: g.Count()));

        var keys = demand.Select(d => (Type: d.CourseType, d.DistrictId)).Concat(supply.Keys.Select(k => (k.Type, k.DistrictId))).Distinct().ToList();
        var districtIds = keys.Where(k => k.DistrictId is not null).Select(k => k.DistrictId!.Value).Distinct().ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

        return keys.Select(k =>
            {
                var wanted = demand.Where(d => d.CourseType == k.Type && d.DistrictId == k.DistrictId).Sum(d => d.Count);
                var offered = supply.GetValueOrDefault(k);
                return new CourseBalanceRow(k.Type, k.DistrictId, k.DistrictId is { } id ? districts.GetValueOrDefault(id) : null, wanted, offered.Seats, offered.Runs);
            })
            .OrderBy(r => r.CourseType).ThenBy(r => r.District is null).ThenBy(r => r.District, StringComparer.CurrentCulture)
            .ToList();
    }
}
