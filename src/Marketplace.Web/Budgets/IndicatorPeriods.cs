using Marketplace.Web.Domain;

namespace Marketplace.Web.Budgets;

/// <summary>
/// The periods of a measuring rhythm, aligned to the calendar (quarters start in January, April, July, October), so that
/// two values of one indicator never overlap and a value is unique per period.
/// </summary>
public static class IndicatorPeriods
{
    public static DateOnly StartOf(DateOnly day, MeasuringPeriod period)
    {
        var months = (int)period;
        var month = (day.Month - 1) / months * months + 1;
        return new DateOnly(day.Year, month, 1);
    }

    public static DateOnly EndOf(DateOnly start, MeasuringPeriod period) => start.AddMonths((int)period).AddDays(-1);

    /// <summary>The periods that touch a project's time, oldest first (at most a few dozen: projects run for months, not decades).</summary>
    public static IReadOnlyList<DateOnly> Within(DateOnly from, DateOnly to, MeasuringPeriod period)
    {
        var starts = new List<DateOnly>();
        for (var start = StartOf(from, period); start <= to && starts.Count < 240; start = start.AddMonths((int)period))
        {
            starts.Add(start);
        }

        return starts;
    }
}
