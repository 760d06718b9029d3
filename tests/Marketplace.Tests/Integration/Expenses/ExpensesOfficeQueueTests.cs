using System.Net;
using System.Text;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Expenses;

/// <summary>The office's queue: what waits for it, paged in the database; payments marked; approved rows exported for the cash office.</summary>
[Trait("Category", "Database")]
public sealed class ExpensesOfficeQueueTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Queue = "/coordination/budgets/expenses";
    private const string Office = "erlangen-koordination";

    [Fact]
    public async Task WaitingRows_ArePagedByTwenty_OldestFirst_AndFilteredByOrganisation()
    {
        var project = await app.ProjectAsync(grantedCents: 100_000_00);
        var firstApprover = project.Admin;
        var ids = new List<int>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await app.ExpenseAsync(project, project.Member, 300_00, ExpenseStatus.FirstApproved, firstApprover));
        }

        var office = await app.SignedInAsync(ExpensesSetup.Town, Office);
        var first = await office.GetPageAsync($"{Queue}?organisation={project.OrganisationId}");
        var second = await office.GetPageAsync($"{Queue}?organisation={project.OrganisationId}&p=2");

        var rows = first.QuerySelectorAll("[data-testid=expense-row]").Select(r => int.Parse(r.GetAttribute("data-id")!)).ToList();
        Assert.Equal(ids.Take(20), rows);
        Assert.Equal(ids.Skip(20), second.QuerySelectorAll("[data-testid=expense-row]").Select(r => int.Parse(r.GetAttribute("data-id")!)));
        Assert.Contains("25", first.TestId("expense-total"));
        Assert.NotNull(first.QuerySelector("[data-testid=expense-next]"));
        Assert.Equal(20, first.QuerySelectorAll("[data-testid=approve-expense]").Length);
    }

    [Fact]
    public async Task ApprovingInTheQueueWithHtmx_AnswersTheQueueFragment()
    {
        var project = await app.ProjectAsync(grantedCents: 1_000_00);
        var id = await app.ExpenseAsync(project, project.Member, 300_00, ExpenseStatus.FirstApproved, project.Admin);
        var office = await app.SignedInAsync(ExpensesSetup.Town, Office);

        var answer = await office.PostByHandAsync("/", $"{Queue}?handler=Approve&expenseId={id}&organisation={project.OrganisationId}", htmx: true);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.StartsWith("<div id=\"expense-queue\">", (await answer.Content.ReadAsStringAsync()).Trim());
        Assert.Equal(ExpenseStatus.Approved, (await app.ExpenseRowAsync(project, id)).Status);
    }

    [Fact]
    public async Task TheRowsShareOneFormWithOneToken_AndRejectOrReturnLeadsToTheExpensesOwnPage()
    {
        var project = await app.ProjectAsync(grantedCents: 1_000_00);
        var kept = await app.ExpenseAsync(project, project.Member, 300_00, ExpenseStatus.FirstApproved, project.Admin);
        var returned = await app.ExpenseAsync(project, project.Member, 310_00, ExpenseStatus.FirstApproved, project.Admin);
        var office = await app.SignedInAsync(ExpensesSetup.Town, Office);

        var page = await office.GetPageAsync($"{Queue}?organisation={project.OrganisationId}");

        Assert.Single(page.QuerySelectorAll("#expense-queue input[name=__RequestVerificationToken]"));
        // Enter in a row's field presses the form's default button, which does nothing rather than approve the first row.
        Assert.True(page.QuerySelector("[data-testid=expense-actions] button[type=submit]")!.HasAttribute("disabled"));
        var link = page.QuerySelector($"[data-testid=expense-row][data-id='{returned}'] a[data-testid=decide-against]")!.GetAttribute("href")!;
        Assert.Equal(project.Expense(returned) + "#expense-decision", link);
        var expensePage = await office.GetPageAsync(project.Expense(returned));
        var answer = await office.PressAsync(expensePage.QuerySelector("[data-testid=decide-against-form] [data-testid=incomplete-expense]")!,
            project.Expense(returned), new Dictionary<string, string> { ["Reason"] = "Bitte die Rechnung nachreichen." });

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var row = await app.ExpenseRowAsync(project, returned);
        Assert.Equal(ExpenseStatus.Incomplete, row.Status);
        Assert.Equal("Bitte die Rechnung nachreichen.", row.DecisionReason);
        Assert.Equal(ExpenseStatus.FirstApproved, (await app.ExpenseRowAsync(project, kept)).Status);
    }

    [Fact]
    public async Task ProjectFilter_OffersAnOrganisationsProjects_OnceTheOrganisationIsChosen()
    {
        var project = await app.ProjectAsync(grantedCents: 1_000_00);
        var office = await app.SignedInAsync(ExpensesSetup.Town, Office);

        var unfiltered = await office.GetPageAsync(Queue);
        var chosen = await office.GetPageAsync($"{Queue}?organisation={project.OrganisationId}");

        Assert.Single(unfiltered.QuerySelectorAll("#filter-project option"));
        Assert.NotNull(unfiltered.QuerySelector("[data-testid=expense-project-hint]"));
        Assert.Contains(chosen.QuerySelectorAll("#filter-project option"), o => o.GetAttribute("value") == project.BudgetId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(chosen.QuerySelector("[data-testid=expense-project-hint]"));
    }

    [Fact]
    public async Task ADecision_ShowsAtOnceInTheKeptQueue_OfTheOneWhoMadeIt_AndOfAnotherCoordinator()
    {
        var project = await app.ProjectAsync(grantedCents: 1_000_00);
        var id = await app.ExpenseAsync(project, project.Member, 300_00, ExpenseStatus.FirstApproved, project.Admin);
        var office = await app.SignedInAsync(ExpensesSetup.Town, Office);
        var colleague = await app.SignedInAsync(ExpensesSetup.Town, await app.PersonAsync("exq", TownRole.Coordinator));
        var url = $"{Queue}?organisation={project.OrganisationId}";
        var row = $"[data-testid=expense-row][data-id='{id}']";
        Assert.NotNull((await colleague.GetPageAsync(url)).QuerySelector(row));
        var page = await office.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await office.PressAsync(page.QuerySelector($"{row} [data-testid=approve-expense]")!, Queue)).StatusCode);

        Assert.Null((await office.GetPageAsync(url)).QuerySelector(row));
        Assert.Null((await colleague.GetPageAsync(url)).QuerySelector(row));
        Assert.NotNull((await office.GetPageAsync($"{url}&state=Approved")).QuerySelector(row));
    }

    [Fact]
    public async Task TheOfficeMarksAnApprovedExpensePaid_WithDateAndReference_Audited_AndRefusesItWithoutReference()
    {
        var project = await app.ProjectAsync(grantedCents: 1_000_00);
        var id = await app.ExpenseAsync(project, project.Member, 45_00, ExpenseStatus.Approved);
        var office = await app.SignedInAsync(ExpensesSetup.Town, Office);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");

        var page = await office.GetPageAsync($"{Queue}?state=Approved&organisation={project.OrganisationId}");
        // The row's fields and button are in the queue's one form, named by the row.
        var button = page.QuerySelector($"[data-testid=expense-row][data-id='{id}'] [data-testid=paid-form] [data-testid=paid-expense]")!;
        Assert.Equal($"reference[{id}]", page.QuerySelector($"[data-testid=expense-row][data-id='{id}'] [data-testid=paid-reference]")!.GetAttribute("name"));
        var noReference = await office.PressAsync(button, Queue, new Dictionary<string, string> { [$"reference[{id}]"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReference.StatusCode);
        Assert.Equal(ExpenseStatus.Approved, (await app.ExpenseRowAsync(project, id)).Status);

        var paid = await office.PressAsync(button, Queue, new Dictionary<string, string> { [$"paidOn[{id}]"] = today, [$"reference[{id}]"] = "KA-2026-0042" });

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var row = await app.ExpenseRowAsync(project, id);
        Assert.Equal(ExpenseStatus.Paid, row.Status);
        Assert.Equal("KA-2026-0042", row.PaymentReference);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), row.PaidOn);
        Assert.True(await app.InTownAsync(ExpensesSetup.Town, db => db.AuditEntries
            .AnyAsync(a => a.Action == AuditAction.MarkedExpensePaid && a.SubjectId == id.ToString())));
        var again = await office.PressAsync(button, Queue, new Dictionary<string, string> { [$"paidOn[{id}]"] = today, [$"reference[{id}]"] = "KA-2" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task TickedApprovedRows_ExportAsFormulaSafeCsv_WithTheIbanOfReimbursements_Audited()
    {
        var project = await app.ProjectAsync(grantedCents: 1_000_00);
        var expense = await app.ExpenseAsync(project, project.Member, 45_00, ExpenseStatus.Approved);
        var claim = await app.ExpenseAsync(project, project.Member, 12_60, ExpenseStatus.Approved);
        var waiting = await app.ExpenseAsync(project, project.Member, 10_00);
        await app.InTownAsync(ExpensesSetup.Town, async db =>
        {
            await db.Expenses.Where(e => e.Id == claim).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Kind, ExpenseKind.Reimbursement).SetProperty(e => e.PayeeIban, "DE02120300000000202051")
                .SetProperty(e => e.Payee, "=HYPERLINK(\"http://evil.example\")"));
            return 0;
        });
        var office = await app.SignedInAsync(ExpensesSetup.Town, Office);
        var page = await office.GetPageAsync($"{Queue}?state=Approved&organisation={project.OrganisationId}");
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=expense-select]").Length);

        var answer = await office.SubmitAsync(page.Form("[data-testid=expense-export-form]"), Queue,
            new Dictionary<string, string> { ["ids"] = $"{expense}|{claim}|{waiting}" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/csv", answer.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await answer.Content.ReadAsByteArrayAsync());
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("45.00", csv);
        Assert.Contains("DE02120300000000202051", csv);
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(";=HYPERLINK", csv);
        Assert.Contains($"erlangen-{project.BudgetId}-{claim}", csv);
        Assert.True(await app.InTownAsync(ExpensesSetup.Town, db => db.AuditEntries
            .AnyAsync(a => a.Action == AuditAction.ExportedPayments && a.Detail!.Contains($"{expense},{claim}"))));
    }
}
