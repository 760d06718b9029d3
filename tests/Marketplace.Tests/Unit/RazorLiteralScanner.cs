using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Tests.Unit;

/// <summary>One piece of text a reader would see that the template writes as it is instead of looking it up.</summary>
public sealed record LiteralText(int Line, string Text);

/// <summary>
/// Finds literal language in a Razor page, fragment or component: text nodes and the attributes a browser shows or reads
/// aloud. Razor is read the way the Razor parser reads it (markup, and C# from an @ on: expressions, code blocks, control
/// statements whose bodies are C# until a tag starts markup again), so text written by C# never counts.
/// </summary>
public static partial class RazorLiteralScanner
{
    /// <summary>
    /// Not language: the product's name, the currency code and the scheme a web address starts with (a placeholder
    /// showing its form) read the same in every interface language. Signs such as "·" and "→" hold no letters anyway.
    /// </summary>
    private static readonly string[] NotLanguage = ["Marketplace", "EUR", "https://"];

    private static readonly HashSet<string> VisibleAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "alt", "placeholder", "aria-label", "aria-description", "aria-placeholder", "aria-roledescription",
        "aria-valuetext", "label",
    };

    private static readonly HashSet<string> ButtonInputTypes = new(StringComparer.OrdinalIgnoreCase) { "submit", "button", "reset" };

    public static IReadOnlyList<LiteralText> Find(string razor)
    {
        var markup = new MarkupExtractor(razor).Run();
        var text = markup.Text;
        var found = new List<LiteralText>();
        var at = 0;
        foreach (Match tag in TagPattern().Matches(text))
        {
            AddText(text, at, tag.Index, markup, found);
            at = tag.Index + tag.Length;
            if (tag.Groups["close"].Length == 0)
            {
                AddAttributes(tag, markup, found);
            }
        }

        AddText(text, at, text.Length, markup, found);
        return found;
    }

    private static void AddText(string text, int from, int to, Markup markup, List<LiteralText> found)
    {
        // A code region between two pieces of text separates them: each is checked and reported on its own.
        var start = from;
        for (var i = from; i <= to; i++)
        {
            if (i == to || text[i] == MarkupExtractor.Code)
            {
                AddIfLanguage(text[start..i], markup.LineAt(FirstNonSpace(text, start, i)), found);
                start = i + 1;
            }
        }
    }

    private static void AddAttributes(Match tag, Markup markup, List<LiteralText> found)
    {
        var element = tag.Groups["name"].Value;
        var attributes = AttributePattern().Matches(tag.Groups["attributes"].Value)
            .Select(a => (Name: a.Groups["name"].Value, Value: a.Groups["value"].Success ? a.Groups["value"].Value : null, Offset: a.Index))
            .ToList();
        var isButtonInput = element.Equals("input", StringComparison.OrdinalIgnoreCase)
            && attributes.Any(a => a.Name.Equals("type", StringComparison.OrdinalIgnoreCase) && ButtonInputTypes.Contains(a.Value ?? ""));
        foreach (var (name, value, offset) in attributes)
        {
            // A <button>'s value is only what it posts; an input button shows its value as its label.
            var visible = VisibleAttributes.Contains(name) || (isButtonInput && name.Equals("value", StringComparison.OrdinalIgnoreCase));
            if (visible && value is not null)
            {
                var at = tag.Groups["attributes"].Index + offset;
                AddIfLanguage(value, markup.LineAt(FirstNonSpace(markup.Text, at, at + value.Length)), found);
            }
        }
    }

    private static int FirstNonSpace(string text, int from, int to)
    {
        var i = from;
        while (i < to && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static void AddIfLanguage(string raw, int line, List<LiteralText> found)
    {
        var text = WebUtility.HtmlDecode(raw.Replace(MarkupExtractor.Expression.ToString(), " ", StringComparison.Ordinal));
        var checkedText = NotLanguage.Aggregate(text, (t, word) => Regex.Replace(t, $@"(?<!\w){Regex.Escape(word)}(?!\w)", " "));
        if (Letter().IsMatch(checkedText))
        {
            found.Add(new LiteralText(line, Regex.Replace(text, @"\s+", " ").Trim()));
        }
    }

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex Letter();

    [GeneratedRegex("""<(?<close>/?)(?<name>!?[A-Za-z][\w:.-]*)(?<attributes>(?:[^>"']|"[^"]*"|'[^']*')*)>""")]
    private static partial Regex TagPattern();

    [GeneratedRegex("""(?<name>[^\s="'/>]+)(?:\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s"'>]+)))?""")]
    private static partial Regex AttributePattern();

    /// <summary>The markup of a template with every C# part replaced by a mark, and where each character came from.</summary>
    private sealed record Markup(string Text, IReadOnlyList<int> Source, string Razor)
    {
        public int LineAt(int index) =>
            1 + Razor.AsSpan(0, Source.Count == 0 ? 0 : Source[Math.Min(index, Source.Count - 1)]).Count('\n');
    }

    private sealed partial class MarkupExtractor(string razor)
    {
        /// <summary>Stands for a value written by C# inside text or an attribute: not a letter, so "@x items" still counts.</summary>
        public const char Expression = '\u0001';

        /// <summary>Stands for a code region: text before and after it are separate pieces.</summary>
        public const char Code = '\u0002';

        private static readonly HashSet<string> Directives =
        [
            "page", "model", "inject", "namespace", "inherits", "addTagHelper", "removeTagHelper", "tagHelperPrefix",
            "layout", "implements", "attribute", "typeparam", "rendermode", "preservewhitespace",
        ];

        private static readonly HashSet<string> ControlStatements = ["if", "foreach", "for", "while", "switch", "using", "lock", "try", "do"];

        private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
        {
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        };

        private readonly StringBuilder _text = new();
        private readonly List<int> _source = [];
        private int _pos;

        private enum End
        {
            File,
            Brace,
            Element,
            Line,
        }

        public Markup Run()
        {
            Markup(End.File, null);
            var text = RemovedBlock().Replace(_text.ToString(), m => new string(Code, m.Length));
            return new Markup(text, _source, razor);
        }

        private char At(int i) => i < razor.Length ? razor[i] : '\0';

        private void Emit(char c, int from)
        {
            _text.Append(c);
            _source.Add(from);
        }

        private void Markup(End end, string? element)
        {
            var depth = 0;
            while (_pos < razor.Length)
            {
                var c = razor[_pos];
                if (end == End.Line && c == '\n')
                {
                    Emit(Code, _pos++);
                    return;
                }

                if (end == End.Brace && c == '}')
                {
                    Emit(Code, _pos++);
                    return;
                }

                if (c == '@')
                {
                    Transition(inCode: false);
                }
                else if (c == '<' && TagName(_pos) is { } tag)
                {
                    var (closing, selfClosing) = CopyTag();
                    if (end == End.Element && tag.Equals(element, StringComparison.OrdinalIgnoreCase))
                    {
                        depth += closing ? -1 : selfClosing || VoidElements.Contains(tag) ? 0 : 1;
                        if (depth <= 0)
                        {
                            Emit(Code, _pos);
                            return;
                        }
                    }
                }
                else
                {
                    Emit(c, _pos++);
                }
            }
        }

        private string? TagName(int at)
        {
            var match = TagStart().Match(razor, at);
            return match.Success && match.Index == at ? match.Groups["name"].Value : null;
        }

        /// <summary>Copies one tag, expressions in its attributes replaced; a &gt; inside quotes does not end it.</summary>
        private (bool Closing, bool SelfClosing) CopyTag()
        {
            var closing = At(_pos + 1) == '/';
            char? quote = null;
            while (_pos < razor.Length)
            {
                var c = razor[_pos];
                if (c == '@')
                {
                    Transition(inCode: false);
                    continue;
                }

                Emit(c, _pos++);
                if (quote is null && c is '"' or '\'')
                {
                    quote = c;
                }
                else if (quote == c)
                {
                    quote = null;
                }
                else if (quote is null && c == '>')
                {
                    return (closing, At(_pos - 2) == '/');
                }
            }

            return (closing, false);
        }

        private void Transition(bool inCode)
        {
            var at = _pos;
            var next = At(_pos + 1);
            if (next == '@')
            {
                Emit('@', at);
                _pos += 2;
            }
            else if (next == '*')
            {
                var close = razor.IndexOf("*@", _pos + 2, StringComparison.Ordinal);
                _pos = close < 0 ? razor.Length : close + 2;
                Emit(Code, at);
            }
            else if (!inCode && _pos > 0 && char.IsLetterOrDigit(razor[_pos - 1]))
            {
                // An e-mail address: Razor leaves an @ after a letter or digit as it is.
                Emit('@', _pos++);
            }
            else if (next == '{')
            {
                _pos++;
                CodeBlock();
                Emit(Code, at);
            }
            else if (next == '(')
            {
                _pos++;
                SkipBalanced();
                Emit(Expression, at);
            }
            else if (next == ':')
            {
                _pos += 2;
                Markup(End.Line, null);
            }
            else if (next == '<' && TagName(_pos + 1) is { } template)
            {
                _pos++;
                Markup(End.Element, template);
            }
            else if (char.IsLetter(next) || next == '_')
            {
                _pos++;
                Keyword(at);
            }
            else
            {
                Emit('@', _pos++);
            }
        }

        private void Keyword(int at)
        {
            var word = Identifier();
            var directive = At(_pos) is ' ' or '\t' or '\r' or '\n' || _pos == razor.Length;
            if (word == "using" && directive && NextNonSpace() != '(')
            {
                SkipLine();
                Emit(Code, at);
            }
            else if (directive && Directives.Contains(word))
            {
                SkipLine();
                Emit(Code, at);
            }
            else if (word is "code" or "functions" && NextNonSpace() == '{')
            {
                SkipSpace();
                SkipBalanced();
                Emit(Code, at);
            }
            else if (word == "section" && directive)
            {
                SkipSpace();
                Identifier();
                SkipSpace();
                _pos++;
                Emit(Code, at);
                Markup(End.Brace, null);
            }
            else if (ControlStatements.Contains(word))
            {
                ControlStatement(word);
                Emit(Code, at);
            }
            else
            {
                if (word == "await")
                {
                    SkipSpace();
                    Identifier();
                }

                ImplicitExpressionRest();
                Emit(Expression, at);
            }
        }

        private void ControlStatement(string word)
        {
            while (true)
            {
                SkipSpace();
                if (At(_pos) == '(')
                {
                    SkipBalanced();
                    SkipSpace();
                }

                if (At(_pos) == '{')
                {
                    CodeBlock();
                }

                var resume = _pos;
                SkipSpace();
                var follower = char.IsLetter(At(_pos)) ? Identifier() : "";
                if (follower is "else" or "catch" or "finally" || (word == "do" && follower == "while"))
                {
                    SkipSpace();
                    if (follower == "else" && razor.AsSpan(_pos).StartsWith("if") && !char.IsLetterOrDigit(At(_pos + 2)))
                    {
                        _pos += 2;
                    }

                    if (follower == "while")
                    {
                        SkipSpace();
                        SkipBalanced();
                        if (At(_pos) == ';')
                        {
                            _pos++;
                        }

                        return;
                    }

                    continue;
                }

                _pos = resume;
                return;
            }
        }

        /// <summary>C# from a { to its }: markup starts where a statement starts with a tag, or after @: up to the line's end.</summary>
        private void CodeBlock()
        {
            var depth = 0;
            var statementStart = true;
            while (_pos < razor.Length)
            {
                var c = razor[_pos];
                if (c == '@' && At(_pos + 1) is '<' or ':' or '*')
                {
                    Transition(inCode: true);
                    statementStart = true;
                    continue;
                }

                if (c == '<' && statementStart && TagName(_pos) is { } tag)
                {
                    Markup(End.Element, tag);
                    statementStart = true;
                    continue;
                }

                var comment = c == '/';
                if (SkipLiteralOrComment())
                {
                    statementStart &= comment;
                    continue;
                }

                _pos++;
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return;
                }

                if (!char.IsWhiteSpace(c))
                {
                    statementStart = c is '{' or '}' or ';' or ':';
                }
            }
        }

        /// <summary>From an opening bracket to its partner, reading C# (strings and comments may hold brackets).</summary>
        private void SkipBalanced()
        {
            var depth = 0;
            while (_pos < razor.Length)
            {
                if (SkipLiteralOrComment())
                {
                    continue;
                }

                var c = razor[_pos++];
                if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '}' && --depth == 0)
                {
                    return;
                }
            }
        }

        private bool SkipLiteralOrComment()
        {
            var c = At(_pos);
            if (c == '/' && At(_pos + 1) == '/')
            {
                SkipLine();
                return true;
            }

            if (c == '/' && At(_pos + 1) == '*')
            {
                var close = razor.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                _pos = close < 0 ? razor.Length : close + 2;
                return true;
            }

            if (c == '\'')
            {
                _pos += At(_pos + 1) == '\\' ? 2 : 1;
                var close = razor.IndexOf('\'', _pos + 1);
                _pos = close < 0 ? razor.Length : close + 1;
                return true;
            }

            var prefix = _pos;
            while (At(prefix) is '$' or '@')
            {
                prefix++;
            }

            if (At(prefix) != '"')
            {
                return false;
            }

            SkipString(razor[_pos..prefix]);
            return true;
        }

        private void SkipString(string prefix)
        {
            var interpolated = prefix.Contains('$');
            var verbatim = prefix.Contains('@');
            _pos += prefix.Length;
            var quotes = 0;
            while (At(_pos + quotes) == '"')
            {
                quotes++;
            }

            if (quotes >= 3)
            {
                var close = razor.IndexOf(new string('"', quotes), _pos + quotes, StringComparison.Ordinal);
                _pos = close < 0 ? razor.Length : close + quotes;
                return;
            }

            _pos++;
            while (_pos < razor.Length)
            {
                var c = razor[_pos];
                if (!verbatim && c == '\\')
                {
                    _pos += 2;
                }
                else if (c == '"' && verbatim && At(_pos + 1) == '"')
                {
                    _pos += 2;
                }
                else if (c == '"')
                {
                    _pos++;
                    return;
                }
                else if (interpolated && c == '{' && At(_pos + 1) == '{')
                {
                    _pos += 2;
                }
                else if (interpolated && c == '{')
                {
                    SkipBalanced();
                }
                else
                {
                    _pos++;
                }
            }
        }

        private void ImplicitExpressionRest()
        {
            while (true)
            {
                var c = At(_pos);
                if (c is '(' or '[')
                {
                    SkipBalanced();
                }
                else if (c == '.' && (char.IsLetter(At(_pos + 1)) || At(_pos + 1) == '_'))
                {
                    _pos++;
                    Identifier();
                }
                else if (c is '?' or '!' && At(_pos + 1) is '.' or '[' && (At(_pos + 2) is '[' || char.IsLetter(At(_pos + 2))))
                {
                    _pos++;
                }
                else
                {
                    return;
                }
            }
        }

        private string Identifier()
        {
            var start = _pos;
            while (char.IsLetterOrDigit(At(_pos)) || At(_pos) == '_')
            {
                _pos++;
            }

            return razor[start.._pos];
        }

        private char NextNonSpace()
        {
            var i = _pos;
            while (i < razor.Length && char.IsWhiteSpace(razor[i]))
            {
                i++;
            }

            return At(i);
        }

        private void SkipSpace()
        {
            while (_pos < razor.Length && char.IsWhiteSpace(razor[_pos]))
            {
                _pos++;
            }
        }

        private void SkipLine()
        {
            var end = razor.IndexOf('\n', _pos);
            _pos = end < 0 ? razor.Length : end;
        }

        [GeneratedRegex(@"\G</?(?<name>!?[A-Za-z][\w:.-]*)")]
        private static partial Regex TagStart();

        /// <summary>HTML comments, scripts and styles hold no text for the reader (and may hold code).</summary>
        [GeneratedRegex(@"<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
        private static partial Regex RemovedBlock();
    }
}
