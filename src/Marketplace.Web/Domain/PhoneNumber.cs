using System.Text.RegularExpressions;

namespace Marketplace.Web.Domain;

/// <summary>
/// A phone number as people write it (international or national, with spaces, brackets, dashes, slashes or dots),
/// stored as written so the other side reads what the owner typed. Checked only for shape: a plus at the start at most,
/// and 5 to 15 digits (E.164 allows 15), so a sentence or two numbers in one field are refused.
/// </summary>
public static partial class PhoneNumber
{
    public const int MaxLength = 30;
    private const int MinDigits = 5;
    private const int MaxDigits = 15;

    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = Spaces().Replace(input?.Trim() ?? "", " ");
        var digits = normalized.Count(char.IsAsciiDigit);
        return normalized.Length <= MaxLength && Shape().IsMatch(normalized) && digits is >= MinDigits and <= MaxDigits;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\+?[0-9(][0-9 ()/.\-]*$")]
    private static partial Regex Shape();
}
