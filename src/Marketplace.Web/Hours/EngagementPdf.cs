using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Marketplace.Web.Hours;

/// <summary>
/// The proof of engagement as an A4 PDF with the same content as the printable page. Content streams stay
/// uncompressed: the document is a page or two of text, and its figures can then be checked in the raw file.
/// </summary>
public sealed class EngagementPdf
{
    private const double Margin = 56;
    private const double HoursColumn = 90;

    public EngagementPdf() => EmbeddedFontResolver.Install();

    public byte[] Render(EngagementReport report, IStringLocalizer l, CultureInfo culture)
    {
        using var document = new PdfDocument();
        document.Options.CompressContentStreams = false;
        var title = l["Hours_EngagementTitle"].Value;
        document.Info.Title = $"{title} {report.Year}";
        document.Info.Author = report.TownName;
        document.Info.Subject = l["Hours_EngagementPdfSubject", report.MemberName, HoursFormat.Hours(report.TotalHours, culture)].Value;

        var writer = new Writer(document);
        writer.Line(title, 20, bold: true);
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
                writer.Row(line.Activity, HoursText(line.Hours, l, culture), 10.5);
                writer.Line(l["Hours_EngagementLineDetail", line.Entries, Date(line.First, culture), Date(line.Last, culture)].Value, 9, indent: 12, muted: true);
            }
        }

        writer.Space(12);
        writer.Row(l["Hours_EngagementTotal"].Value, HoursText(report.TotalHours, l, culture), 12, bold: true);
        writer.Space(24);
        writer.Line(l["Hours_EngagementIssued", Date(report.IssuedOn, culture)].Value, 10);
        writer.Paragraph(l["Hours_EngagementBasis"].Value, 9, muted: true);
        writer.Finish();

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string Date(DateOnly date, CultureInfo culture) => date.ToString("d", culture);

    private static string HoursText(decimal hours, IStringLocalizer l, CultureInfo culture) => l["Hours_HoursUnit", HoursFormat.Hours(hours, culture)].Value;

    /// <summary>Writes top to bottom and starts a new page when the next line would not fit.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        private XGraphics Graphics(double height)
        {
            if (_graphics is null || _y + height > _page!.Height.Point - Margin)
            {
                _graphics?.Dispose();
                _page = document.AddPage();
                _page.Size = PdfSharp.PageSize.A4;
                _graphics = XGraphics.FromPdfPage(_page);
                _y = Margin;
            }

            return _graphics;
        }

        private double Width => (_page?.Width.Point ?? 595) - 2 * Margin;

        private static XFont Font(double size, bool bold) =>
            new(EmbeddedFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

        public void Space(double points) => _y += points;

        public void Line(string text, double size, bool bold = false, double indent = 0, bool muted = false)
        {
            var font = Font(size, bold);
            var height = size * 1.4;
            var g = Graphics(height);
            g.DrawString(text, font, muted ? XBrushes.DimGray : XBrushes.Black, new XRect(Margin + indent, _y, Width - indent, height), XStringFormats.TopLeft);
            _y += height;
        }

        /// <summary>A text on the left (wrapped) and an amount on the right, as in the page's table.</summary>
        public void Row(string text, string amount, double size, bool bold = false)
        {
            var font = Font(size, bold);
            var height = size * 1.4;
            var lines = Wrap(text, font, Width - HoursColumn);
            var g = Graphics(height * lines.Count);
            g.DrawString(amount, font, XBrushes.Black, new XRect(Margin, _y, Width, height), XStringFormats.TopRight);
            foreach (var line in lines)
            {
                g.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width - HoursColumn, height), XStringFormats.TopLeft);
                _y += height;
            }
        }

        public void Paragraph(string text, double size, bool muted = false)
        {
            var font = Font(size, bold: false);
            foreach (var line in Wrap(text, font, Width))
            {
                Line(line, size, muted: muted);
            }
        }

        public void Finish() => _graphics?.Dispose();

        private List<string> Wrap(string text, XFont font, double width)
        {
            var measure = Graphics(0);
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && measure.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current);
            return lines;
        }
    }
}
