using System.Globalization;

namespace Marketplace.Web.Hours;

/// <summary>Hours as the reader's language writes them ("1,5"); euro amounts: <c>Localization/Cultures.Euros</c>.</summary>
public static class HoursFormat
{
    public static string Hours(decimal hours, CultureInfo culture) => hours.ToString("#,0.##", culture);
}
