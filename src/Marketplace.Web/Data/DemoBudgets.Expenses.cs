using System.Globalization;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Marketplace.Web.Data;

public static partial class DemoBudgets
{
    /// <summary>What a demo expense looks like on one kind of plan line: the shop, whether it is a business, what was bought.</summary>
    private static readonly Dictionary<CostLines, (string Payee, bool Business, string Purpose)[]> DemoPurchases = new()
    {
        [CostLines.Material] = [("Schreibwaren Huber", true, "Hefte, Stifte und Kopien"), ("Buchhandlung am Markt", true, "Wörterbücher Deutsch–Arabisch")],
        [CostLines.Travel] = [("Verkehrsverbund Großraum", true, "Tageskarten für den Ausflug"), ("Stadtwerke Mobilität", true, "Monatskarte der Ehrenamtlichen")],
        [CostLines.Fees] = [("Miriam K.", false, "Honorar für die Sprachförderung im März"), ("Dolmetschdienst Brücke", true, "Dolmetschen beim Elternabend")],
        [CostLines.Rent] = [("Stadtteiltreff e. V.", true, "Raummiete für zwei Abende"), ("Gemeindezentrum St. Paul", true, "Saalmiete für das Fest")],
        [CostLines.FoodAndDrink] = [("Bäckerei Kraus", true, "Gebäck und Kaffee für das Treffen"), ("Getränkemarkt Süd", true, "Getränke für das Fest")],
        [CostLines.Other] = [("Druckerei Fischer", true, "Flyer für die Nachbarschaft"), ("Baumarkt West", true, "Material für die Pinnwand")],
    };

