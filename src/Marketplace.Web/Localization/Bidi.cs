using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Localization;

/// <summary>
/// The one rule for text users write in any script: it is isolated from the words around it, so an Arabic title in a
/// German sentence (or a German name on an Arabic page) keeps its own direction and the punctuation stays where the
/// sentence puts it. In HTML that is a <c>&lt;bdi&gt;</c>; where HTML is impossible (titles, attributes, options,
/// plain-text mail, subjects, CSV) the Unicode first-strong isolate FSI … PDI.
/// </summary>
public static partial class Bidi
{
    public const char FirstStrongIsolate = '\u2068';
    public const char PopDirectionalIsolate = '\u2069';

    // Placeholders for the arguments while the template is formatted: C0 controls never occur in a translated template,
    // and the arguments themselves are never scanned for them.
    private const char ArgumentStart = '\u0001';
    private const char ArgumentEnd = '\u0002';

    // Letters of every script as they are, like the pages' own encoder (LocalizationServices); markup characters encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The translated sentence as HTML: the template encoded, each string argument encoded inside a <c>&lt;bdi&gt;</c>, other arguments formatted as they are.</summary>
    public static IHtmlContent Format(LocalizedString template, params object?[] args) =>
        new HtmlString(Compose(template, args, static (html, text) => html.Append("<bdi>").Append(Encoder.Encode(text)).Append("</bdi>"),
            static (html, text) => html.Append(Encoder.Encode(text))));

    /// <summary>The translated sentence as text, each string argument between FSI and PDI.</summary>
    public static string Text(LocalizedString template, params object?[] args) =>
        Compose(template, args, static (text, value) => text.Append(FirstStrongIsolate).Append(value).Append(PopDirectionalIsolate),
            static (text, value) => text.Append(value));

    /// <summary>A list of user texts (names of districts, categories, people) as HTML: each in its own <c>&lt;bdi&gt;</c>, so one name's direction does not carry over into the next.</summary>
    public static IHtmlContent Join(string separator, IEnumerable<string> items) =>
        new HtmlString(string.Join(Encoder.Encode(separator), items.Where(i => i.Length > 0).Select(i => "<bdi>" + Encoder.Encode(i) + "</bdi>")));

    /// <summary>User text where HTML is impossible: between FSI and PDI; nothing for null.</summary>
    public static string Isolate(string? text) =>
        string.IsNullOrEmpty(text) ? "" : FirstStrongIsolate + text + PopDirectionalIsolate;

    /// <summary>
    /// Text composed with <see cref="Text"/> (a mail paragraph) as HTML: encoded, each FSI … PDI a <c>&lt;bdi&gt;</c>. A
    /// stray PDI is dropped and an unclosed FSI closed at the end, so text a user typed cannot unbalance the markup.
    /// </summary>
    public static IHtmlContent Html(string? text) => new HtmlString(IsolatesToHtml(text));

    /// <summary><see cref="Html"/> for a Razor component (the mail template), which writes only a markup string unencoded.</summary>
    public static MarkupString Markup(string? text) => new(IsolatesToHtml(text));

    private static string IsolatesToHtml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var html = new StringBuilder(text.Length + 16);
        var open = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not (FirstStrongIsolate or PopDirectionalIsolate))
            {
                continue;
            }

            html.Append(Encoder.Encode(text[start..i]));
            start = i + 1;
            if (text[i] == FirstStrongIsolate)
            {
                html.Append("<bdi>");
                open++;
            }
            else if (open > 0)
            {
                html.Append("</bdi>");
                open--;
            }
        }

        html.Append(Encoder.Encode(text[start..]));
        for (; open > 0; open--)
        {
            html.Append("</bdi>");
        }

        return html.ToString();
    }

    /// <summary>The text without the isolates <see cref="Text"/> and <see cref="Isolate"/> put around it.</summary>
    public static string Unwrap(string text) => text.Trim(FirstStrongIsolate, PopDirectionalIsolate);

    /// <summary>
    /// Formats the template with a placeholder per argument, then writes the literal parts and each argument: string
    /// arguments (what users write) through <paramref name="userText"/>, the rest (numbers, dates, translated words)
    /// formatted by the current culture through <paramref name="plain"/>.
    /// </summary>
    private static string Compose(LocalizedString template, object?[] args, Action<StringBuilder, string> userText, Action<StringBuilder, string> plain)
    {
        var culture = CultureInfo.CurrentCulture;
        var placeholders = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            placeholders[i] = new Placeholder(i);
        }

        var formatted = string.Format(culture, template.Value, placeholders);
        var output = new StringBuilder(formatted.Length + 32);
        var last = 0;
        foreach (Match placeholder in PlaceholderPattern().Matches(formatted))
        {
            plain(output, formatted[last..placeholder.Index]);
            last = placeholder.Index + placeholder.Length;
            var index = int.Parse(placeholder.Groups["index"].Value, CultureInfo.InvariantCulture);
            var format = placeholder.Groups["format"].Value;
            switch (args[index])
            {
                case null:
                    break;
                case string link when IsLink(link):
                    // Mail programs find links in plain text by their characters and would take the isolates into the address.
                    plain(output, link);
                    break;
                case string text when text.Length > 0:
                    userText(output, text);
                    break;
                case IFormattable formattable:
                    plain(output, formattable.ToString(format.Length > 0 ? format : null, culture));
                    break;
                case var other:
                    plain(output, other.ToString() ?? "");
                    break;
            }
        }

        plain(output, formatted[last..]);
        return output.ToString();
    }

    private static bool IsLink(string text) =>
        (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && !text.Any(char.IsWhiteSpace);

    [GeneratedRegex("\u0001(?<index>[0-9]+)(?::(?<format>[^\u0002]*))?\u0002")]
    private static partial Regex PlaceholderPattern();

    /// <summary>Stands for argument <c>index</c> in the formatted template, keeping its format string for later.</summary>
    private sealed class Placeholder(int index) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            string.IsNullOrEmpty(format)
                ? $"{ArgumentStart}{index.ToString(CultureInfo.InvariantCulture)}{ArgumentEnd}"
                : $"{ArgumentStart}{index.ToString(CultureInfo.InvariantCulture)}:{format}{ArgumentEnd}";

        public override string ToString() => ToString(null, null);
    }
}
