using System.Globalization;
using Marketplace.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;
using SkiaSharp;

namespace Marketplace.Web.Hours;

/// <summary>
/// The proof of engagement as an A4 PDF with the same content as the printable page, in the reader's language: drawn by
/// Skia's PDF backend with HarfBuzz-shaped text (<see cref="PdfTextLayout"/>), so Arabic and Persian come out joined and
/// right to left, and the text stays extractable in reading order.
/// </summary>
public sealed class EngagementPdf
{
    private const float PageWidth = 595.28f;
    private const float PageHeight = 841.89f;
    private const float Margin = 56;
    private const float HoursColumn = 90;

    public byte[] Render(EngagementReport report, IStringLocalizer l, CultureInfo culture)
    {
        var title = l["Hours_EngagementTitle"].Value;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{title} {report.Year}",
            Author = report.TownName,
            Subject = l["Hours_EngagementPdfSubject", report.MemberName, HoursFormat.Hours(report.TotalHours, culture)].Value,
            Creator = "Marketplace",
            Producer = "Marketplace",
        };

        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        using (var writer = new Writer(document, new PdfTextLayout(culture)))
        {
            writer.Paragraph(title, 20, bold: true);
            writer.Line(report.TownName, 13);
            writer.Space(12);
            writer.Paragraph(l["Hours_EngagementStatement", report.MemberName, Date(report.From, culture), Date(report.To, culture)].Value, 11);
            writer.Space(8);

            if (report.Groups.Count == 0)
            {
                writer.Paragraph(l["Hours_EngagementEmpty"].Value, 11);
            }

            foreach (var group in report.Groups)
            {
                writer.Space(8);
                writer.Row(group.Organisation ?? l["Hours_EngagementViaOffice"].Value, HoursText(group.Hours, l, culture), 12, bold: true);
                foreach (var line in group.Lines)
                {
                    writer.Row(line.Activity, HoursText(line.Hours, l, culture), 10.5f);
                    writer.Line(l["Hours_EngagementLineDetail", line.Entries, Date(line.First, culture), Date(line.Last, culture)].Value, 9, indent: 12, muted: true);
                }
            }

            writer.Space(12);
            writer.Row(l["Hours_EngagementTotal"].Value, HoursText(report.TotalHours, l, culture), 12, bold: true);
            writer.Space(24);
            writer.Line(l["Hours_EngagementIssued", Date(report.IssuedOn, culture)].Value, 10);
            writer.Paragraph(l["Hours_EngagementBasis"].Value, 9, muted: true);
        }

        return output.ToArray();
    }

    private static string Date(DateOnly date, CultureInfo culture) => date.ToString("d", culture);

    private static string HoursText(decimal hours, IStringLocalizer l, CultureInfo culture) => l["Hours_HoursUnit", HoursFormat.Hours(hours, culture)].Value;

    /// <summary>
    /// Writes top to bottom and starts a new page when the next line would not fit. Lines start at the reading side:
    /// the left margin in left-to-right languages, the right one in Arabic and Persian, where amounts stand on the left.
    /// </summary>
    private sealed class Writer(SKDocument document, PdfTextLayout layout) : IDisposable
    {
        private static readonly SKColor Muted = new(0x69, 0x69, 0x69);

        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint _mutedInk = new() { Color = Muted, IsAntialias = true };
        private SKCanvas? _canvas;
        private float _y;

        private static float Width => PageWidth - 2 * Margin;

        public void Space(float points) => _y += points;

        public void Line(string text, float size, bool bold = false, float indent = 0, bool muted = false) =>
            Lines([layout.Line(text, size, bold)], size, bold, indent, muted);

        public void Paragraph(string text, float size, bool bold = false, bool muted = false) =>
            Lines(layout.Wrap(text, size, bold, Width), size, bold, indent: 0, muted);

        /// <summary>A text at the reading side (wrapped) and an amount at the far side of its first line, as in the page's table.</summary>
        public void Row(string text, string amount, float size, bool bold = false)
        {
            var lines = layout.Wrap(text, size, bold, Width - HoursColumn);
            var canvas = Canvas(LineHeight(size) * lines.Count);
            var baseline = Baseline(size, bold);
            Lines(lines, size, bold, indent: 0, muted: false);

            // Drawn after the text, so extracted text reads "activity, hours" like the page.
            var shapedAmount = layout.Line(amount, size, bold);
            var amountLeft = layout.RightToLeft ? Margin : PageWidth - Margin - shapedAmount.Width;
            shapedAmount.Draw(canvas, amountLeft, baseline, _ink);
        }

        public void Dispose()
        {
            if (_canvas is not null)
            {
                document.EndPage();
            }

            document.Close();
            layout.Dispose();
            _ink.Dispose();
            _mutedInk.Dispose();
        }

        private void Lines(IReadOnlyList<ShapedLine> lines, float size, bool bold, float indent, bool muted)
        {
            var height = LineHeight(size);
            foreach (var line in lines)
            {
                var canvas = Canvas(height);
                var left = layout.RightToLeft ? PageWidth - Margin - indent - line.Width : Margin + indent;
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
}
