using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Marketplace.Tests.Integration.Hours;

/// <summary>
/// A PDF's text as copy and paste or a screen reader gets it: glyphs in the order the file draws them, with a marked
/// /ActualText span (PDF 32000-1, 14.9.4) standing in for the glyphs it covers (how a PDF says which letters a joined
/// Arabic form shows), and a line break where the baseline changes.
/// </summary>
public static class PdfText
{
    public static string Extract(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            var spans = new Dictionary<Letter, MarkedContentElement>(ReferenceEqualityComparer.Instance);
            foreach (var span in Flatten(page.GetMarkedContents()).Where(m => m.ActualText is not null))
            {
                foreach (var letter in span.Letters)
                {
                    spans[letter] = span;
                }
            }

            MarkedContentElement? open = null;
            double? baseline = null;
            foreach (var letter in page.Letters)
            {
                if (baseline is { } y && Math.Abs(letter.StartBaseLine.Y - y) > 1)
                {
                    text.Append('\n');
                }

                baseline = letter.StartBaseLine.Y;
                if (spans.TryGetValue(letter, out var span))
                {
                    if (!ReferenceEquals(span, open))
                    {
                        text.Append(span.ActualText);
                    }

                    open = span;
                    continue;
                }

                open = null;
                text.Append(letter.Value);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The letters the file draws, as their glyphs map to characters, without /ActualText.</summary>
    public static string Glyphs(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
    }

    private static IEnumerable<MarkedContentElement> Flatten(IEnumerable<MarkedContentElement> elements) =>
        elements.SelectMany(e => Flatten(e.Children).Prepend(e));
}
