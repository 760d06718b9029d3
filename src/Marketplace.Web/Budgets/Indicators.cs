using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Budgets;

/// <summary>What a project manager fills in for a new indicator.</summary>
public sealed record IndicatorInputValues(EffectStep Step, string Name, string Definition, string Unit, int Baseline, int Target, bool HigherIsBetter,
    MeasuringPeriod Period, string? Source, string? TargetGroup, Influence Influence);

public enum ValueOutcome
{
    Recorded,

    /// <summary>The indicator already has a value for that period (also when two people record it at once).</summary>
    PeriodTaken,

    /// <summary>The period lies outside the project's time.</summary>
    OutsideProject,
}

/// <summary>A value with its period, in the indicator's unit, and how far it reached the target.</summary>
public sealed record IndicatorValueRow(int Id, DateOnly PeriodStart, DateOnly PeriodEnd, int Value, string? Note, int AchievedPercent);

public sealed record IndicatorRow(int Id, EffectStep Step, string Name, string Definition, string Unit, int Baseline, int Target, bool HigherIsBetter,
    MeasuringPeriod Period, string? Source, string? TargetGroup, Influence Influence, string? StarterKey, IReadOnlyList<IndicatorValueRow> Values)
{
    public IndicatorValueRow? Last => Values.Count == 0 ? null : Values[^1];
}

/// <summary>A project's indicators: adding them (by hand or from a starter set) and recording their values per period.</summary>
public sealed class Indicators(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<IndicatorRow>> ListAsync(int projectBudgetId, CancellationToken ct = default)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ProjectBudgetId == projectBudgetId)
            .OrderBy(i => i.Step).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.Step, i.Name, i.Definition, i.Unit, i.Baseline, i.Target, i.HigherIsBetter, i.Period, i.Source, i.TargetGroup, i.Influence,
                i.StarterKey,
                Values = i.Values.OrderBy(v => v.PeriodStart).Select(v => new { v.Id, v.PeriodStart, v.PeriodEnd, v.Value, v.Note }).ToList(),
            })
            .ToListAsync(ct);
        return indicators.Select(i => new IndicatorRow(i.Id, i.Step, i.Name, i.Definition, i.Unit, i.Baseline, i.Target, i.HigherIsBetter, i.Period,
                i.Source, i.TargetGroup, i.Influence, i.StarterKey,
                i.Values.Select(v => new IndicatorValueRow(v.Id, v.PeriodStart, v.PeriodEnd, v.Value, v.Note,
                    EffectRules.AchievedPercent(i.Baseline, i.Target, v.Value, i.HigherIsBetter))).ToList()))
            .ToList();
    }

    public async Task<int> AddAsync(int projectBudgetId, IndicatorInputValues input, CancellationToken ct = default)
    {
        var indicator = new Indicator
        {
            ProjectBudgetId = projectBudgetId, Step = input.Step, Name = input.Name.Trim(), Definition = input.Definition.Trim(), Unit = input.Unit.Trim(),
            Baseline = input.Baseline, Target = input.Target, HigherIsBetter = input.HigherIsBetter, Period = input.Period,
            Source = Blank(input.Source), TargetGroup = Blank(input.TargetGroup), Influence = input.Influence, CreatedAt = clock.GetUtcNow(),
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        return indicator.Id;
    }

    /// <summary>
    /// Copies a starter set in the reader's language; indicators of the set the project already has are left out, so a
    /// second click (or a double submit) adds nothing. Returns how many were added.
    /// </summary>
    public async Task<int> CopyStarterSetAsync(int projectBudgetId, StarterSet set, string? targetGroup, CancellationToken ct = default)
    {
        var keys = set.Indicators.Select(set.StarterKeyOf).ToList();
        var have = await db.Indicators.Where(i => i.ProjectBudgetId == projectBudgetId && i.StarterKey != null && keys.Contains(i.StarterKey))
            .Select(i => i.StarterKey!).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var starter in set.Indicators.Where(s => !have.Contains(set.StarterKeyOf(s))))
        {
            db.Indicators.Add(new Indicator
            {
                ProjectBudgetId = projectBudgetId, Step = starter.Step, Name = l[starter.NameKey].Value, Definition = l[starter.DefinitionKey].Value,
                Unit = l[starter.UnitKey].Value, Baseline = starter.Baseline, Target = starter.Target, HigherIsBetter = starter.HigherIsBetter,
                Period = starter.Period, TargetGroup = Blank(targetGroup), Influence = starter.Influence, StarterKey = set.StarterKeyOf(starter),
                CreatedAt = now,
            });
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>
    /// Records the value of the period that <paramref name="periodStart"/> lies in. One value per period: checked first for
    /// a clear message, and kept by the unique index when two people record the same period at once.
    /// </summary>
    public async Task<ValueOutcome> RecordValueAsync(int indicatorId, DateOnly periodStart, int value, string? note, string userId,
        CancellationToken ct = default)
    {
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == indicatorId)
            .Select(i => new { i.Period, Budget = db.ProjectBudgets.Where(b => b.Id == i.ProjectBudgetId).Select(b => new { b.StartsOn, b.EndsOn }).Single() })
            .SingleAsync(ct);
        var start = IndicatorPeriods.StartOf(periodStart, indicator.Period);
        var end = IndicatorPeriods.EndOf(start, indicator.Period);
        if (end < indicator.Budget.StartsOn || start > indicator.Budget.EndsOn)
        {
            return ValueOutcome.OutsideProject;
        }

        if (await db.IndicatorValues.AnyAsync(v => v.IndicatorId == indicatorId && v.PeriodStart == start, ct))
        {
            return ValueOutcome.PeriodTaken;
        }

        var row = new IndicatorValue
        {
            IndicatorId = indicatorId, PeriodStart = start, PeriodEnd = end, Value = value, Note = Blank(note), RecordedByUserId = userId,
            RecordedAt = clock.GetUtcNow(),
        };
        db.IndicatorValues.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return ValueOutcome.PeriodTaken;
        }

        return ValueOutcome.Recorded;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
