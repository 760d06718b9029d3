namespace Marketplace.Web.Budgets;

/// <summary>
/// Reads an IBAN as people type it (spaces, lower case) and checks it by ISO 13616: two letters, two check digits, up to
/// 30 letters and digits, and the number formed by moving the first four characters to the end, letters as 10..35, has
/// remainder 1 modulo 97. It does not know each country's length: a typo is caught by the checksum anyway.
/// </summary>
public static class Iban
{
    public const int MinLength = 15;
    public const int MaxLength = 34;

    /// <summary>The IBAN without spaces in upper case, or null when it is not a valid IBAN.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var iban = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (iban.Length is < MinLength or > MaxLength
            || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])
            || iban.Any(c => !char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c)))
        {
            return null;
        }

        return Mod97(iban[4..] + iban[..4]) == 1 ? iban : null;
    }

    /// <summary>Grouped in fours as printed on cards and letters.</summary>
    public static string Format(string iban) =>
        string.Join(' ', Enumerable.Range(0, (iban.Length + 3) / 4).Select(i => iban.Substring(i * 4, Math.Min(4, iban.Length - i * 4))));

    /// <summary>Only the last four characters, for pages where the full number is not needed.</summary>
    public static string Masked(string iban) => iban.Length <= 4 ? iban : "…" + iban[^4..];

    /// <summary>The remainder digit by digit, so no number grows beyond what an int holds.</summary>
    private static int Mod97(string rearranged)
    {
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }

        return remainder;
    }
}
