using System.Globalization;
using CsvHelper;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Infrastructure.Pdf;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.Extensions.Localization;
using SkiaSharp;

namespace Marketplace.Web.Budgets;

/// <summary>
/// The proof of use as files for the funder: the payments as CSV for a spreadsheet and the whole proof as an A4 PDF. Each
/// export is written to the audit log before the file leaves, since it carries the project's money (and in the
/// organisation's own copy, volunteers' names).
/// </summary>
public sealed class ProofOfUseExport(AppDbContext db, AuditLog audit, ITenantContext tenant, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// UTF-8 with a byte order mark and ";" for German Excel; amounts in euros with a decimal point (machines read it);
    /// a cell a spreadsheet would run as a formula (= + - @ at its start) is escaped by CsvHelper.
    /// </summary>
    public async Task<byte[]> PaymentsCsvAsync(ProofOfUse proof)
    {
        await AuditAsync(proof, "csv");
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, options, leaveOpen: true))
        {
            foreach (var heading in new[] { "Effects_ColDate", "Effects_ColPayee", "Effects_ColPurpose", "Effects_ColLine", "Effects_ColAmount", "Effects_ColPaidOn" })
            {
                csv.WriteField(l[heading].Value);
            }

            csv.EndRecord();
            foreach (var payment in proof.Payments)
            {
                csv.WriteField(payment.SpentOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(proof.PayeeOf(payment, l));
                csv.WriteField(payment.Purpose);
                csv.WriteField(l[$"Effects_Line_{payment.Line}"].Value);
                csv.WriteField(Money.ToEuros(payment.AmountCents).ToString("0.00", CultureInfo.InvariantCulture));
                csv.WriteField(payment.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
                csv.EndRecord();
            }
        }

        return output.ToArray();
    }

    public async Task<byte[]> PdfAsync(ProofOfUse proof)
    {
        await AuditAsync(proof, "pdf");
        var culture = CultureInfo.CurrentUICulture;
        var town = tenant.Tenant!;
        var title = l["Effects_ProofTitle"].Value;
        var metadata = new SKDocumentPdfMetadata { Title = title, Subject = proof.Title, Author = proof.Organisation, Creator = "Marketplace", Producer = "Marketplace" };
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        using (var writer = new PdfPageWriter(document, new PdfTextLayout(culture), amountColumn: 110))
        {
            writer.Paragraph(title, 18, bold: true);
            writer.Paragraph(proof.Title, 13, bold: true);
            writer.Line(proof.Organisation, 11);
            writer.Paragraph(l["Effects_ProofFacts", proof.Fund, Date(proof.StartsOn, culture), Date(proof.EndsOn, culture), Date(proof.ProofDueOn, culture)].Value,
                10, muted: true);
            writer.Line(town.Name, 10, muted: true);

            writer.Space(10);
            writer.Line(l["Effects_ProofNarrative"].Value, 13, bold: true);
            foreach (var paragraph in ProofsOfUse.Narrative(proof, l, culture))
            {
                writer.Paragraph(paragraph, 10.5f);
                writer.Space(4);
            }

            writer.Space(8);
            writer.Line(l["Effects_ProofLines"].Value, 13, bold: true);
            foreach (var line in proof.Lines)
            {
                writer.Row(l[$"Effects_Line_{line.Line}"].Value + (line.Description is { } d ? $" – {d}" : ""),
                    l["Effects_SpentOfApproved", Euros(line.SpentCents, culture), Euros(line.ApprovedCents, culture)].Value, 10.5f);
            }

            writer.Row(l["Effects_Total"].Value, l["Effects_SpentOfApproved", Euros(proof.SpentCents, culture), Euros(proof.GrantedCents, culture)].Value, 10.5f,
                bold: true);

            writer.Space(8);
            writer.Line(l["Effects_ProofPayments"].Value, 13, bold: true);
            if (proof.Payments.Count == 0)
            {
                writer.Paragraph(l["Effects_ProofNoPayments"].Value, 10);
            }

            foreach (var payment in proof.Payments)
            {
                writer.Row($"{Date(payment.SpentOn, culture)} · {proof.PayeeOf(payment, l)} · {payment.Purpose}", Euros(payment.AmountCents, culture), 10);
            }

            writer.Row(l["Effects_Total"].Value, Euros(proof.PaymentsCents, culture), 10.5f, bold: true);

            if (proof.CountsVolunteerHours)
            {
                writer.Space(8);
                writer.Line(l["Effects_ProofHours"].Value, 13, bold: true);
                foreach (var row in proof.Hours)
                {
                    writer.Row($"{Date(row.WorkedOn, culture)} · {row.UserName} · {row.Activity}", Hours(row.Minutes, culture), 10);
                }

                writer.Row(l["Effects_ProofHoursValue", Euros(proof.HourlyRateCents, culture)].Value,
                    $"{Hours(proof.HoursMinutes, culture)} = {Euros(proof.HoursValueCents, culture)}", 10.5f, bold: true);
            }
        }

        return output.ToArray();
    }

    private string Hours(int minutes, CultureInfo culture) => l["Hours_HoursUnit", Marketplace.Web.Hours.HoursFormat.Hours(VolunteerHours.ToHours(minutes), culture)].Value;

    private static string Date(DateOnly date, CultureInfo culture) => date.ToString("d", culture);

    private static string Euros(long cents, CultureInfo culture) => ProofsOfUse.Money(cents, culture);

    private async Task AuditAsync(ProofOfUse proof, string format)
    {
        audit.Record(AuditAction.ExportedProofOfUse, "project-budget", proof.BudgetId, $"{format} payments={proof.Payments.Count} own={proof.OwnCopy}");
        await db.SaveChangesAsync();
    }
}
