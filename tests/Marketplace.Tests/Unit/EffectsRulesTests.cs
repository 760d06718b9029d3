using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit;

/// <summary>How far an indicator reached its target, when it fell short twice, and the periods values are recorded for.</summary>
public sealed class EffectsRulesTests
{
    [Theory]
    [InlineData(0, 12, 6, true, 50)]
    [InlineData(0, 12, 12, true, 100)]
    [InlineData(10, 20, 15, true, 50)]
    [InlineData(10, 20, 5, true, 0)]
    [InlineData(0, 10, 30, true, 300)]
    // Fewer is better: from 20 missed appointments down to a target of 10.
    [InlineData(20, 10, 15, false, 50)]
    [InlineData(20, 10, 10, false, 100)]
    [InlineData(20, 10, 25, false, 0)]
    // A target already met at the baseline: reached when not worse.
    [InlineData(10, 10, 10, true, 100)]
    [InlineData(10, 10, 9, true, 0)]
    public void AchievedPercent_CountsFromTheBaseline_InTheIndicatorsDirection(int baseline, int target, int value, bool higher, int expected) =>
        Assert.Equal(expected, EffectRules.AchievedPercent(baseline, target, value, higher));

    [Theory]
    [InlineData(true, new[] { 4, 4 }, true)]
    [InlineData(true, new[] { 4, 5 }, false)]
    [InlineData(true, new[] { 5, 4 }, false)]
    [InlineData(true, new[] { 1 }, false)]
    // Lower is better (baseline 20, target 10): 18 and 17 are 20 % and 30 % of the way, both short.
    [InlineData(false, new[] { 18, 17 }, true)]
    [InlineData(false, new[] { 18, 14 }, false)]
    public void FellShortTwice_OnlyWhenBothOfTheLastTwoAreBelowHalf(bool higher, int[] values, bool expected)
    {
        var (baseline, target) = higher ? (0, 10) : (20, 10);
        Assert.Equal(expected, EffectRules.FellShortTwice(baseline, target, higher, values));
    }

    [Theory]
    [InlineData("2026-05-17", MeasuringPeriod.Monthly, "2026-05-01", "2026-05-31")]
    [InlineData("2026-05-17", MeasuringPeriod.Quarterly, "2026-04-01", "2026-06-30")]
    [InlineData("2026-12-31", MeasuringPeriod.HalfYearly, "2026-07-01", "2026-12-31")]
    [InlineData("2026-02-28", MeasuringPeriod.Yearly, "2026-01-01", "2026-12-31")]
    public void Periods_AreAlignedToTheCalendar(string day, MeasuringPeriod period, string start, string end)
    {
        var first = IndicatorPeriods.StartOf(DateOnly.Parse(day), period);
        Assert.Equal(DateOnly.Parse(start), first);
        Assert.Equal(DateOnly.Parse(end), IndicatorPeriods.EndOf(first, period));
    }

    [Fact]
    public void PeriodsWithin_AProject_CoverItsTime()
    {
        var starts = IndicatorPeriods.Within(new DateOnly(2026, 2, 15), new DateOnly(2026, 11, 1), MeasuringPeriod.Quarterly);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1)], starts);
    }

    [Fact]
    public void EveryStarterIndicator_HasAUniqueKey()
    {
        var keys = IndicatorStarterSets.All.SelectMany(s => s.Indicators.Select(s.StarterKeyOf)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.True(k.Length <= Indicator.ShortTextMaxLength));
    }
}
