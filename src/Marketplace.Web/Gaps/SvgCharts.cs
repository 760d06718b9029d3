using System.Globalization;

namespace Marketplace.Web.Gaps;

/// <summary>One series of a chart: a label and one value per week of the axis, oldest first.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<int> Values);

/// <summary>A value tick of the vertical axis, at <see cref="Y"/> in chart units.</summary>
public sealed record AxisTick(double Y, int Value);

/// <summary>A week label under the time axis, centred at <see cref="X"/>.</summary>
public sealed record WeekLabel(double X, string Label);

/// <summary>The frame every time chart shares: the weeks, the value scale and its ticks.</summary>
public sealed record ChartAxis(IReadOnlyList<DateOnly> Weeks, int Max, IReadOnlyList<AxisTick> Ticks, IReadOnlyList<WeekLabel> Labels, double Slot)
{
    /// <summary>The centre of a week's slot.</summary>
    public double X(int week) => SvgCharts.Left + (week + 0.5) * Slot;

    public double Y(int value) => SvgCharts.Top + SvgCharts.PlotHeight * (1 - (double)value / Max);
}

/// <summary>One week's bar of a stacked chart; a segment per series with a value, bottom up.</summary>
public sealed record StackedBar(DateOnly Week, double X, double Width, int Total, IReadOnlyList<BarSegment> Segments);

public sealed record BarSegment(int Series, double Y, double Height, int Value);

/// <summary>One series as a line: the polyline's points and a marker per week.</summary>
public sealed record ChartLine(int Series, string Label, string Points, IReadOnlyList<LinePoint> Markers);

public sealed record LinePoint(DateOnly Week, double X, double Y, int Value);

/// <summary>
/// The geometry of the gap views' server-rendered SVG charts: the views draw elements from these numbers, so no markup is
/// built in C#. Everything is in the units of one fixed viewBox, which the browser scales to the page. The time axis
/// runs left to right in every language (the views isolate it with dir="ltr"); week labels use the reader's culture.
/// </summary>
public static class SvgCharts
{
    public const double Width = 720;
    public const double Height = 260;
    public const double Left = 48;
    public const double Right = 12;
    public const double Top = 12;
    public const double Bottom = 34;
    public const double PlotWidth = Width - Left - Right;
    public const double PlotHeight = Height - Top - Bottom;

    /// <summary>The viewBox attribute of every chart.</summary>
    public static string ViewBox => $"0 0 {Num(Width)} {Num(Height)}";

    /// <summary>A number for an SVG attribute: invariant, at most two decimals, whatever the page's culture.</summary>
    public static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The axis for these weeks with room for <paramref name="largest"/>; about every fourth week labelled.</summary>
    public static ChartAxis Axis(IReadOnlyList<DateOnly> weeks, int largest, CultureInfo culture)
    {
        var step = TickStep(largest);
        var max = Math.Max(step, (int)Math.Ceiling((double)largest / step) * step);
        var slot = PlotWidth / Math.Max(1, weeks.Count);
        var ticks = new List<AxisTick>();
        for (var value = 0; value <= max; value += step)
        {
            ticks.Add(new AxisTick(Top + PlotHeight * (1 - (double)value / max), value));
        }

        var every = Math.Max(1, (int)Math.Ceiling(weeks.Count / 7.0));
        var pattern = ShortMonthDay(culture);
        var labels = weeks.Select((week, i) => (week, i))
            .Where(w => (weeks.Count - 1 - w.i) % every == 0)
            .Select(w => new WeekLabel(Left + (w.i + 0.5) * slot, w.week.ToString(pattern, culture)))
            .ToList();
        return new ChartAxis(weeks, max, ticks, labels, slot);
    }

    /// <summary>A bar per week, its series stacked in the order given (the first at the bottom).</summary>
    public static IReadOnlyList<StackedBar> StackedBars(ChartAxis axis, IReadOnlyList<ChartSeries> series)
    {
        var width = axis.Slot * 0.7;
        return axis.Weeks.Select((week, i) =>
        {
            var segments = new List<BarSegment>();
            var below = 0;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[i];
                if (value > 0)
                {
                    var top = axis.Y(below + value);
                    segments.Add(new BarSegment(s, top, axis.Y(below) - top, value));
                    below += value;
                }
            }

            return new StackedBar(week, axis.X(i) - width / 2, width, below, segments);
        }).ToList();
    }

    /// <summary>A line per series with a marker for every week (also weeks at zero, so each week has its point).</summary>
    public static IReadOnlyList<ChartLine> Lines(ChartAxis axis, IReadOnlyList<ChartSeries> series) =>
        series.Select((s, index) =>
        {
            var markers = axis.Weeks.Select((week, i) => new LinePoint(week, axis.X(i), axis.Y(s.Values[i]), s.Values[i])).ToList();
            return new ChartLine(index, s.Label, string.Join(' ', markers.Select(m => $"{Num(m.X)},{Num(m.Y)}")), markers);
        }).ToList();

    /// <summary>The length of a horizontal bar for <paramref name="value"/> of <paramref name="max"/> in <paramref name="width"/> units.</summary>
    public static double BarLength(int value, int max, double width) => max <= 0 ? 0 : width * Math.Clamp((double)value / max, 0, 1);

    /// <summary>1, 2 or 5 times a power of ten, so the axis has at most five steps.</summary>
    public static int TickStep(int largest)
    {
        var magnitude = 1;
        while (true)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                if (largest <= factor * magnitude * 5)
                {
                    return factor * magnitude;
                }
            }

            magnitude *= 10;
        }
    }

    /// <summary>The culture's month-day pattern with the short month name ("6. Dez.", "Dec 6").</summary>
    private static string ShortMonthDay(CultureInfo culture) =>
        culture.DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM", StringComparison.Ordinal);
}
