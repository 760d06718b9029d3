using System.Globalization;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

/// <summary>The budgets issue's whole path, as its people click it: an initiative's admin and member, the office, a visitor.</summary>
[Trait("Category", "Browser")]
public sealed class BudgetFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Town = "erlangen";
    private const string Office = "erlangen-koordination";

    [Fact]
    public async Task An_initiative_applies_the_office_grants_part_two_expenses_are_approved_and_paid_and_transparency_and_proof_of_use_show_them()
    {
        var admin = await app.NewMemberAsync(Town, "ba");
        var member = await app.NewMemberAsync(Town, "bm");
        var fundName = $"Testfonds {Guid.NewGuid():N}"[..20];
        var (organisationId, fundId) = await app.InTownAsync(Town, async db =>
        {
            var ids = await db.Users.Where(u => u.UserName == admin || u.UserName == member).ToDictionaryAsync(u => u.UserName!, u => u.Id);
            var organisation = new Organisation
            {
                Type = OrganisationType.Initiative, Name = $"Nähcafé {Guid.NewGuid():N}"[..20], Description = "Nähen und Deutsch üben.",
                Status = OrganisationStatus.Approved, CreatedAt = DateTimeOffset.UtcNow,
            };
            organisation.Members.Add(new OrganisationMember { UserId = ids[admin], Role = OrganisationRole.Admin, JoinedAt = DateTimeOffset.UtcNow });
            organisation.Members.Add(new OrganisationMember { UserId = ids[member], Role = OrganisationRole.Member, JoinedAt = DateTimeOffset.UtcNow });
            db.Organisations.Add(organisation);
            var year = DateTime.UtcNow.Year;
            var fund = new Fund
            {
                Name = fundName, Source = FundSource.MunicipalBudget, AmountCents = 5_000_00, StartsOn = new DateOnly(year, 1, 1),
                EndsOn = new DateOnly(year + 1, 12, 31), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Funds.Add(fund);
            await db.SaveChangesAsync();
            return (organisation.Id, fund.Id);
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // The initiative's admin applies with a plan of two lines: 400 EUR material, 300 EUR food and drink.
        var initiative = await app.SignedInPageAsync(Town, admin);
        await initiative.GotoAsync(app.TownUrl(Town, $"/organisations/{organisationId}/budgets/new"));
        await initiative.GetByTestId("apply-fund").SelectOptionAsync(fundId.ToString(CultureInfo.InvariantCulture));
        var project = $"Nähcafé für alle {Guid.NewGuid():N}"[..26];
        await initiative.GetByTestId("apply-title").FillAsync(project);
        await initiative.GetByTestId("apply-description").FillAsync("Ein Treffpunkt zum Nähen, zweimal die Woche.");
        await initiative.GetByTestId("apply-goals").FillAsync("Frauen kommen ins Gespräch und üben Deutsch.");
        await initiative.GetByTestId("apply-starts").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await initiative.GetByTestId("apply-ends").FillAsync(today.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await initiative.GetByTestId("apply-amount-Material").FillAsync("400,00");
        await initiative.GetByTestId("apply-amount-FoodAndDrink").FillAsync("300,00");
        await initiative.GetByTestId("apply-submit").ClickAsync();
        await Expect(initiative.GetByTestId("budget-status")).ToBeVisibleAsync();
        var budgetId = await app.InTownAsync(Town, db => db.ProjectBudgets.Where(b => b.Title == project).Select(b => b.Id).SingleAsync());
        var budgetPath = $"/organisations/{organisationId}/budgets/{budgetId}";

        // The office grants part of it: 350 EUR for material, all of food and drink, with a condition.
        var office = await app.SignedInPageAsync(Town, Office);
        await office.GotoAsync(app.TownUrl(Town, $"/coordination/budgets/{budgetId}"));
        await Expect(office.GetByTestId("fund-remaining")).ToContainTextAsync("5.000,00");
        await office.GetByTestId("approve-amount-Material").FillAsync("350,00");
        await office.GetByTestId("approve-conditions").FillAsync("Belege bitte monatlich einreichen.");
        await office.GetByTestId("approve-budget").ClickAsync();
        await Expect(office.GetByTestId("budget-granted")).ToContainTextAsync("650,00");

        // The member hands in two expenses with a receipt photo each; 280 EUR is above the town's 250 EUR threshold.
        var volunteer = await app.SignedInPageAsync(Town, member);
        var lines = await app.InTownAsync(Town, db => db.BudgetPlanLines.Where(l => l.ProjectBudgetId == budgetId).ToDictionaryAsync(l => l.Line, l => l.Id));
        await SubmitExpenseAsync(volunteer, budgetPath, "Stoffe und Garn", "Stoffhaus Müller", "40,00", lines[CostLines.Material]);
        await SubmitExpenseAsync(volunteer, budgetPath, "Essen beim Abschlussfest", "Café Mitte", "280,00", lines[CostLines.FoodAndDrink]);
        var expenses = await app.InTownAsync(Town, db => db.Expenses.Where(e => e.ProjectBudgetId == budgetId)
            .OrderBy(e => e.AmountCents).Select(e => e.Id).ToListAsync());
        Assert.Equal(2, expenses.Count);

        // The member cannot approve their own expense; the admin approves the small one fully and the large one first.
        await volunteer.GotoAsync(app.TownUrl(Town, $"{budgetPath}/expenses/{expenses[0]}"));
        await Expect(volunteer.GetByTestId("self-decision")).ToBeVisibleAsync();
        await Expect(volunteer.GetByTestId("approve-expense")).ToHaveCountAsync(0);
        foreach (var expense in expenses)
        {
            await initiative.GotoAsync(app.TownUrl(Town, $"{budgetPath}/expenses/{expense}"));
            await initiative.GetByTestId("approve-expense").ClickAsync();
            await Expect(initiative.GetByTestId("expense-done")).ToBeVisibleAsync();
        }

        Assert.Equal([ExpenseStatus.Approved, ExpenseStatus.FirstApproved], await StatesAsync(expenses));
        await initiative.GotoAsync(app.TownUrl(Town, $"{budgetPath}/expenses/{expenses[1]}"));
        await Expect(initiative.GetByTestId("approve-expense")).ToHaveCountAsync(0);

        // A second person, in the office, gives the large one its second approval; then the office pays both.
        await office.GotoAsync(app.TownUrl(Town, $"/coordination/budgets/expenses?project={budgetId}"));
        await office.Locator($"[data-testid=expense-row][data-id='{expenses[1]}']").GetByTestId("approve-expense").ClickAsync();
        await Expect(office.GetByTestId("expense-done")).ToBeVisibleAsync();
        Assert.Equal([ExpenseStatus.Approved, ExpenseStatus.Approved], await StatesAsync(expenses));
        foreach (var expense in expenses)
        {
            await office.GotoAsync(app.TownUrl(Town, $"/coordination/budgets/expenses?project={budgetId}&state=Approved"));
            var row = office.Locator($"[data-testid=expense-row][data-id='{expense}']");
            await row.GetByTestId("mark-paid").ClickAsync();
            await row.GetByTestId("paid-reference").FillAsync($"KASSE-{expense}");
            await row.GetByTestId("paid-expense").ClickAsync();
            await Expect(office.GetByTestId("expense-done")).ToBeVisibleAsync();
        }

        Assert.Equal([ExpenseStatus.Paid, ExpenseStatus.Paid], await StatesAsync(expenses));
        await initiative.GotoAsync(app.TownUrl(Town, budgetPath));
        await Expect(initiative.GetByTestId("balance")).ToContainTextAsync("330,00");

        // The public ledger shows both amounts and the shop, never the member who paid.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync(app.TownUrl(Town, $"/transparency?project={budgetId}"));
        var ledger = visitor.GetByTestId("transparency-expense-list");
        await Expect(ledger).ToContainTextAsync("40,00");
        await Expect(ledger).ToContainTextAsync("280,00");
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync(member);

        // The proof of use in one click: its PDF lists both payments.
        await initiative.GotoAsync(app.TownUrl(Town, $"{budgetPath}/proof"));
        var download = await initiative.RunAndWaitForDownloadAsync(() => initiative.GetByTestId("proof-pdf").ClickAsync());
        using var document = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync()));
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        // The PDF's font sets "ff" as a ligature; words without it are compared.
        Assert.True(text.Contains("Garn", StringComparison.Ordinal), text);
        Assert.Contains("Abschlussfest", text);
        Assert.Contains("280,00", text);

        await initiative.Context.CloseAsync();
        await office.Context.CloseAsync();
        await volunteer.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }

    private async Task SubmitExpenseAsync(IPage page, string budgetPath, string purpose, string payee, string amount, int planLineId)
    {
        await page.GotoAsync(app.TownUrl(Town, $"{budgetPath}/expenses/new"));
        await page.GetByTestId("expense-line").SelectOptionAsync(planLineId.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("expense-amount").FillAsync(amount);
        await page.GetByTestId("expense-spent-on").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("expense-payee").FillAsync(payee);
        await page.GetByTestId("expense-business").CheckAsync();
        await page.GetByTestId("expense-purpose").FillAsync(purpose);
        await page.GetByTestId("expense-receipt").SetInputFilesAsync(new FilePayload { Name = "beleg.png", MimeType = "image/png", Buffer = ReceiptPhoto() });
        await page.GetByTestId("expense-submit").ClickAsync();
        await Expect(page.GetByTestId("expense-facts")).ToBeVisibleAsync();
    }

    private Task<List<ExpenseStatus>> StatesAsync(List<int> expenses) =>
        app.InTownAsync(Town, db => db.Expenses.Where(e => expenses.Contains(e.Id)).OrderBy(e => e.AmountCents).Select(e => e.Status).ToListAsync());

    /// <summary>A small photo of a receipt, as a phone's camera would hand in (PNG, 60 × 90).</summary>
    private static byte[] ReceiptPhoto()
    {
        using var bitmap = new SkiaSharp.SKBitmap(60, 90);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            using var ink = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black };
            for (var y = 10; y < 80; y += 10)
            {
                canvas.DrawRect(8, y, 44, 3, ink);
            }
        }

        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
