using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Marketplace.Web.Domain;

/// <summary>
/// A short text in several languages, e.g. a category's name: culture code ("de", "en", "ar", ...) → text. German,
/// the neutral language, is always there and is the fallback; other languages where given. Immutable, compared by
/// value; blank texts count as missing and texts are trimmed. A new language is one more entry, not a new property.
/// </summary>
public sealed class TranslatedText : IReadOnlyDictionary<string, string>, IEquatable<TranslatedText>
{
    public const string Neutral = "de";

    private readonly Dictionary<string, string> _texts;

    private TranslatedText(Dictionary<string, string> texts) => _texts = texts;

    /// <summary>Only the German text.</summary>
    public static TranslatedText InGerman(string text) => From([new(Neutral, text)]);

    /// <summary>The texts by culture; blank ones are left out. Throws when the German text is missing or blank.</summary>
    public static TranslatedText From(IEnumerable<KeyValuePair<string, string?>> texts)
    {
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (culture, text) in texts)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(culture, nameof(texts));
            if (!string.IsNullOrWhiteSpace(text))
            {
                given[culture] = text.Trim();
            }
        }

        if (!given.TryGetValue(Neutral, out var german))
        {
            throw new ArgumentException("A translated text needs its German text.", nameof(texts));
        }

        // German first, then the others as given: the stored form reads in that order too.
        var ordered = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [Neutral] = german };
        foreach (var (culture, text) in given)
        {
            ordered.TryAdd(culture, text);
        }

        return new TranslatedText(ordered);
    }

    /// <summary>A copy with the culture's text set, or left out when blank. German cannot be left out.</summary>
    public TranslatedText With(string culture, string? text) =>
        From(_texts.Where(t => !string.Equals(t.Key, culture, StringComparison.OrdinalIgnoreCase))
            .Select(t => KeyValuePair.Create(t.Key, (string?)t.Value))
            .Append(KeyValuePair.Create(culture, text)));

    /// <summary>
    /// The text for a culture ("en", or "en-GB" falling back to "en"), else German.
    /// </summary>
    public string In(string? culture)
    {
        if (!string.IsNullOrEmpty(culture))
        {
            if (_texts.TryGetValue(culture, out var text))
            {
                return text;
            }

            var dash = culture.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && _texts.TryGetValue(culture[..dash], out text))
            {
                return text;
            }
        }

        return _texts[Neutral];
    }

    public string this[string key] => _texts[key];

    public IEnumerable<string> Keys => _texts.Keys;

    public IEnumerable<string> Values => _texts.Values;

    public int Count => _texts.Count;

    public bool ContainsKey(string key) => _texts.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _texts.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _texts.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(TranslatedText? other) =>
        other is not null && Count == other.Count
        && _texts.All(t => other._texts.TryGetValue(t.Key, out var text) && string.Equals(t.Value, text, StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as TranslatedText);

    /// <summary>Independent of the order of the entries, like <see cref="Equals(TranslatedText?)"/>.</summary>
    public override int GetHashCode() =>
        _texts.Aggregate(0, (hash, t) => hash ^ HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(t.Key), t.Value));

    /// <summary>The German text (for logs and the debugger; pages ask <see cref="In"/>).</summary>
    public override string ToString() => _texts[Neutral];
}
