using System.Text;

namespace Marketplace.Web.Listings;

/// <summary>
/// How listing search reads text, the same in C#, in SQLite's indexes and in PostgreSQL's stored columns: lower case, Latin
/// letters without their diacritics ("Fahrräder" reads "fahrrader"), hyphens left out so "Deutsch-Kurs" reads like
/// "Deutschkurs", and the Arabic script read as one spelling whichever keyboard wrote it (<see cref="ArabicScript"/>: «كمك»
/// reads like «کمک», «مُساعَدة» like «مساعده»). Cyrillic "й" stays a letter of its own. Words of three letters or more are
/// found anywhere in the text (inside a compound), shorter ones at the beginning of a word (<see cref="SearchTerm"/>).
/// </summary>
public static class SearchText
{
    private const char SoftHyphen = '\u00AD';

    /// <summary>Characters left out of the text that substring matching reads, so a word written with them reads as one.</summary>
    private static readonly char[] Joiners = ['-', SoftHyphen];

    /// <summary>The Latin letters with diacritics (Latin-1 to Latin Extended-B, Latin Extended Additional) and their base letter.</summary>
    private static readonly IReadOnlyDictionary<char, char> LatinBase = BuildLatinBase();

    /// <summary>
    /// The one list of how search reads the Arabic script, from which the C# fold, SQLite's views and PostgreSQL's columns are
    /// all built: a letter and the letter it reads as, or null for a mark read as nothing (also inside a word, where it does not
    /// separate). Arabic and Persian keyboards write the same word with different letters, and writers add vowel marks or not:
    /// <list type="bullet">
    /// <item>ي and ى (alef maksura, often written for ي and the other way round) read as Persian ی, ك as Persian ک;</item>
    /// <item>vowel marks (tashkeel U+064B–U+065F, with hamza and madda above and below), superscript alef and tatweel read as
    /// nothing: most text leaves them out, so a search must not depend on them;</item>
    /// <item>the hamza forms of alef (أ إ آ) and alef wasla (ٱ) read as ا, the usual normalisation of Arabic search, since
    /// writers often leave the hamza out; ؤ and ئ read as و and ی, and Persian ۀ as ه, for the same reason and so that a
    /// letter typed as base letter plus hamza mark (which is read as nothing) reads as the precomposed one;</item>
    /// <item>ة (teh marbuta) reads as ه: written without its dots in much informal Arabic and as ه in Persian loans;</item>
    /// <item>Arabic-Indic and Persian digits read as 0–9, so "۱۰" and "10" find each other.</item>
    /// </list>
    /// Standalone hamza ء stays a letter. Every character here is in U+0600–U+06FF.
    /// </summary>
    public static readonly IReadOnlyList<(char Letter, char? ReadAs)> ArabicScript = BuildArabicScript();

    private static (char, char?)[] BuildArabicScript()
    {
        var list = new List<(char, char?)>
        {
            ('\u064A', '\u06CC'), // ي arabic yeh
            ('\u0649', '\u06CC'), // ى alef maksura
            ('\u0643', '\u06A9'), // ك arabic kaf
            ('\u0623', '\u0627'), // أ
            ('\u0625', '\u0627'), // إ
            ('\u0622', '\u0627'), // آ
            ('\u0671', '\u0627'), // ٱ alef wasla
            ('\u0624', '\u0648'), // ؤ
            ('\u0626', '\u06CC'), // ئ
            ('\u06C0', '\u0647'), // ۀ heh with yeh above
            ('\u0629', '\u0647'), // ة teh marbuta
            ('\u0670', null), // superscript alef
            ('\u0640', null), // tatweel
        };
        for (var mark = '\u064B'; mark <= '\u065F'; mark++)
        {
            list.Add((mark, null));
        }

        for (var digit = 0; digit < 10; digit++)
        {
            list.Add(((char)('\u0660' + digit), (char)('0' + digit)));
            list.Add(((char)('\u06F0' + digit), (char)('0' + digit)));
        }

        return [.. list];
    }

