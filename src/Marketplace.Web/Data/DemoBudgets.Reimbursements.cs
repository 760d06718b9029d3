using System.Text;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

public static partial class DemoBudgets
{
    private sealed record DemoClaim(ReimbursementType Type, int? Kilometres, long Cents, string Purpose, ExpenseStatus Status, int DaysAgo);

    /// <summary>What the demo volunteers claim, in the order they are handed out (one claimant after the other).</summary>
    private static readonly DemoClaim[] DemoClaims =
    [
        new(ReimbursementType.Kilometres, 24, 0, "Begleitung zur Ausländerbehörde, hin und zurück", ExpenseStatus.Paid, 40),
        new(ReimbursementType.PublicTransport, null, 4_90, "Tageskarte für die Begleitung zum Jobcenter", ExpenseStatus.Approved, 20),
        new(ReimbursementType.Material, null, 18_75, "Bastelmaterial für den Kindernachmittag", ExpenseStatus.Submitted, 5),
        new(ReimbursementType.PublicTransport, null, 2_90, "Einzelfahrschein zum Sprachcafé", ExpenseStatus.Paid, 60),
        new(ReimbursementType.Kilometres, 12, 0, "Fahrt zur Kleiderkammer mit Spenden", ExpenseStatus.Submitted, 2),
        new(ReimbursementType.Material, null, 9_99, "Spiele für die Hausaufgabenhilfe", ExpenseStatus.Approved, 30),
    ];

    /// <summary>A known test IBAN (it passes the checksum, no bank account behind it).</summary>
    private const string DemoIban = "DE89370400440532013000";

    /// <summary>
    /// The demo member and the demo volunteers claim km, tickets and material against the demo organisations' approved
    /// budgets (or the office's own), submitted, approved and paid. What is approved or paid is booked on the budget and
    /// its line, only while they cover it, as the approval would.
    /// </summary>
    private static async Task SeedReimbursementsAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var accounts = await db.Users
            .Where(u => u.UserName == town.Slug + "-mitglied" || u.UserName == town.Slug + "-koordination" || u.UserName == DemoData.MultiTownUserName)
            .ToDictionaryAsync(u => u.UserName!, u => u.Id);
        if (accounts.GetValueOrDefault(town.Slug + "-koordination") is not { } coordinator)
        {
            return;
        }

        var budgets = await db.ProjectBudgets.Include(b => b.Lines).Include(b => b.Organisation)
            .Where(b => b.Status == ProjectBudgetStatus.Approved && b.StartsOn <= today)
            .OrderBy(b => b.Id).ToListAsync();
        if (budgets.Count == 0)
        {
            return;
        }

        var memberships = await db.OrganisationMembers.Select(m => new { m.OrganisationId, m.UserId }).ToListAsync();
        var claimants = new[] { accounts.GetValueOrDefault(town.Slug + "-mitglied"), accounts.GetValueOrDefault(DemoData.MultiTownUserName) }
            .Concat(memberships.Where(m => budgets.Any(b => b.OrganisationId == m.OrganisationId)).Select(m => m.UserId))
            .OfType<string>().Where(u => u != coordinator).Distinct().Take(3).ToList();
        var names = await db.Users.Where(u => claimants.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName!);
        var rate = await db.Tenants.Where(t => t.Slug == town.Slug).Select(t => t.KilometreRateCents).SingleAsync();
        var receipt = DemoReceiptPdf();

        for (var i = 0; i < DemoClaims.Length && claimants.Count > 0; i++)
        {
            var claim = DemoClaims[i];
            var claimant = claimants[i % claimants.Count];
            var spentOn = today.AddDays(-claim.DaysAgo);
            var lineKind = claim.Type switch
            {
                ReimbursementType.Material => CostLines.Material,
                ReimbursementType.Other => CostLines.Other,
                _ => CostLines.Travel,
            };
            var amount = claim.Kilometres is { } km ? BudgetRules.KilometreAmount(km, rate) : claim.Cents;
            var booked = claim.Status is ExpenseStatus.Approved or ExpenseStatus.Paid;
            // The claimant's own organisation's budget first, the office's own otherwise; booked only where the money covers it.
            var target = budgets
                .Where(b => spentOn >= b.StartsOn && spentOn <= b.EndsOn)
                .Where(b => memberships.Any(m => m.OrganisationId == b.OrganisationId && m.UserId == claimant) || b.Organisation!.Type == OrganisationType.MunicipalOffice)
                .OrderBy(b => b.Organisation!.Type == OrganisationType.MunicipalOffice)
                .Select(b => (Budget: b, Line: b.Lines.FirstOrDefault(l => l.Line == lineKind)))
                .FirstOrDefault(x => x.Line is not null && (!booked || (x.Budget.SpentCents + amount <= x.Budget.GrantedCents && x.Line.SpentCents + amount <= x.Line.ApprovedCents)));
            if (target.Line is null)
            {
                continue;
            }

            var submittedAt = now.AddDays(-claim.DaysAgo + 1);
            var expense = new Expense
            {
                ProjectBudgetId = target.Budget.Id,
                PlanLineId = target.Line.Id,
                Kind = ExpenseKind.Reimbursement,
                SubmittedByUserId = claimant,
                SubmittedAt = submittedAt,
                AmountCents = amount,
                SpentOn = spentOn,
                Payee = names[claimant],
                Purpose = claim.Purpose,
                ReimbursementType = claim.Type,
                Kilometres = claim.Kilometres,
                KilometreRateCents = claim.Kilometres is null ? null : rate,
                // One claimant is paid in cash at the office, the others by transfer.
                PayeeIban = i % 3 == 2 ? null : DemoIban,
                Status = claim.Status,
                ApprovedByUserId = booked ? coordinator : null,
                ApprovedAt = booked ? submittedAt.AddDays(2) : null,
                PaidOn = claim.Status == ExpenseStatus.Paid ? spentOn.AddDays(7) : null,
                PaymentReference = claim.Status == ExpenseStatus.Paid ? $"AE-{town.Slug.ToUpperInvariant()}-{i + 1:000}" : null,
                PaidByUserId = claim.Status == ExpenseStatus.Paid ? coordinator : null,
            };
            db.Expenses.Add(expense);
            if (booked)
            {
                target.Budget.SpentCents += amount;
                target.Line.SpentCents += amount;
            }

            await db.SaveChangesAsync();
            if (claim.Type != ReimbursementType.Kilometres)
            {
                db.ExpenseReceipts.Add(new ExpenseReceipt
                {
                    ExpenseId = expense.Id, ContentType = "application/pdf", FileName = $"beleg-{i + 1}.pdf", Data = receipt, UploadedAt = submittedAt,
                });
                await db.SaveChangesAsync();
            }
        }
    }

    /// <summary>A one-page PDF saying it is a demo receipt, small enough to store for every demo claim.</summary>
    private static byte[] DemoReceiptPdf()
    {
        const string content = "BT /F1 18 Tf 72 720 Td (Beleg - Demo) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:0000000000} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
