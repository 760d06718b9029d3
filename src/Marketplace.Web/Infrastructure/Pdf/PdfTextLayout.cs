using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using Buffer = HarfBuzzSharp.Buffer;

namespace Marketplace.Web.Infrastructure.Pdf;

/// <summary>
/// Lays out lines of text for a PDF in any of the app's languages with one code path: bidi runs (<see cref="BidiText"/>),
/// a face per script (<see cref="PdfFonts"/>), HarfBuzz shaping per run (Arabic letters joined, marks placed), and
/// word wrapping by the shaped width. One per document: it keeps a HarfBuzz shaper per face it used.
/// </summary>
public sealed class PdfTextLayout(CultureInfo culture) : IDisposable
{
    private readonly Dictionary<SKTypeface, SKShaper> _shapers = [];
    private readonly Language _language = new(culture.Name);

    /// <summary>Right-to-left paragraphs start at the right margin and read from the right (Arabic, Persian).</summary>
    public bool RightToLeft { get; } = culture.TextInfo.IsRightToLeft;

    public ShapedLine Line(string text, float size, bool bold)
    {
        var pieces = new List<ShapedPiece>();
        var x = 0f;
        foreach (var run in BidiText.VisualRuns(text, RightToLeft))
        {
            var byFace = FaceRuns(text, run, bold);
            if (run.RightToLeft)
            {
                byFace.Reverse();
            }

            foreach (var (start, length, typeface) in byFace)
            {
                var piece = Shape(text.Substring(start, length), start, typeface, size, run.RightToLeft, x);
                pieces.Add(piece);
                x += piece.Width;
            }
        }

        // Drawn in reading order, so the PDF's content stream (what extractors read) follows the text, not the page.
        pieces.Sort((a, b) => a.LogicalStart.CompareTo(b.LogicalStart));
        return new ShapedLine(pieces, x);
    }

    /// <summary>The text broken between words into lines no wider than <paramref name="width"/> (a longer word keeps a line to itself).</summary>
    public IReadOnlyList<ShapedLine> Wrap(string text, float size, bool bold, float width)
    {
        var lines = new List<ShapedLine>();
        var current = "";
        ShapedLine? fitting = null;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            var shaped = Line(candidate, size, bold);
            if (fitting is not null && shaped.Width > width)
            {
                lines.Add(fitting);
                current = word;
                fitting = Line(word, size, bold);
            }
            else
            {
                current = candidate;
                fitting = shaped;
            }
        }

        lines.Add(fitting ?? Line("", size, bold));
        return lines;
    }

    public void Dispose()
    {
        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }
    }

    private static List<(int Start, int Length, SKTypeface Typeface)> FaceRuns(string text, BidiRun run, bool bold)
    {
        var runs = new List<(int Start, int Length, SKTypeface Typeface)>();
        SKTypeface? previous = null;
        var start = run.Start;
        var end = run.Start + run.Length;
        for (var i = run.Start; i < end; i++)
        {
            if (char.IsLowSurrogate(text[i]))
            {
                continue;
            }

            var codePoint = char.IsHighSurrogate(text[i]) && i + 1 < end ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            var typeface = PdfFonts.For(codePoint, bold, previous);
            if (previous is not null && !ReferenceEquals(typeface, previous))
            {
                runs.Add((start, i - start, previous));
                start = i;
            }

            previous = typeface;
        }

        if (previous is not null)
        {
            runs.Add((start, end - start, previous));
        }

        return runs;
    }

    private ShapedPiece Shape(string text, int logicalStart, SKTypeface typeface, float size, bool rightToLeft, float x)
    {
        if (!_shapers.TryGetValue(typeface, out var shaper))
        {
            shaper = new SKShaper(typeface);
            _shapers[typeface] = shaper;
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new Buffer();
        buffer.AddUtf8(utf8);
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.Language = _language;
        buffer.GuessSegmentProperties();
        using var font = new SKFont(typeface, size);
        var shaped = shaper.Shape(buffer, 0, 0, font);

        // HarfBuzz returns a right-to-left run in visual order; the PDF gets it in logical order, each glyph at its place.
        var count = shaped.Codepoints.Length;
        var glyphs = new ushort[count];
        var positions = new SKPoint[count];
        var clusters = new uint[count];
        for (var i = 0; i < count; i++)
        {
            var from = rightToLeft ? count - 1 - i : i;
            glyphs[i] = (ushort)shaped.Codepoints[from];
            positions[i] = new SKPoint(x + shaped.Points[from].X, shaped.Points[from].Y);
            clusters[i] = shaped.Clusters[from];
        }

        return new ShapedPiece(logicalStart, typeface, size, glyphs, positions, clusters, utf8, shaped.Width);
    }
}

/// <summary>Glyphs of one face and direction, positioned within their line; clusters index the UTF-8 text they show.</summary>
public sealed record ShapedPiece(int LogicalStart, SKTypeface Typeface, float Size, ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters,
    byte[] Utf8, float Width);

/// <summary>
/// A laid-out line, drawn with its text and cluster map: Skia's PDF backend then writes a ToUnicode entry where a glyph
/// stands for one character, and an /ActualText span with the characters where it does not (Arabic joining forms,
/// ligatures), so copying or extracting the text gives the letters in reading order rather than presentation forms.
/// </summary>
public sealed class ShapedLine(IReadOnlyList<ShapedPiece> pieces, float width)
{
    public float Width { get; } = width;

    public void Draw(SKCanvas canvas, float left, float baseline, SKPaint paint)
    {
        if (pieces.Count == 0)
        {
            return;
        }

        using var builder = new SKTextBlobBuilder();
        foreach (var piece in pieces)
        {
            using var font = new SKFont(piece.Typeface, piece.Size);
            var run = builder.AllocatePositionedTextRun(font, piece.Glyphs.Length, piece.Utf8.Length, null);
            piece.Glyphs.CopyTo(run.Glyphs);
            piece.Positions.CopyTo(run.Positions);
            piece.Clusters.CopyTo(run.Clusters);
            piece.Utf8.CopyTo(run.Text);
        }

        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, left, baseline, paint);
        }
    }
}
