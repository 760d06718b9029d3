using System.Globalization;

namespace Marketplace.Web.Localization;

/// <summary>
/// Reads a euro amount typed the German way ("1.050,75") or the English way ("1,050.75"), whatever the page's
/// language: people copy amounts from letters of the Jobcenter and from English sites alike. One or two digits
/// after the last separator make it the decimal separator; exactly three make it a thousands separator.
/// </summary>
public static class EuroAmount
{
    private const int MaxIntegerDigits = 12;

    /// <summary>
    /// The same rules for a text field's <c>pattern</c>: decimal fields are text inputs with <c>inputmode="decimal"</c>,
    /// because a number input refuses "1,5" in browsers set to English and sends "" instead of what was typed.
    /// </summary>
    public const string InputPattern = "[0-9]+([.,][0-9]{3})*([.,][0-9]{1,2})?";

    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var s = (text ?? "").Replace("€", "", StringComparison.Ordinal).Replace("EUR", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (s.Length == 0 || s.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or ',')) || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1]))
        {
            return false;
        }

        var last = s.LastIndexOfAny(['.', ',']);
        var integer = s;
        var fraction = "";
        if (last >= 0 && s.Length - last - 1 is 1 or 2)
        {
            integer = s[..last];
            fraction = s[(last + 1)..];
            if (integer.Contains(s[last], StringComparison.Ordinal))
            {
                return false; // "6,12,50": the decimal separator twice
            }
        }

        if (!TryReadGroupedInteger(integer, out var digits))
        {
            return false;
        }

        return decimal.TryParse(fraction.Length == 0 ? digits : $"{digits}.{fraction}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>Digits, optionally in groups of three after the first, all separated by the same character.</summary>
    private static bool TryReadGroupedInteger(string integer, out string digits)
    {
        digits = "";
        var separators = integer.Where(c => c is '.' or ',').Distinct().ToList();
        if (separators.Count > 1)
        {
            return false;
        }

        var groups = separators.Count == 0 ? [integer] : integer.Split(separators[0]);
        if (groups[0].Length is 0 || (groups.Length > 1 && groups[0].Length > 3) || groups.Skip(1).Any(g => g.Length != 3))
        {
            return false;
        }

        digits = string.Concat(groups);
        return digits.Length <= MaxIntegerDigits;
    }
}

/// <summary>Binds a money amount through <see cref="EuroAmount"/>.</summary>
public sealed class EuroAmountModelBinder : TypedDecimalModelBinder
{
    protected override string ErrorKey => "Validation_EuroAmount";
}
