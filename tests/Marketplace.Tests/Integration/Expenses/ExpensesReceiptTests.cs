using System.Net;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Expenses;

/// <summary>Handing in with a receipt, and who may open it: private, audited, 404 for anyone else and for other towns.</summary>
[Trait("Category", "Database")]
public sealed class ExpensesReceiptTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static Dictionary<string, string> Fields(string amount = "12,80") => new()
    {
        ["Input.Amount"] = amount, ["Input.Payee"] = "Drogerie am Markt", ["Input.PayeeIsBusiness"] = "true", ["Input.Purpose"] = "Bastelmaterial",
    };

    [Fact]
    public async Task MemberHandsInAnExpenseWithAPhoto_ItIsStoredReEncoded_AndShowsInTheLedgerAsTheirs()
    {
        var project = await app.ProjectAsync(grantedCents: 500_00);
        var member = await app.SignedInAsync(ExpensesSetup.Town, project.Member);
        var form = (await member.GetPageAsync(project.Ledger + "/new")).QuerySelector("[data-testid=expense-receipt]")!;
        Assert.Equal("image/*,application/pdf", form.GetAttribute("accept"));
        Assert.True(form.HasAttribute("capture"));

        var answer = await member.SubmitWithFilesAsync(project.Ledger + "/new", "[data-testid=expense-form]", Fields(),
            ("Receipt", "kassenbon.jpg", "image/jpeg", TestPhotos.JpegWithGps()));

        Assert.True(answer.StatusCode == HttpStatusCode.Redirect,
            string.Join(" | ", (await Html.ParseAsync(answer)).QuerySelectorAll(".field-error, .form-errors").Select(e => e.TextContent.Trim())));
        var expense = await app.InTownAsync(ExpensesSetup.Town, db => db.Expenses.AsNoTracking().SingleAsync(e => e.ProjectBudgetId == project.BudgetId));
        Assert.Equal(12_80, expense.AmountCents);
        Assert.Equal(ExpenseStatus.Submitted, expense.Status);
        var receipt = await app.InTownAsync(ExpensesSetup.Town, db => db.ExpenseReceipts.AsNoTracking().SingleAsync(r => r.ExpenseId == expense.Id));
        Assert.Equal("image/webp", receipt.ContentType);
        var ledger = await member.GetPageAsync(project.Ledger);
        var row = ledger.QuerySelector($"[data-testid=expense-row][data-id='{expense.Id}']")!;
        Assert.Equal("true", row.GetAttribute("data-own"));
        Assert.Contains("Drogerie am Markt", row.TextContent);
    }

    [Fact]
    public async Task ReceiptMissing_TooLarge_OrNotAnImage_IsRefusedAtTheField_AndNothingIsSaved()
    {
        var project = await app.ProjectAsync(grantedCents: 500_00);
        var member = await app.SignedInAsync(ExpensesSetup.Town, project.Member);
        var url = project.Ledger + "/new";

        var missing = await member.SubmitWithFilesAsync(url, "[data-testid=expense-form]", Fields());
        var tooLarge = await member.SubmitWithFilesAsync(url, "[data-testid=expense-form]", Fields(),
            ("Receipt", "gross.pdf", "application/pdf", new byte[ExpenseReceipt.MaxBytes + 1]));
        var notAnImage = await member.SubmitWithFilesAsync(url, "[data-testid=expense-form]", Fields(),
            ("Receipt", "beleg.txt", "text/plain", "Kassenbon 12,80 EUR"u8.ToArray()));

        foreach (var (response, message) in new[] { (missing, "Beleg bei"), (tooLarge, "10 MB"), (notAnImage, "PDF") })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(message, (await Html.ParseAsync(response)).FieldError("Receipt"));
        }

        Assert.False(await app.InTownAsync(ExpensesSetup.Town, db => db.Expenses.AnyAsync(e => e.ProjectBudgetId == project.BudgetId)));
    }

    [Fact]
    public async Task DateInTheFutureOrOutsideThePeriod_IsRefusedAtTheField()
    {
        var project = await app.ProjectAsync(grantedCents: 500_00);
        var member = await app.SignedInAsync(ExpensesSetup.Town, project.Member);
        var fields = Fields();
        fields["Input.SpentOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");

        var answer = await member.SubmitWithFilesAsync(project.Ledger + "/new", "[data-testid=expense-form]", fields,
            ("Receipt", "beleg.pdf", "application/pdf", "%PDF-1.4 x"u8.ToArray()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Contains("Zukunft", (await Html.ParseAsync(answer)).FieldError("Input.SpentOn"));
    }

    [Fact]
    public async Task Receipt_OpensForTheSubmitterAndTheOrganisationsAdmin_Audited_And404ForEveryoneElse()
    {
        var project = await app.ProjectAsync(grantedCents: 500_00);
        var other = await app.ProjectAsync(grantedCents: 500_00);
        var colleague = await app.PersonAsync("exk");
        await app.AddMemberAsync(ExpensesSetup.Town, project.OrganisationId, colleague, OrganisationRole.Member);
        var id = await app.ExpenseAsync(project, project.Member, 12_00);
        var url = project.Receipt(id);

        var submitter = await (await app.SignedInAsync(ExpensesSetup.Town, project.Member)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, submitter.StatusCode);
        Assert.Equal("attachment", submitter.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", submitter.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", submitter.Headers.CacheControl!.ToString());
        var admin = await (await app.SignedInAsync(ExpensesSetup.Town, project.Admin)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("application/pdf", admin.Content.Headers.ContentType?.MediaType);
        var office = await (await app.SignedInAsync(ExpensesSetup.Town, "erlangen-koordination")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(ExpensesSetup.Town, colleague)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(ExpensesSetup.Town, other.Admin)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(ExpensesSetup.Town, other.Member)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(ExpensesSetup.Town, "erlangen-mitglied")).GetAsync(url)).StatusCode);
        // The same address on another town's host, by that town's office: there is no such expense there.
        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync(project.Expense(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync(project.Ledger)).StatusCode);
        var foreignApproval = await potsdam.PostByHandAsync("/", $"/coordination/budgets/expenses?handler=Approve&expenseId={id}");
        Assert.Equal(HttpStatusCode.NotFound, foreignApproval.StatusCode);
        Assert.Equal(ExpenseStatus.Submitted, (await app.ExpenseRowAsync(project, id)).Status);

        var openings = await app.InTownAsync(ExpensesSetup.Town, db => db.AuditEntries
            .Where(a => a.Action == AuditAction.OpenedReceipt && a.SubjectId == id.ToString()).Select(a => a.Actor!.UserName).ToListAsync());
        Assert.Equal(new[] { "erlangen-koordination", project.Admin }.Order(), openings.Order());
    }

    [Fact]
    public async Task ASubmitterOutsideTheOrganisation_AVolunteersReimbursementChargedToIt_OpensTheirOwnReceipt_AndNoOneElses()
    {
        var project = await app.ProjectAsync(grantedCents: 500_00);
        var volunteer = await app.PersonAsync("exv");
        var own = await app.ExpenseAsync(project, volunteer, 8_00);
        var colleagues = await app.ExpenseAsync(project, project.Member, 9_00);
        var client = await app.SignedInAsync(ExpensesSetup.Town, volunteer);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(project.Receipt(own))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(project.Receipt(colleagues))).StatusCode);
    }

    [Fact]
    public async Task RetentionJob_DeletesReceiptsFiveYearsAfterTheBudgetsEnd_AndKeepsTheAmounts()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var old = await app.ProjectAsync(grantedCents: 500_00, startsOn: today.AddYears(-7), endsOn: today.AddYears(-5).AddDays(-2));
        var recent = await app.ProjectAsync(grantedCents: 500_00, startsOn: today.AddYears(-6), endsOn: today.AddYears(-5).AddDays(2));
        var gone = await app.ExpenseAsync(old, old.Member, 30_00, ExpenseStatus.Paid);
        var kept = await app.ExpenseAsync(recent, recent.Member, 30_00, ExpenseStatus.Paid);

        await using (var scope = await app.TownScopeAsync(ExpensesSetup.Town))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExpenseReceiptRetention>().DeleteDueAsync() >= 1);
        }

        var expense = await app.ExpenseRowAsync(old, gone);
        Assert.NotNull(expense.ReceiptDeletedAt);
        Assert.Equal(30_00, expense.AmountCents);
        Assert.False(await app.InTownAsync(ExpensesSetup.Town, db => db.ExpenseReceipts.AnyAsync(r => r.ExpenseId == gone)));
        Assert.True(await app.InTownAsync(ExpensesSetup.Town, db => db.ExpenseReceipts.AnyAsync(r => r.ExpenseId == kept)));
        Assert.Null((await app.ExpenseRowAsync(recent, kept)).ReceiptDeletedAt);
    }
}
