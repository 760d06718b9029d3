using System.Text;

namespace Marketplace.Web.Listings;

/// <summary>
/// How listing search reads text, the same in C#, in SQLite's trigram index and in PostgreSQL's trigram column: lower case,
/// Latin letters without their diacritics ("Fahrräder" reads "fahrrader"), hyphens left out so "Deutsch-Kurs" reads like
/// "Deutschkurs". Only Latin letters lose their marks: SQLite's remove_diacritics does the same, and Cyrillic "й" or Arabic
/// "آ" are letters of their own. Words of three letters or more are found anywhere in the text (inside a compound), shorter
/// ones at the beginning of a word (<see cref="SearchTerm"/>).
/// </summary>
public static class SearchText
{
    private const char SoftHyphen = '\u00AD';

    /// <summary>The Latin letters with diacritics (Latin-1 to Latin Extended-B, Latin Extended Additional) and their base letter.</summary>
    private static readonly IReadOnlyDictionary<char, char> LatinBase = BuildLatinBase();

    private static Dictionary<char, char> BuildLatinBase()
    {
        var map = new Dictionary<char, char>();
        foreach (var (first, last) in new[] { ('\u00C0', '\u024F'), ('\u1E00', '\u1EFF') })
        {
            for (var c = first; c <= last; c++)
            {
                var decomposed = char.ToLowerInvariant(c).ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 1 && decomposed[0] is >= 'a' and <= 'z')
                {
                    map[c] = decomposed[0];
                }
            }
        }

        return map;
    }

    public static char FoldChar(char c)
    {
        var lower = char.ToLowerInvariant(c);
        return LatinBase.TryGetValue(lower, out var letter) ? letter : lower;
    }

    /// <summary>The text as substring matching reads it: folded, hyphens left out.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c is not '-' and not SoftHyphen)
            {
                folded.Append(FoldChar(c));
            }
        }

        return folded.ToString();
    }

    /// <summary>The folded words of a text as SQLite's word index reads them: letters and digits, any other character separates.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC).Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(FoldChar(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return words;
    }

    /// <summary>Endings of German plural and case forms, longest first: "Fahrräder" finds "Fahrrad", "Kursen" finds "Kurs".</summary>
    private static readonly string[] Endings = ["ern", "en", "er", "es", "em", "e", "n", "s"];

    /// <summary>What is left of a stem at least; "Haus" keeps its "s", "Rades" is read as "rade".</summary>
    private const int MinStem = 4;

    /// <summary>
    /// A folded word without its German ending. A stem is found wherever the whole word is, so this only widens a search: the
    /// plural finds the singular and every other form that shares the stem.
    /// </summary>
    public static string Stem(string folded)
    {
        foreach (var ending in Endings)
        {
            if (folded.Length - ending.Length >= MinStem && folded.EndsWith(ending, StringComparison.Ordinal))
            {
                return folded[..^ending.Length];
            }
        }

        return folded;
    }

    /// <summary>
    /// The SQL for PostgreSQL that folds an expression the way <see cref="Fold"/> does: translate maps each Latin letter with a
    /// diacritic to its base letter and drops the hyphens, which have no partner in the second list.
    /// </summary>
    public static string PostgresFold(string expression)
    {
        var from = new StringBuilder();
        var to = new StringBuilder();
        foreach (var (letter, baseLetter) in LatinBase.OrderBy(p => p.Key))
        {
            from.Append(letter);
            to.Append(baseLetter);
        }

        from.Append('-').Append(SoftHyphen);
        return $"translate(lower({expression}), '{from}', '{to}')";
    }
}

/// <summary>One word of a search, folded and stemmed (<see cref="SearchText"/>).</summary>
public sealed record SearchTerm(string Text)
{
    /// <summary>Below this length a term has no trigram, so it matches the beginning of a word, through the word index.</summary>
    public const int MinSubstring = 3;

    public bool IsShort => Text.Length < MinSubstring;

    /// <summary>Whether the term occurs in the text (any part of it, or for a short term the beginning of a word).</summary>
    public bool IsIn(string text) =>
        IsShort ? SearchText.Words(text).Any(w => w.StartsWith(Text, StringComparison.Ordinal)) : SearchText.Fold(text).Contains(Text, StringComparison.Ordinal);
}

/// <summary>
/// What a reader typed into the search box: words that must occur and words after a minus that must not. Quotes, stars,
/// brackets and "OR" are not operators: every character but letters, digits and hyphens separates words, so input never
/// reaches a database as query syntax. Words of a listing in office mode are looked for in its title only (see
/// <see cref="ListingSearch"/>).
/// </summary>
public sealed record SearchQuery(IReadOnlyList<SearchTerm> Required, IReadOnlyList<SearchTerm> Excluded)
{
    /// <summary>Words beyond these are ignored: they narrow little and each one costs an index lookup.</summary>
    public const int MaxWords = 10;

    /// <summary>The words of the text; null when it has none (only punctuation).</summary>
    public static SearchQuery? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var required = new List<SearchTerm>();
        var excluded = new List<SearchTerm>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var negated = token.StartsWith('-');
            var word = new StringBuilder();
            foreach (var c in token.Append(' '))
            {
                if (char.IsLetterOrDigit(c) || (c == '-' && word.Length > 0))
                {
                    word.Append(c);
                }
                else if (word.Length > 0)
                {
                    var folded = SearchText.Fold(word.ToString());
                    if (folded.Length > 0)
                    {
                        (negated ? excluded : required).Add(new SearchTerm(SearchText.Stem(folded)));
                    }

                    word.Clear();
                }
            }
        }

        required = required.Distinct().Take(MaxWords).ToList();
        excluded = excluded.Distinct().Where(t => !required.Contains(t)).Take(MaxWords - required.Count).ToList();
        return required.Count + excluded.Count == 0 ? null : new SearchQuery(required, excluded);
    }
}
