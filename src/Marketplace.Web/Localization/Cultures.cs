using System.Globalization;

namespace Marketplace.Web.Localization;

public static class Cultures
{
    public const string Default = "de";

    /// <summary>Cultures the interface is translated into. Arabic and Persian follow with their resource files.</summary>
    public static readonly string[] Supported = ["de", "en"];

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);

    /// <summary>Each language's name in itself, so a reader finds their own language in the switcher.</summary>
    public static string NativeName(string culture) =>
        CultureInfo.GetCultureInfo(culture).NativeName is var name && name.Length > 0
            ? char.ToUpper(name[0], CultureInfo.GetCultureInfo(culture)) + name[1..]
            : culture;

    public static string Direction(CultureInfo culture) => culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
}

/// <summary>Switches the UI culture for a block, e.g. to write a mail in its recipient's language.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string culture)
    {
        var info = CultureInfo.GetCultureInfo(Cultures.IsSupported(culture) ? culture : Cultures.Default);
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
