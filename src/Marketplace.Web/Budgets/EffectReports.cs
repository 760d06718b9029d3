using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Budgets;

/// <summary>An indicator in the report: its target and the last value measured in the year, if any.</summary>
public sealed record ReportIndicator(EffectStep Step, string Name, string Unit, int Baseline, int Target, bool HigherIsBetter, int? Actual, int? AchievedPercent,
    string? Note);

/// <summary>
/// One measure (a project) in Dortmund's order: effect goal, influence, target group, indicators, planned cost (granted),
/// actual cost (booked in the year), and the approved volunteer hours of its organisation in the year with their value.
/// </summary>
public sealed record ReportMeasure(int BudgetId, int OrganisationId, string Title, string Organisation, string? EffectGoal, Influence Influence, string? TargetGroup,
    IReadOnlyList<ReportIndicator> Indicators, long GrantedCents, long SpentInYearCents, int HoursMinutes, long HoursValueCents);

public sealed record ReportGoalArea(string? Name, IReadOnlyList<ReportMeasure> Measures)
{
    public long GrantedCents => Measures.Sum(m => m.GrantedCents);
    public long SpentInYearCents => Measures.Sum(m => m.SpentInYearCents);
}

/// <summary>The town's own figures that belong to its goals: course completions, matches made and the median days from request to match.</summary>
public sealed record TownEffectFigures(int CourseCompletions, int MatchesMade, decimal? MedianDaysToMatch);

/// <param name="Outcomes">The outcome indicators of gaps and surplus (issue 17), from the weekly aggregates of the year's weeks.</param>
public sealed record EffectReport(int Year, string TownName, long HourlyRateCents, IReadOnlyList<ReportGoalArea> Areas, TownEffectFigures Town,
    Gaps.GapOutcomeFigures Outcomes)
{
    public long GrantedCents => Areas.Sum(a => a.GrantedCents);
    public long SpentInYearCents => Areas.Sum(a => a.SpentInYearCents);
}

/// <summary>
/// The yearly effect report (Wirkungsbericht) of a town, in the form of Dortmund's effect-oriented budget: effects only
/// steer together with the costs that caused them, so every measure shows both. Costs come from the ledger (expenses
/// booked in the year), hours from the approved hours; nothing is typed in twice.
/// </summary>
public sealed class EffectReports(AppDbContext db, ITenantContext tenant, TownClock townClock, Gaps.GapOutcomes outcomes)
{
    public const int FirstYear = 2000;

    /// <summary>Statuses of a match that was made (both sides agreed, or the marketplace recorded it done).</summary>
    private static readonly MatchStatus[] Made = [MatchStatus.Accepted, MatchStatus.Completed, MatchStatus.Disputed, MatchStatus.NotHappened];

    private static readonly ExpenseStatus[] Booked = [ExpenseStatus.Approved, ExpenseStatus.Paid];

    public int ThisYear => townClock.Today().Year;

