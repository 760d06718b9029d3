namespace Marketplace.Web.Localization;

/// <summary>
/// Languages a poster can say they speak: those most spoken by people who arrived in recent years, plus German
/// and English. Each is named in itself, so a reader recognises their own language whatever the UI language.
/// </summary>
public static class SpokenLanguages
{
    public static readonly IReadOnlyList<(string Code, string NativeName)> All =
    [
        ("de", "Deutsch"),
        ("en", "English"),
        ("ar", "العربية"),
        ("fa", "فارسی / دری"),
        ("uk", "Українська"),
        ("ru", "Русский"),
        ("tr", "Türkçe"),
        ("ku", "Kurdî"),
        ("ps", "پښتو"),
        ("ti", "ትግርኛ"),
        ("so", "Soomaali"),
        ("fr", "Français"),
    ];

    public static bool IsKnown(string code) => All.Any(l => l.Code == code);

    public static string NativeName(string code) => All.FirstOrDefault(l => l.Code == code).NativeName ?? code;

    /// <summary>Stored as ",de,ar," so that a filter can match one code exactly with a LIKE on ",ar,".</summary>
    public static string Pack(IEnumerable<string> codes)
    {
        var known = codes.Where(IsKnown).Distinct().ToList();
        return known.Count == 0 ? "" : "," + string.Join(",", known) + ",";
    }

    public static IReadOnlyList<string> Unpack(string? packed) =>
        (packed ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
}
