using System.Text.RegularExpressions;

namespace Marketplace.Web.Domain;

/// <summary>Kinds of contact details a text may give away.</summary>
[Flags]
public enum ContactKinds
{
    None = 0,
    Email = 1,
    Phone = 2,
    StreetAddress = 4,
}

/// <summary>
/// Finds e-mail addresses, phone numbers (German formats) and street addresses with a house number in text a member
/// is about to publish, so the form can warn before everyone reads them. A warning, not a filter: it leans towards
/// finding, and what it misses or flags wrongly the poster decides. Dates, times, prices and postal codes are not
/// phone numbers.
/// </summary>
public static partial class ContactInText
{
    /// <summary>A phone number has at least this many digits (with the area code), and at most the international maximum.</summary>
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 15;

    /// <summary>After a word like "Tel." a shorter local number counts too.</summary>
    private const int MinDigitsAfterKeyword = 5;

    public static ContactKinds Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ContactKinds.None;
        }

        var found = ContactKinds.None;
        if (EmailPattern().IsMatch(text) || ObfuscatedEmailPattern().IsMatch(text))
        {
            found |= ContactKinds.Email;
        }

        if (PhonePattern().Matches(text).Any(m => DigitCount(m.Value) is >= MinPhoneDigits and <= MaxPhoneDigits)
            || PhoneAfterKeywordPattern().Matches(text).Any(m => DigitCount(m.Groups["number"].Value) is >= MinDigitsAfterKeyword and <= MaxPhoneDigits))
        {
            found |= ContactKinds.Phone;
        }

        if (StreetPattern().IsMatch(text))
        {
            found |= ContactKinds.StreetAddress;
        }

        return found;
    }

    private static int DigitCount(string text) => text.Count(char.IsAsciiDigit);

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}")]
    private static partial Regex EmailPattern();

    /// <summary>"name (at) example.de", "name[at]example.de".</summary>
    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+\s*[\(\[]\s*at\s*[\)\]]\s*[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex ObfuscatedEmailPattern();

    /// <summary>
    /// A number that starts like a phone number (+49, 0049, 0151, (09131)) followed by groups of digits separated by a
    /// space, hyphen or slash; not a dot or comma, so dates and prices stay out.
    /// </summary>
    [GeneratedRegex(@"(?<![\w.,])(?:\+\d{1,3}|00\d{1,3}|\(?0\d{1,5}\)?)(?:[ \-/]?\(?\d+\)?){1,6}")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b(?:tel(?:efon)?|fon|phone|handy|mobil|whatsapp)\b\.?:?\s*(?<number>[+(]?\d[\d ()/\-]{3,})", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneAfterKeywordPattern();

    /// <summary>
    /// A street name with a house number: a capitalised compound ending like a street ("Musterstraße 12", "Hauptstr. 5",
    /// "Lindenweg 3") or such a word on its own after a name ("Nürnberger Straße 112a", "Am Markt 5").
    /// </summary>
    [GeneratedRegex(@"(?:\b\p{Lu}[\p{L}\-]*(?:straße|strasse|str\.|gasse|weg|allee|platz|ring|damm|ufer|pfad|steig|chaussee|markt)|\b(?:Straße|Strasse|Str\.|Gasse|Weg|Allee|Platz|Ring|Damm|Ufer|Pfad|Steig|Chaussee|Markt))\s?\d{1,4}(?:\s?[a-zA-Z])?\b")]
    private static partial Regex StreetPattern();
}
