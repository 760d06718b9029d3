using System.Globalization;

namespace Marketplace.Web.Hours;

/// <summary>Hours and euro amounts as the reader's language writes them ("1,5 Std." / "45,00 €" in German, "€45.00" in English).</summary>
public static class HoursFormat
{
    public static string Hours(decimal hours, CultureInfo culture) => hours.ToString("#,0.##", culture);

    /// <summary>
    /// The UI culture's currency pattern with the euro sign: the neutral cultures ("en") have no currency of their own
    /// and would print "¤".
    /// </summary>
    public static string Euro(decimal amount, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = "€";
        return amount.ToString("C2", format);
    }

    /// <summary>The town's calendar day now; the year and month filters and "not in the future" are in town time.</summary>
    public static DateOnly TownToday(TimeProvider clock, string? timeZoneId)
    {
        var now = clock.GetUtcNow();
        var local = timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone)
            ? TimeZoneInfo.ConvertTime(now, zone)
            : now;
        return DateOnly.FromDateTime(local.DateTime);
    }
}
