using System.Globalization;
using Marketplace.Web.Gaps;

namespace Marketplace.Tests.Unit.Gaps;

/// <summary>The chart geometry: a readable value axis, one bar and one point per week, numbers SVG can read in every culture.</summary>
public sealed class SvgChartsTests
{
    private static readonly DateOnly[] Weeks = Enumerable.Range(0, 26).Select(i => new DateOnly(2026, 6, 8).AddDays(7 * i)).ToArray();

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(7, 2)]
    [InlineData(23, 5)]
    [InlineData(49, 10)]
    [InlineData(101, 50)]
    [InlineData(4900, 1000)]
    public void TickStep_GivesAtMostFiveSteps_Of1_2Or5(int largest, int step)
    {
        Assert.Equal(step, SvgCharts.TickStep(largest));
        Assert.True(largest <= step * 5);
    }

    [Fact]
    public void StackedBars_OneBarPerWeek_SegmentsStackToTheTotal()
    {
        var series = new[]
        {
            new ChartSeries("a", Weeks.Select((_, i) => i % 3).ToArray()),
            new ChartSeries("b", Weeks.Select((_, i) => i % 2).ToArray()),
        };
        var axis = SvgCharts.Axis(Weeks, 3, CultureInfo.GetCultureInfo("de"));

        var bars = SvgCharts.StackedBars(axis, series);

        Assert.Equal(26, bars.Count);
        Assert.Equal(Weeks, bars.Select(b => b.Week));
        Assert.All(bars, bar => Assert.Equal(bar.Total, bar.Segments.Sum(s => s.Value)));
        var tallest = bars.Single(b => b.Week == Weeks[5]);
        Assert.Equal(3, tallest.Total);
        Assert.Equal(SvgCharts.Top, tallest.Segments[^1].Y, 3);
        Assert.Equal(SvgCharts.PlotHeight, tallest.Segments.Sum(s => s.Height), 3);
        Assert.True(bars.Zip(bars.Skip(1)).All(p => p.First.X < p.Second.X), "time runs left to right");
    }

    [Fact]
    public void Lines_HaveAPointPerWeek_AlsoAtZero_AndInvariantNumbers()
    {
        var axis = SvgCharts.Axis(Weeks, 10, CultureInfo.GetCultureInfo("de"));

        var line = SvgCharts.Lines(axis, [new ChartSeries("open", Weeks.Select((_, i) => i == 0 ? 10 : 0).ToArray())]).Single();

        Assert.Equal(26, line.Markers.Count);
        Assert.Equal(26, line.Points.Split(' ').Length);
        Assert.DoesNotContain(";", line.Points);
        Assert.Matches(@"^[0-9.]+,[0-9.]+( [0-9.]+,[0-9.]+)*$", line.Points);
        Assert.Equal(SvgCharts.Top, line.Markers[0].Y, 3);
        Assert.Equal(SvgCharts.Top + SvgCharts.PlotHeight, line.Markers[1].Y, 3);
        Assert.Equal("12.5", SvgCharts.Num(12.5));
    }

    [Fact]
    public void WeekLabels_InTheReadersCulture_TheLastWeekAlwaysLabelled()
    {
        var german = SvgCharts.Axis(Weeks, 5, CultureInfo.GetCultureInfo("de"));
        var english = SvgCharts.Axis(Weeks, 5, CultureInfo.GetCultureInfo("en"));

        Assert.InRange(german.Labels.Count, 5, 8);
        Assert.Equal(Weeks[^1].ToString(CultureInfo.GetCultureInfo("de").DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM", StringComparison.Ordinal), CultureInfo.GetCultureInfo("de")), german.Labels[^1].Label);
        Assert.NotEqual(german.Labels[^1].Label, english.Labels[^1].Label);
        Assert.Contains(german.Ticks, t => t.Value == 5);
    }
}
