using SkiaSharp;

namespace Marketplace.Web.Infrastructure.Pdf;

/// <summary>
/// Writes an A4 document top to bottom and starts a new page when the next line would not fit; shared by every PDF the
/// app makes (proof of engagement, attendance list, certificate). Lines start at the reading side of the current
/// layout: the left margin in left-to-right languages, the right one in Arabic and Persian, where amounts stand on the
/// left. A document in two languages switches the layout between its blocks (<see cref="Use"/>).
/// </summary>
public sealed class PdfPageWriter(SKDocument document, PdfTextLayout layout, float amountColumn = 90) : IDisposable
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 56;

    private static readonly SKColor Muted = new(0x69, 0x69, 0x69);

    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _mutedInk = new() { Color = Muted, IsAntialias = true };
    private readonly List<PdfTextLayout> _layouts = [layout];
    private PdfTextLayout _layout = layout;
    private SKCanvas? _canvas;
    private float _y;

    private static float Width => PageWidth - 2 * Margin;

    /// <summary>Writes on in another language (and its direction); the writer disposes it with itself.</summary>
    public void Use(PdfTextLayout next)
    {
        if (!_layouts.Contains(next))
        {
            _layouts.Add(next);
        }

        _layout = next;
    }

    public void Space(float points) => _y += points;

    public void Line(string text, float size, bool bold = false, float indent = 0, bool muted = false) =>
        Lines([_layout.Line(text, size, bold)], size, bold, indent, muted);

    public void Paragraph(string text, float size, bool bold = false, bool muted = false) =>
        Lines(_layout.Wrap(text, size, bold, Width), size, bold, indent: 0, muted);

    /// <summary>A text at the reading side (wrapped) and an amount at the far side of its first line, as in a page's table.</summary>
    public void Row(string text, string amount, float size, bool bold = false)
    {
        var lines = _layout.Wrap(text, size, bold, Width - amountColumn);
        var canvas = Canvas(LineHeight(size) * lines.Count);
        var baseline = Baseline(size, bold);
        Lines(lines, size, bold, indent: 0, muted: false);

        // Drawn after the text, so extracted text reads "text, amount" like the page.
        var shapedAmount = _layout.Line(amount, size, bold);
        var amountLeft = _layout.RightToLeft ? Margin : PageWidth - Margin - shapedAmount.Width;
        shapedAmount.Draw(canvas, amountLeft, baseline, _ink);
    }

    /// <summary>An image (a QR code) of the given square size at the reading side's far end, e.g. beside a signature line.</summary>
    public void Image(SKImage image, float size)
    {
        var canvas = Canvas(size);
        var left = _layout.RightToLeft ? Margin : PageWidth - Margin - size;
        canvas.DrawImage(image, SKRect.Create(left, _y, size, size), new SKSamplingOptions(SKFilterMode.Nearest));
        _y += size;
    }

    /// <summary>A thin line across the page between two blocks.</summary>
    public void Rule()
    {
        var canvas = Canvas(12);
        using var pen = new SKPaint { Color = Muted, StrokeWidth = 0.5f, IsStroke = true };
        canvas.DrawLine(Margin, _y + 6, PageWidth - Margin, _y + 6, pen);
        _y += 12;
    }

    public void Dispose()
    {
        if (_canvas is not null)
        {
            document.EndPage();
        }

        document.Close();
        foreach (var owned in _layouts)
        {
            owned.Dispose();
        }

        _ink.Dispose();
        _mutedInk.Dispose();
    }

    private void Lines(IReadOnlyList<ShapedLine> lines, float size, bool bold, float indent, bool muted)
    {
        var height = LineHeight(size);
        foreach (var line in lines)
        {
            var canvas = Canvas(height);
            var left = _layout.RightToLeft ? PageWidth - Margin - indent - line.Width : Margin + indent;
            line.Draw(canvas, left, Baseline(size, bold), muted ? _mutedInk : _ink);
            _y += height;
        }
    }

    private static float LineHeight(float size) => size * 1.4f;

    /// <summary>The baseline of the line whose top is at the current position, as the primary face's ascent sets it.</summary>
    private float Baseline(float size, bool bold)
    {
        using var font = new SKFont(PdfFonts.Primary(bold), size);
        return _y - font.Metrics.Ascent;
    }

    private SKCanvas Canvas(float height)
    {
        if (_canvas is null || _y + height > PageHeight - Margin)
        {
            if (_canvas is not null)
            {
                document.EndPage();
            }

            _canvas = document.BeginPage(PageWidth, PageHeight);
            _y = Margin;
        }

        return _canvas;
    }
}
