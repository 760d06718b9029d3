using System.Globalization;
using System.Text;

namespace Marketplace.Web.Data;

/// <summary>
/// Whether every search word begins a word of a title, with words read the way the FTS5 index reads them (letters and
/// digits, lower case, without diacritics). The browse page asks this of the hits in office mode, whose description must
/// not find them; a second FTS5 lookup per such hit would read the prefix's whole doclist across all towns. The title is
/// public, so an answer that differs from FTS5 in an edge case reveals nothing.
/// </summary>
public static class TitleWords
{
    public const string SqlFunction = "title_words_begin";

    public static bool BeginWith(string? title, string? words)
    {
        if (string.IsNullOrEmpty(title) || string.IsNullOrEmpty(words))
        {
            return false;
        }

        var titleWords = Split(title);
        return Split(words).All(word => titleWords.Any(t => t.StartsWith(word, StringComparison.Ordinal)));
    }

    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).Append(' '))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return words;
    }
}
