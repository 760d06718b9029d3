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
        using (var writer = new PdfPageWriter(document, new PdfTextLayout(culture)))
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
}
