using System.Globalization;
using Marketplace.Web.Infrastructure.Pdf;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;
using QRCoder;
using SkiaSharp;

namespace Marketplace.Web.Courses;

/// <summary>What a certificate (Teilnahmebescheinigung) states.</summary>
public sealed record CertificateFacts(string HolderName, string HolderCulture, string CourseTitle, string? ProviderName, string TownName,
    DateOnly StartsOn, DateOnly EndsOn, int PlannedUnits, int AttendedUnits, DateOnly IssuedOn, string Code, string VerifyUrl)
{
    public int Percent => Domain.CourseRules.AttendancePercent(AttendedUnits, PlannedUnits);
}

/// <summary>
/// The certificate as one A4 page: a block in the holder's language and one in German (the language of the offices that
/// read it), or one German block for a German reader, then a QR code to the public verification page. Drawn with the
/// app's one PDF writer, so Arabic and Persian are shaped and set right to left like the proof of engagement.
/// </summary>
public sealed class CertificatePdf
{
    public const float QrSize = 110;

    public byte[] Render(CertificateFacts facts, IStringLocalizer l)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = In("de", () => l["CourseDesk_CertificateTitle"].Value),
            Author = facts.TownName,
            Subject = facts.CourseTitle,
            Creator = "Marketplace",
            Producer = "Marketplace",
        };
        var languages = facts.HolderCulture == "de" ? new[] { "de" } : [facts.HolderCulture, "de"];

        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        using (var writer = new PdfPageWriter(document, new PdfTextLayout(Cultures.Get(languages[0]))))
        {
            for (var i = 0; i < languages.Length; i++)
            {
                var culture = Cultures.Get(languages[i]);
                if (i > 0)
                {
                    writer.Space(8);
                    writer.Rule();
                    writer.Space(8);
                    writer.Use(new PdfTextLayout(culture));
                }

                using (CultureScope.Use(languages[i]))
                {
                    Block(writer, facts, l, culture);
                }
            }

            writer.Space(16);
            using var qr = QrImage(facts.VerifyUrl);
            writer.Image(qr, QrSize);
            writer.Space(4);
            using (CultureScope.Use(languages[0]))
            {
                writer.Paragraph(l["CourseDesk_CertificateVerify", facts.VerifyUrl, facts.Code].Value, 9, muted: true);
            }
        }

        return output.ToArray();
    }

    private static void Block(PdfPageWriter writer, CertificateFacts facts, IStringLocalizer l, CultureInfo culture)
    {
        var provider = facts.ProviderName ?? l["CourseDesk_TheOffice", facts.TownName].Value;
        writer.Paragraph(l["CourseDesk_CertificateTitle"].Value, 20, bold: true);
        writer.Line(facts.TownName, 12, muted: true);
        writer.Space(10);
        writer.Paragraph(facts.HolderName, 15, bold: true);
        writer.Space(4);
        writer.Paragraph(l["CourseDesk_CertificateStatement", facts.CourseTitle, provider, Date(facts.StartsOn, culture), Date(facts.EndsOn, culture)].Value, 11);
        writer.Space(4);
        writer.Paragraph(l["CourseDesk_CertificateUnits", facts.PlannedUnits, facts.AttendedUnits, facts.Percent].Value, 11);
        writer.Space(6);
        writer.Line(l["CourseDesk_CertificateIssued", Date(facts.IssuedOn, culture)].Value, 10);
    }

    private static string In(string culture, Func<string> text)
    {
        using (CultureScope.Use(culture))
        {
            return text();
        }
    }

    private static string Date(DateOnly date, CultureInfo culture) => date.ToString("d", culture);

    private static SKImage QrImage(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return SKImage.FromEncodedData(png) ?? throw new InvalidOperationException("The QR code could not be drawn.");
    }
}
