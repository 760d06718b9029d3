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

namespace Marketplace.Web.Courses;

public sealed record AttendanceListFacts(int RunId, string CourseTitle, string? ProviderName, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// The attendance list providers keep for audits, as CSV for a spreadsheet and as PDF for the file. Each export is written
/// to the audit log before the file leaves, since it carries participants' names.
/// </summary>
public sealed class AttendanceExport(AppDbContext db, AuditLog audit, ITenantContext tenant, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// UTF-8 with a byte order mark and ";" for German Excel; a cell that a spreadsheet would run as a formula
    /// (= + - @ at its start) is escaped by CsvHelper with a leading apostrophe.
    /// </summary>
    public async Task<byte[]> CsvAsync(int runId, IReadOnlyList<MeetingRow> meetings, IReadOnlyList<AttendanceRate> people)
    {
        await AuditAsync(runId, "csv", people.Count);
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, options, leaveOpen: true))
        {
            csv.WriteField(l["CourseDesk_ColName"].Value);
            foreach (var meeting in meetings)
            {
                csv.WriteField(meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            csv.WriteField(l["CourseDesk_ColAttendedUnits"].Value);
            csv.WriteField(l["CourseDesk_ColPlannedUnits"].Value);
            csv.WriteField(l["CourseDesk_ColRate"].Value);
            csv.EndRecord();
            foreach (var person in people)
            {
                csv.WriteField(person.Person.Name);
                foreach (var meeting in meetings)
                {
                    csv.WriteField(person.Marks.TryGetValue(meeting.Id, out var mark) ? l["CourseDesk_Mark_" + mark].Value : "");
                }

                csv.WriteField(person.AttendedUnits.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(person.PlannedUnits.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(person.Percent.ToString(CultureInfo.InvariantCulture));
                csv.EndRecord();
            }
        }

        return output.ToArray();
    }

    /// <summary>The same list as an A4 PDF through the app's PDF writer: one row per person with rate, and their marks below.</summary>
    public async Task<byte[]> PdfAsync(AttendanceListFacts facts, IReadOnlyList<MeetingRow> meetings, IReadOnlyList<AttendanceRate> people)
    {
        await AuditAsync(facts.RunId, "pdf", people.Count);
        var culture = CultureInfo.CurrentUICulture;
        var town = tenant.Tenant!;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = l["CourseDesk_AttendanceListTitle"].Value,
            Subject = facts.CourseTitle,
            Author = town.Name,
            Creator = "Marketplace",
            Producer = "Marketplace",
        };
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        using (var writer = new PdfPageWriter(document, new PdfTextLayout(culture), amountColumn: 130))
        {
            writer.Paragraph(l["CourseDesk_AttendanceListTitle"].Value, 18, bold: true);
            writer.Paragraph(facts.CourseTitle, 13, bold: true);
            writer.Line(facts.ProviderName ?? l["CourseDesk_TheOffice", town.Name].Value, 11);
            writer.Line(l["CourseDesk_RunDates", facts.StartsOn.ToString("d", culture), facts.EndsOn.ToString("d", culture)].Value, 11);
            writer.Space(10);
            foreach (var person in people)
            {
                writer.Row(person.Person.Name, l["CourseDesk_RateValue", person.AttendedUnits, person.PlannedUnits, person.Percent].Value, 11, bold: true);
                var marks = meetings.Select(m => l["CourseDesk_MeetingMark", m.Date.ToString("d", culture),
                    person.Marks.TryGetValue(m.Id, out var mark) ? l["CourseDesk_Mark_" + mark].Value : l["CourseDesk_MarkNone"].Value].Value);
                if (meetings.Count > 0)
                {
                    writer.Paragraph(string.Join(" · ", marks), 9, muted: true);
                }

                writer.Space(4);
            }
        }

        return output.ToArray();
    }

    private async Task AuditAsync(int runId, string format, int rows)
    {
        audit.Record(AuditAction.ExportedAttendance, "course-run", runId, $"{format} rows={rows}");
        await db.SaveChangesAsync();
    }
}
