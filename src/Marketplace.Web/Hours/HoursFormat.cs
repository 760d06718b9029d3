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
}
