using System.Net;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Expenses;

/// <summary>Who approves what: never one's own expense by any route; above the threshold two different people, the office last.</summary>
[Trait("Category", "Database")]
public sealed class ExpensesApprovalTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Queue = "/coordination/budgets/expenses";

    [Fact]
    public async Task Submitter_CannotApproveTheirOwnExpense_ByPage_Fragment_OrTheOfficeQueue()
    {
        // The submitter is an admin of the organisation and a coordinator: every standing that approves, except being someone else.
        var project = await app.ProjectAsync(grantedCents: 1_000_00);
        var both = await app.PersonAsync("exc", TownRole.Coordinator);
        await app.AddMemberAsync(ExpensesSetup.Town, project.OrganisationId, both, OrganisationRole.Admin);
        var id = await app.ExpenseAsync(project, both, 50_00);
        var client = await app.SignedInAsync(ExpensesSetup.Town, both);

        var page = await client.GetPageAsync(project.Expense(id));
        Assert.Null(page.QuerySelector("[data-testid=approve-expense]"));
        Assert.NotNull(page.QuerySelector("[data-testid=self-decision]"));
        var queue = await client.GetPageAsync(Queue + "?state=Submitted");
        Assert.Null(queue.QuerySelector($"[data-testid=expense-row][data-id='{id}'] [data-testid=approve-expense]"));

        var byPage = await client.PostByHandAsync("/", project.Expense(id) + "?handler=Approve");
        var byFragment = await client.PostByHandAsync("/", project.Expense(id) + "?handler=Approve", htmx: true);
        var byQueue = await client.PostByHandAsync("/", $"{Queue}?handler=Approve&expenseId={id}");
        var rejectOwn = await client.PostByHandAsync("/", project.Expense(id) + "?handler=Reject", new() { ["Reason"] = "passt nicht" });

        Assert.All(new[] { byPage, byFragment, byQueue, rejectOwn }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Contains("Eigene Ausgaben gibt jemand anderes frei", await byFragment.Content.ReadAsStringAsync());
        var row = await app.ExpenseRowAsync(project, id);
        Assert.Equal(ExpenseStatus.Submitted, row.Status);
        Assert.Null(row.ApprovedByUserId);
        Assert.Equal((0L, 0L), await app.SpentAsync(project));
    }

    [Fact]
    public async Task AboveTheThreshold_TheOrganisationApprovesFirst_AndADifferentPersonOfTheOfficeLast()
    {
        var project = await app.ProjectAsync(grantedCents: 1_000_00);
        // The organisation's admin is also a coordinator, so only "the same person" stops the second approval.
        var adminAndOffice = await app.PersonAsync("exo", TownRole.Coordinator);
        await app.AddMemberAsync(ExpensesSetup.Town, project.OrganisationId, adminAndOffice, OrganisationRole.Admin);
        var office = await app.PersonAsync("exf", TownRole.Coordinator);
        var id = await app.ExpenseAsync(project, project.Member, 300_00);

        // The office cannot give the first approval of an initiative's expense.
        var officeClient = await app.SignedInAsync(ExpensesSetup.Town, office);
        var tooEarly = await officeClient.PostByHandAsync("/", $"{Queue}?handler=Approve&expenseId={id}");
        Assert.Equal(HttpStatusCode.Forbidden, tooEarly.StatusCode);
        Assert.Equal(ExpenseStatus.Submitted, (await app.ExpenseRowAsync(project, id)).Status);

        var first = await app.SignedInAsync(ExpensesSetup.Town, adminAndOffice);
        var firstPage = await first.GetPageAsync(project.Expense(id));
        var firstAnswer = await first.PressAsync(firstPage.QuerySelector("[data-testid=approve-expense]")!, project.Expense(id));
        Assert.Equal(HttpStatusCode.Redirect, firstAnswer.StatusCode);
        Assert.Equal(ExpenseStatus.FirstApproved, (await app.ExpenseRowAsync(project, id)).Status);
        Assert.Equal((0L, 0L), await app.SpentAsync(project));

        // The same person once more, by the page and by the office queue: refused.
        var again = await first.PostByHandAsync("/", project.Expense(id) + "?handler=Approve");
        var againInQueue = await first.PostByHandAsync("/", $"{Queue}?handler=Approve&expenseId={id}", htmx: true);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, againInQueue.StatusCode);
        Assert.Contains("andere Person", await againInQueue.Content.ReadAsStringAsync());
        Assert.Equal(ExpenseStatus.FirstApproved, (await app.ExpenseRowAsync(project, id)).Status);

        // A different coordinator finds it waiting in the queue and approves it last: booked.
        var queue = await officeClient.GetPageAsync(Queue);
        var button = queue.QuerySelector($"[data-testid=expense-row][data-id='{id}'] [data-testid=approve-expense]");
        Assert.NotNull(button);
        Assert.Equal(HttpStatusCode.Redirect, (await officeClient.PressAsync(button!, Queue)).StatusCode);
        var approved = await app.ExpenseRowAsync(project, id);
        Assert.Equal(ExpenseStatus.Approved, approved.Status);
        Assert.Equal(await app.IdOfAsync(adminAndOffice), approved.FirstApprovedByUserId);
        Assert.Equal(await app.IdOfAsync(office), approved.ApprovedByUserId);
        Assert.Equal((300_00L, 300_00L), await app.SpentAsync(project));

        var ledger = await officeClient.GetPageAsync(project.Ledger);
        Assert.Contains(adminAndOffice, ledger.QuerySelector($"[data-testid=expense-row][data-id='{id}']")!.TextContent);
        Assert.Contains("700,00", ledger.TestId("balance"));
    }

    [Fact]
    public async Task UpToTheThreshold_OneApprovalOfTheOrganisationsAdmin_BooksIt_AndABalanceTooSmallIsRefusedWithAMessage()
    {
        var project = await app.ProjectAsync(grantedCents: 100_00, lineCents: 60_00);
        var fits = await app.ExpenseAsync(project, project.Member, 70_00);
        var tooMuch = await app.ExpenseAsync(project, project.Member, 40_00);
        var admin = await app.SignedInAsync(ExpensesSetup.Town, project.Admin);

        var page = await admin.GetPageAsync(project.Expense(fits));
        Assert.Contains("100 %", page.TestId("line-warning"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PressAsync(page.QuerySelector("[data-testid=approve-expense]")!, project.Expense(fits))).StatusCode);
        Assert.Equal(ExpenseStatus.Approved, (await app.ExpenseRowAsync(project, fits)).Status);

        var refused = await admin.PressAsync((await admin.GetPageAsync(project.Expense(tooMuch))).QuerySelector("[data-testid=approve-expense]")!,
            project.Expense(tooMuch));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("deckt diese Ausgabe nicht", (await Html.ParseAsync(refused)).TestId("expense-refused"));
        Assert.Equal(ExpenseStatus.Submitted, (await app.ExpenseRowAsync(project, tooMuch)).Status);
        Assert.Equal((70_00L, 70_00L), await app.SpentAsync(project));
    }

    [Fact]
    public async Task RejectWithoutReason_Is400WithAMessageAtTheField_AndWithAReason_MailsTheSubmitterTheReason()
    {
        var project = await app.ProjectAsync(grantedCents: 500_00);
        var id = await app.ExpenseAsync(project, project.Member, 20_00);
        var admin = await app.SignedInAsync(ExpensesSetup.Town, project.Admin);
        var page = await admin.GetPageAsync(project.Expense(id));
        var form = page.Form("[data-testid=decide-against-form]");

        var empty = await admin.SubmitAsync(form, project.Expense(id), new Dictionary<string, string> { ["Reason"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull((await Html.ParseAsync(empty)).FieldError("Reason"));
        var emptyHtmx = await admin.HtmxSubmitAsync(form, new Dictionary<string, string> { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, emptyHtmx.StatusCode);
        Assert.StartsWith("<div id=\"expense-decision\">", (await emptyHtmx.Content.ReadAsStringAsync()).Trim());
        Assert.Equal(ExpenseStatus.Submitted, (await app.ExpenseRowAsync(project, id)).Status);

        var reason = "Der Beleg ist eine Bestellbestätigung, bitte die Rechnung nachreichen.";
        var done = await admin.SubmitAsync(form, project.Expense(id), new Dictionary<string, string> { ["Reason"] = reason });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var row = await app.ExpenseRowAsync(project, id);
        Assert.Equal(ExpenseStatus.Rejected, row.Status);
        Assert.Equal(reason, row.DecisionReason);

        var mail = await app.Smtp.WaitForAsync(OrganisationSetup.EmailOf(project.Member));
        Assert.Contains("Abgelehnt", mail.Subject);
        Assert.Contains(reason, mail.TextBody);
        Assert.Contains(project.Expense(id), mail.TextBody);
        Assert.Equal(1, await app.InTownAsync(ExpensesSetup.Town, db => db.AuditEntries
            .CountAsync(a => a.Action == AuditAction.RejectedExpense && a.SubjectId == id.ToString())));
    }

    [Fact]
    public async Task ReturnedAsIncomplete_TheSubmitterCompletesIt_AndItStartsOver()
    {
        var project = await app.ProjectAsync(grantedCents: 500_00);
        var id = await app.ExpenseAsync(project, project.Member, 20_00);
        var admin = await app.SignedInAsync(ExpensesSetup.Town, project.Admin);
        var page = await admin.GetPageAsync(project.Expense(id));
        Assert.NotNull(page.QuerySelector("[data-testid=incomplete-expense]"));

        var returned = await admin.PostByHandAsync("/", project.Expense(id) + "?handler=Incomplete", new() { ["Reason"] = "Bitte den Zweck genauer." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(ExpenseStatus.Incomplete, (await app.ExpenseRowAsync(project, id)).Status);

        var member = await app.SignedInAsync(ExpensesSetup.Town, project.Member);
        var edit = project.Expense(id) + "/edit";
        var answer = await member.SubmitWithFilesAsync(edit, "[data-testid=expense-form]",
            new Dictionary<string, string> { ["Input.Purpose"] = "Stifte und Papier für den Deutschkurs am Dienstag", ["Input.Amount"] = "22,50" });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var row = await app.ExpenseRowAsync(project, id);
        Assert.Equal(ExpenseStatus.Submitted, row.Status);
        Assert.Equal(22_50, row.AmountCents);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(edit)).StatusCode);
    }

    [Fact]
    public async Task AMemberWhoIsNotAdmin_CannotApprove_AndTheSubmitterWithdrawsTheirExpense()
    {
        var project = await app.ProjectAsync(grantedCents: 500_00);
        var colleague = await app.PersonAsync("exw");
        await app.AddMemberAsync(ExpensesSetup.Town, project.OrganisationId, colleague, OrganisationRole.Member);
        var id = await app.ExpenseAsync(project, project.Member, 15_00);

        var other = await app.SignedInAsync(ExpensesSetup.Town, colleague);
        Assert.Null((await other.GetPageAsync(project.Expense(id))).QuerySelector("[data-testid=approve-expense]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostByHandAsync("/", project.Expense(id) + "?handler=Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostByHandAsync("/", project.Expense(id) + "?handler=Withdraw")).StatusCode);
        Assert.Equal(ExpenseStatus.Submitted, (await app.ExpenseRowAsync(project, id)).Status);

        var submitter = await app.SignedInAsync(ExpensesSetup.Town, project.Member);
        var page = await submitter.GetPageAsync(project.Expense(id));
        Assert.Equal(HttpStatusCode.Redirect, (await submitter.PressAsync(page.QuerySelector("[data-testid=withdraw-expense]")!, project.Expense(id))).StatusCode);
        Assert.Equal(ExpenseStatus.Withdrawn, (await app.ExpenseRowAsync(project, id)).Status);
        Assert.Null((await submitter.GetPageAsync(project.Ledger)).QuerySelector($"[data-testid=expense-row][data-id='{id}']"));
    }
}
