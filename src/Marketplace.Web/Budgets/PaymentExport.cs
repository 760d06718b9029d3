using System.Globalization;
using CsvHelper;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Budgets;

/// <summary>
/// Approved expenses and claims for the town's cash office to pay, as CSV. No SEPA credit-transfer file (pain.001): no
/// well-kept library for it is in the package mirror, and a hand-written one would be a banking format nobody tests;
/// cash offices import CSV into their own payment software. Only approved rows are written; each export is audited.
/// </summary>
public sealed class PaymentExport(AppDbContext db, AuditLog audit, ITenantContext tenant, IStringLocalizer<SharedResource> l)
{
    public sealed record PaymentRow(int Id, int ProjectBudgetId, DateOnly SpentOn, string Payee, string? Iban, string Purpose, long AmountCents);

    /// <summary>The approved rows among the ids (others are left out), oldest first; null when none of them is approved.</summary>
    public async Task<byte[]?> CsvAsync(IReadOnlyCollection<int> ids)
    {
        var rows = await db.Expenses.AsNoTracking().Where(e => ids.Contains(e.Id) && e.Status == ExpenseStatus.Approved)
            .OrderBy(e => e.SpentOn).ThenBy(e => e.Id)
            .Select(e => new PaymentRow(e.Id, e.ProjectBudgetId, e.SpentOn, e.Payee, e.Kind == ExpenseKind.Reimbursement ? e.PayeeIban : null, e.Purpose,
                e.AmountCents))
            .ToListAsync();
        if (rows.Count == 0)
        {
            return null;
        }

        var detail = $"rows={rows.Count} cents={rows.Sum(r => r.AmountCents)} ids={string.Join(',', rows.Select(r => r.Id))}";
        audit.Record(AuditAction.ExportedPayments, "payments", rows[0].Id,
            detail.Length > AuditEntry.DetailMaxLength ? detail[..AuditEntry.DetailMaxLength] : detail);
        await db.SaveChangesAsync();

        // UTF-8 with a byte order mark and ";" for German Excel; a cell a spreadsheet would run as a formula is escaped.
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, options, leaveOpen: true))
        {
            foreach (var header in new[] { "Expenses_ColDate", "Expenses_ColPayee", "Expenses_ColIban", "Expenses_ColPurpose", "Expenses_ColAmount", "Expenses_ColReference" })
            {
                csv.WriteField(l[header].Value);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.SpentOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(row.Payee);
                csv.WriteField(row.Iban ?? "");
                csv.WriteField(row.Purpose);
                // A plain decimal with a point: the cash office's import reads it whatever the spreadsheet's language.
                csv.WriteField(Money.ToEuros(row.AmountCents).ToString("0.00", CultureInfo.InvariantCulture));
                csv.WriteField(Reference(row));
                csv.EndRecord();
            }
        }

        return output.ToArray();
    }

    /// <summary>The remittance reference the payment carries, so the bank statement leads back to the expense.</summary>
    public string Reference(PaymentRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenant.Tenant!.Slug}-{row.ProjectBudgetId}-{row.Id}");
}