    public async Task<EffectReport> ForYearAsync(int year, CancellationToken ct = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var from = townClock.StartOfYear(year);
        var to = townClock.StartOfYear(year + 1);
        var townId = db.CurrentTenantId;
        var rate = await db.Tenants.Where(t => t.Id == townId).Select(t => t.HourlyRateCents).SingleAsync(ct);

        var projects = await db.ProjectBudgets.AsNoTracking()
            .Where(b => (b.Status == ProjectBudgetStatus.Approved || b.Status == ProjectBudgetStatus.Closed) && b.StartsOn <= last && b.EndsOn >= first)
            .OrderBy(b => b.GoalArea).ThenBy(b => b.Title).ThenBy(b => b.Id)
            .Select(b => new
            {
                b.Id, b.OrganisationId, b.Title, Organisation = b.Organisation!.Name, b.GoalArea, b.EffectGoal, b.Influence, b.TargetGroup, b.GrantedCents,
            })
            .ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var organisations = projects.Select(p => p.OrganisationId).Distinct().ToList();

        var spent = await db.Expenses.AsNoTracking()
            .Where(e => ids.Contains(e.ProjectBudgetId) && Booked.Contains(e.Status) && e.ApprovedAt >= from && e.ApprovedAt < to)
            .GroupBy(e => e.ProjectBudgetId).Select(g => new { Id = g.Key, Cents = g.Sum(e => e.AmountCents) })
            .ToDictionaryAsync(g => g.Id, g => g.Cents, ct);
        var minutes = await db.VolunteerHours.AsNoTracking()
            .Where(h => h.Status == HoursStatus.Approved && h.OrganisationId != null && organisations.Contains(h.OrganisationId.Value)
                && h.WorkedOn >= first && h.WorkedOn <= last)
            .GroupBy(h => h.OrganisationId!.Value).Select(g => new { Id = g.Key, Minutes = g.Sum(h => h.Minutes) })
            .ToDictionaryAsync(g => g.Id, g => g.Minutes, ct);
        var indicators = (await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.ProjectBudgetId))
                .OrderBy(i => i.Step).ThenBy(i => i.Id)
                .Select(i => new
                {
                    i.ProjectBudgetId, i.Step, i.Name, i.Unit, i.Baseline, i.Target, i.HigherIsBetter,
                    Last = i.Values.Where(v => v.PeriodStart >= first && v.PeriodStart <= last).OrderByDescending(v => v.PeriodStart)
                        .Select(v => new { v.Value, v.Note }).FirstOrDefault(),
                })
                .ToListAsync(ct))
            .ToLookup(i => i.ProjectBudgetId, i => new ReportIndicator(i.Step, i.Name, i.Unit, i.Baseline, i.Target, i.HigherIsBetter, i.Last?.Value,
                i.Last is { } value ? EffectRules.AchievedPercent(i.Baseline, i.Target, value.Value, i.HigherIsBetter) : null, i.Last?.Note));

        var areas = projects
            .Select(p =>
            {
                var hours = minutes.GetValueOrDefault(p.OrganisationId);
                return (p.GoalArea, Measure: new ReportMeasure(p.Id, p.OrganisationId, p.Title, p.Organisation, p.EffectGoal, p.Influence, p.TargetGroup,
                    indicators[p.Id].ToList(), p.GrantedCents, spent.GetValueOrDefault(p.Id), hours, HoursValue.Of(hours, rate)));
            })
            .GroupBy(p => string.IsNullOrWhiteSpace(p.GoalArea) ? null : p.GoalArea.Trim())
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new ReportGoalArea(g.Key, g.Select(m => m.Measure).ToList()))
            .ToList();

        return new EffectReport(year, tenant.Tenant!.Name, rate, areas, await TownFiguresAsync(from, to, ct),
            await outcomes.ForPeriodAsync(first, last, System.Globalization.CultureInfo.CurrentUICulture.Name, ct));
    }

    private async Task<TownEffectFigures> TownFiguresAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var completions = await db.Enrolments.CountAsync(e => e.Status == EnrolmentStatus.Completed && e.CompletedAt >= from && e.CompletedAt < to, ct);
        var matches = await db.Matches.AsNoTracking()
            .Where(m => Made.Contains(m.Status) && (m.DecidedAt ?? m.CreatedAt) >= from && (m.DecidedAt ?? m.CreatedAt) < to)
            .Select(m => new { Made = m.DecidedAt ?? m.CreatedAt, Asked = db.Listings.Where(l => l.Id == m.ListingId).Select(l => l.PublishedAt ?? l.CreatedAt).FirstOrDefault() })
            .ToListAsync(ct);
        var days = matches.Select(m => (decimal)Math.Max(0, (m.Made - m.Asked).Ticks) / TimeSpan.TicksPerDay).ToList();
        return new TownEffectFigures(completions, matches.Count, Median(days));
    }

    /// <summary>The median, never the mean: one request that waited a year would move a mean far from what most people waited.</summary>
    public static decimal? Median(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return decimal.Round(median, 1, MidpointRounding.AwayFromZero);
    }
}
