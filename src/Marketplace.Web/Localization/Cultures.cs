using System.Collections.Frozen;
using System.Globalization;

namespace Marketplace.Web.Localization;

/// <summary>
/// The interface languages and how each formats dates, numbers and money. German is the neutral language; Arabic and
/// Persian are written right to left.
/// </summary>
public static class Cultures
{
    public const string Default = "de";

    /// <summary>Cultures the interface is translated into, in the order the language switcher shows them.</summary>
    public static readonly string[] Supported = ["de", "en", "ar", "fa", "uk"];

    private static readonly FrozenDictionary<string, CultureInfo> Formatting =
        Supported.ToFrozenDictionary(language => language, Create, StringComparer.OrdinalIgnoreCase);

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);

    /// <summary>The language's culture as the site formats with it (<see cref="Create"/>); the default for an unknown one.</summary>
    public static CultureInfo Get(string? culture) =>
        Formatting.GetValueOrDefault(culture ?? Default) ?? Formatting[Default];

    /// <summary>Every supported language's culture, for the request localization options.</summary>
    public static IList<CultureInfo> All => [.. Supported.Select(language => Formatting[language])];

    /// <summary>
    /// The neutral culture of a language with what a reader in Germany expects: the Gregorian calendar the offices and
    /// their letters use (Arabic and Persian cultures default to Hijri and Solar Hijri calendars), day-month-year in English
    /// (British formats, not US month-first ones), and in Arabic and Persian the digits 0-9 with a decimal point, because
    /// .NET writes Latin digits in every culture and "1٫5" with the Arabic decimal separator would be read as neither.
    /// </summary>
    private static CultureInfo Create(string language)
    {
        var culture = new CultureInfo(language);
        if (language == "en")
        {
            culture.DateTimeFormat = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat;
        }

        if (culture.Calendar is not GregorianCalendar)
        {
            var gregorian = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? new GregorianCalendar();
            culture.DateTimeFormat.Calendar = gregorian;
        }

        if (language == "fa")
        {
            // ICU's long Persian pattern is made for the Solar Hijri calendar ("2026 دسامبر 7, دوشنبه" with a Latin comma
            // once the calendar is Gregorian): weekday, day, month, year, as a Persian reader says a Gregorian date. The
            // short form keeps the year first (2026/12/7), as dates are written in Iran and Afghanistan.
            culture.DateTimeFormat.LongDatePattern = "dddd d MMMM yyyy";
            culture.DateTimeFormat.FullDateTimePattern = "dddd d MMMM yyyy HH:mm:ss";
        }

        if (culture.TextInfo.IsRightToLeft)
        {
            culture.NumberFormat.NumberDecimalSeparator = ".";
            culture.NumberFormat.NumberGroupSeparator = ",";
            culture.NumberFormat.CurrencyDecimalSeparator = ".";
            culture.NumberFormat.CurrencyGroupSeparator = ",";
            culture.NumberFormat.PercentDecimalSeparator = ".";
            culture.NumberFormat.PercentGroupSeparator = ",";
        }

        culture.NumberFormat.CurrencySymbol = "€";
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>A euro amount the way the reader's language writes money (1.234,50 € in German, €1,234.50 in English).</summary>
    public static string Euros(decimal amount) => amount.ToString("C2", Get(CultureInfo.CurrentCulture.Name));

    /// <summary>Each language's name in itself, so a reader finds their own language in the switcher.</summary>
    public static string NativeName(string culture) =>
        CultureInfo.GetCultureInfo(culture).NativeName is var name && name.Length > 0
            ? char.ToUpper(name[0], CultureInfo.GetCultureInfo(culture)) + name[1..]
            : culture;

    public static bool IsRightToLeft(string culture) => Get(culture).TextInfo.IsRightToLeft;

    public static string Direction(CultureInfo culture) => culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
}

/// <summary>Switches the UI culture for a block, e.g. to write a mail in its recipient's language.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string culture)
    {
        var info = Cultures.Get(culture);
        CultureInfo.CurrentCulture = info;
        CultureInfo.CurrentUICulture = info;
    }

    public static CultureScope Use(string culture) => new(culture);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