    /// <summary>
    /// The demo town's expenses with receipts in every state: for each approved budget handed in, first approved above
    /// the threshold, approved, returned as incomplete, rejected and paid; for an ended one only paid. The approved and
    /// paid ones are booked: the budgets' and lines' SpentCents are their sums, as an approval would have left them.
    /// </summary>
    private static async Task SeedExpensesAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now)
    {
        var office = await db.Users.Where(u => u.UserName == $"{town.Slug}-koordination").Select(u => u.Id).SingleOrDefaultAsync();
        var townAdmin = await db.Users.Where(u => u.UserName == $"{town.Slug}-admin").Select(u => u.Id).SingleOrDefaultAsync();
        if (office is null)
        {
            return;
        }

        var threshold = await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.SecondApprovalAboveCents).SingleAsync();
        var budgets = await db.ProjectBudgets.Include(b => b.Lines)
            .Where(b => (b.Status == ProjectBudgetStatus.Approved || b.Status == ProjectBudgetStatus.Closed) && b.Lines.Any())
            .OrderBy(b => b.Id).ToListAsync();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var number = 0;
        foreach (var budget in budgets.Where(b => b.StartsOn <= today))
        {
            var members = await db.OrganisationMembers.Where(m => m.OrganisationId == budget.OrganisationId)
                .OrderBy(m => m.JoinedAt).Select(m => new { m.UserId, m.Role }).ToListAsync();
            var submitter = members.FirstOrDefault(m => m.Role == OrganisationRole.Member)?.UserId ?? members.FirstOrDefault()?.UserId;
            if (submitter is null)
            {
                continue;
            }

            // The organisation's admin approves first (never their own); without another admin the office approves alone.
            var admin = members.FirstOrDefault(m => m.Role == OrganisationRole.Admin && m.UserId != submitter)?.UserId;
            var approver = admin ?? (submitter == office ? null : office);
            // Above the threshold the office approves last, by someone other than the admin who approved first.
            var lastApprover = admin == office ? townAdmin : office;
            if (approver is null)
            {
                continue;
            }

            var lastDay = budget.EndsOn < today ? budget.EndsOn : today;
            var span = Math.Max(0, lastDay.DayNumber - budget.StartsOn.DayNumber);
            var lines = budget.Lines.OrderBy(l => l.Line).ToList();
            var plans = budget.Status == ProjectBudgetStatus.Closed
                ? new (int Line, int Percent, ExpenseStatus Status, bool AboveThreshold)[]
                {
                    (0, 30, ExpenseStatus.Paid, false), (1, 25, ExpenseStatus.Paid, false), (2, 20, ExpenseStatus.Paid, false),
                }
                : [
                    (0, 15, ExpenseStatus.Paid, false), (1, 8, ExpenseStatus.Paid, false), (0, 10, ExpenseStatus.Approved, false),
                    (1, 6, ExpenseStatus.Submitted, false), (2, 4, ExpenseStatus.Submitted, false), (0, 0, ExpenseStatus.FirstApproved, true),
                    (1, 5, ExpenseStatus.Incomplete, false), (2, 7, ExpenseStatus.Rejected, false), (0, 0, ExpenseStatus.Paid, true),
                ];
            var booked = 0L;
            for (var i = 0; i < plans.Length; i++)
            {
                var (lineIndex, percent, status, above) = plans[i];
                var line = lines[lineIndex % lines.Count];
                var amount = above ? threshold + 20_00 + i * 3_45 : Math.Max(4_90, line.ApprovedCents * percent / 100 + i * 17);
                var books = status is ExpenseStatus.Approved or ExpenseStatus.Paid;
                var pending = status is ExpenseStatus.Submitted or ExpenseStatus.FirstApproved;
                // Two approvers for amounts above the threshold, and nothing booked beyond the grant.
                if ((above && (admin is null || lastApprover is null || lastApprover == submitter))
                    || (books && booked + amount > budget.GrantedCents) || (pending && amount > budget.GrantedCents - booked))
                {
                    continue;
                }

                var spentOn = budget.StartsOn.AddDays(span * (i + 1) / (plans.Length + 1));
                var submittedAt = now.AddDays(-Math.Max(1, today.DayNumber - spentOn.DayNumber) + 1).AddHours(-3 - i);
                var (payee, business, purpose) = DemoPurchases[line.Line][i % 2];
                var expense = new Expense
                {
                    ProjectBudgetId = budget.Id, PlanLineId = line.Id, Kind = ExpenseKind.Expense, SubmittedByUserId = submitter, SubmittedAt = submittedAt,
                    AmountCents = amount, SpentOn = spentOn, Payee = payee, PayeeIsBusiness = business, Purpose = purpose, Status = status,
                };
                var decidedAt = submittedAt.AddDays(2);
                if (status == ExpenseStatus.FirstApproved || (books && above))
                {
                    expense.FirstApprovedByUserId = admin;
                    expense.FirstApprovedAt = decidedAt;
                }

                if (books)
                {
                    expense.ApprovedByUserId = above ? lastApprover : approver;
                    expense.ApprovedAt = decidedAt.AddDays(1);
                    booked += amount;
                    line.SpentCents += amount;
                }

                if (status == ExpenseStatus.Paid)
                {
                    var paidOn = DateOnly.FromDateTime(decidedAt.AddDays(5).UtcDateTime);
                    expense.PaidOn = paidOn > today ? today : paidOn;
                    expense.PaidByUserId = office;
                    expense.PaymentReference = string.Create(CultureInfo.InvariantCulture, $"KA-{spentOn.Year}-{++number:0000}");
                }

                if (status is ExpenseStatus.Incomplete or ExpenseStatus.Rejected)
                {
                    expense.DecidedByUserId = approver;
                    expense.DecidedAt = decidedAt;
                    expense.DecisionReason = status == ExpenseStatus.Incomplete
                        ? "Bitte laden Sie die Rechnung statt des Kassenzettels hoch; auf dem Zettel fehlt der Name des Geschäfts."
                        : "Diese Ausgabe gehört nicht zum Projekt: Geschenke für Einzelne kann der Fördertopf nicht bezahlen.";
                }

                db.Expenses.Add(expense);
                await db.SaveChangesAsync();
                db.ExpenseReceipts.Add(new ExpenseReceipt
                {
                    ExpenseId = expense.Id, ContentType = "image/webp", FileName = string.Create(CultureInfo.InvariantCulture, $"beleg-{expense.Id}.webp"),
                    Data = DemoReceipt(payee, spentOn, amount), UploadedAt = submittedAt,
                });
            }

            budget.SpentCents += booked;
            await db.SaveChangesAsync();
        }
    }

    /// <summary>A small till receipt drawn for the demo: the shop, the day and the sum, as WebP like a re-encoded photo.</summary>
    private static byte[] DemoReceipt(string payee, DateOnly day, long amountCents)
    {
        const int Width = 320;
        const int Height = 420;
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var ink = new SKPaint { Color = new SKColor(40, 40, 40), IsAntialias = true })
        using (var regular = new SKFont(PdfFonts.Primary(bold: false), 15))
        using (var bold = new SKFont(PdfFonts.Primary(bold: true), 18))
        {
            canvas.Clear(new SKColor(250, 248, 240));
            var german = CultureInfo.GetCultureInfo("de-DE");
            canvas.DrawText(payee, 20, 40, SKTextAlign.Left, bold, ink);
            canvas.DrawText(day.ToString("dd.MM.yyyy", german), 20, 70, SKTextAlign.Left, regular, ink);
            for (var y = 100; y < 300; y += 28)
            {
                canvas.DrawLine(20, y, Width - 20, y, ink);
            }

            canvas.DrawText("Summe EUR", 20, 340, SKTextAlign.Left, bold, ink);
            canvas.DrawText(Money.ToEuros(amountCents).ToString("0.00", german), Width - 20, 340, SKTextAlign.Right, bold, ink);
        }

        using var encoded = bitmap.Encode(SKEncodedImageFormat.Webp, 70);
        return encoded.ToArray();
    }
}