    private static readonly IReadOnlyDictionary<char, char> ArabicLetters =
        ArabicScript.Where(a => a.ReadAs is not null).ToDictionary(a => a.Letter, a => a.ReadAs!.Value);

    private static readonly HashSet<char> ArabicMarks = ArabicScript.Where(a => a.ReadAs is null).Select(a => a.Letter).ToHashSet();

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

    /// <summary>Whether search reads the character as nothing: a mark that joins the letters around it (<see cref="ArabicScript"/>).</summary>
    public static bool IsIgnored(char c) => ArabicMarks.Contains(c);

    public static char FoldChar(char c)
    {
        var lower = char.ToLowerInvariant(c);
        return LatinBase.TryGetValue(lower, out var letter) || ArabicLetters.TryGetValue(lower, out letter) ? letter : lower;
    }

    /// <summary>The text as substring matching reads it: folded, hyphens and ignored marks left out.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (!Joiners.Contains(c) && !IsIgnored(c))
            {
                folded.Append(FoldChar(c));
            }
        }

        return folded.ToString();
    }

    /// <summary>
    /// The folded words of a text as SQLite's word index reads them: letters and digits, any other character separates but an
    /// ignored mark, which the index never sees (<see cref="SqliteFold"/>).
    /// </summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC).Append(' '))
        {
            if (IsIgnored(c))
            {
                continue;
            }

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
    /// diacritic to its base letter and each Arabic-script letter as <see cref="ArabicScript"/> says, and drops the marks and
    /// hyphens, which have no partner in the second list.
    /// </summary>
    public static string PostgresFold(string expression)
    {
        var from = new StringBuilder();
        var to = new StringBuilder();
        foreach (var (letter, baseLetter) in LatinBase.Concat(ArabicLetters).OrderBy(p => p.Key))
        {
            from.Append(letter);
            to.Append(baseLetter);
        }

        from.Append(Joiners).Append(ArabicMarks.Order().ToArray());
        return $"translate(lower({expression}), '{from}', '{to}')";
    }

    /// <summary>Replacements per subquery of <see cref="SqliteFold"/>.</summary>
    private const int SqliteStepSize = 12;

    /// <summary>
    /// The SQL for SQLite that folds the Arabic script of a text column as <see cref="ArabicScript"/> says, for the views that
    /// SQLite's FTS5 indexes read (their tokenizers fold case and Latin diacritics themselves, and SQLite has no translate).
    /// One replace() per character, nested in subqueries of twelve: one expression of all of them would nest about fifty
    /// calls, beyond what SQLite's parser takes (also when it reads the schema, so the database could not be opened at all).
    /// The replacements cost about 80 µs for a listing, so a text runs them only if it holds the first byte of the UTF-8
    /// form of one of the characters, a byte that no character outside U+0600–U+06FF has.
    /// </summary>
    public static string SqliteFold(string column)
    {
        var leadBytes = ArabicScript.Select(a => Encoding.UTF8.GetBytes(a.Letter.ToString())[0]).Distinct().Order();
        var mayHold = string.Join(" OR ", leadBytes.Select(b => $"instr(CAST({column} AS BLOB), X'{b:X2}') > 0"));
        var fold = ArabicScript.Chunk(SqliteStepSize).Aggregate($"SELECT {column} AS t", (inner, step) =>
            $"SELECT {step.Aggregate("t", (sql, a) => $"replace({sql}, {SqliteChar(a.Letter)}, {(a.ReadAs is { } readAs ? SqliteChar(readAs) : "''")})")} AS t FROM ({inner})");
        return $"CASE WHEN {mayHold} THEN ({fold}) ELSE {column} END";
    }

    private static string SqliteChar(char c) => c is >= '0' and <= '9' ? $"'{c}'" : $"char({(int)c})";
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
                if (SearchText.IsIgnored(c))
                {
                    continue;
                }

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
