using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Expenses;

/// <summary>Projects with approved budgets, their people and expenses, written straight to a town's database for each test.</summary>
public static class ExpensesSetup
{
    public const string Town = "erlangen";

    public sealed record Project(string Slug, int OrganisationId, int BudgetId, int LineId, string Admin, string Member)
    {
        public string Ledger => ExpensePaths.Ledger(OrganisationId, BudgetId);

        public string Expense(int id) => ExpensePaths.Expense(OrganisationId, BudgetId, id);

        public string Receipt(int id) => ExpensePaths.Receipt(OrganisationId, BudgetId, id);
    }

    /// <summary>A confirmed town member (or coordinator) with a fresh name; returns the name.</summary>
    public static async Task<string> PersonAsync(this MarketplaceFactory app, string prefix, TownRole role = TownRole.Member, string slug = Town,
        string? culture = null)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
        var id = await app.CreateMemberAsync(slug, name, culture: culture);
        if (role != TownRole.Member)
        {
            await app.InTownAsync(slug, db => db.Memberships.Where(m => m.UserId == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Role, role)));
        }

        return name;
    }

    /// <summary>
    /// An approved organisation with a fresh admin and member, and an approved budget of <paramref name="grantedCents"/> with
    /// one material line approved for <paramref name="lineCents"/> (the whole grant when not given), running this year.
    /// </summary>
    public static async Task<Project> ProjectAsync(this MarketplaceFactory app, long grantedCents, long? lineCents = null, string slug = Town,
        OrganisationType type = OrganisationType.Initiative, DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        var admin = await app.PersonAsync("exa", slug: slug);
        var member = await app.PersonAsync("exm", slug: slug);
        var organisationId = await app.CreateOrganisationAsync(slug, admin, OrganisationSetup.UniqueName("Initiative"), OrganisationStatus.Approved, type);
        await app.AddMemberAsync(slug, organisationId, member, OrganisationRole.Member);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (budgetId, lineId) = await app.InTownAsync(slug, async db =>
        {
            var adminId = await db.Users.Where(u => u.UserName == admin).Select(u => u.Id).SingleAsync();
            var fund = new Fund
            {
                Name = OrganisationSetup.UniqueName("Fonds"), Source = FundSource.MunicipalBudget, AmountCents = grantedCents * 10, AllocatedCents = grantedCents,
                StartsOn = today.AddYears(-8), EndsOn = today.AddYears(2), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Funds.Add(fund);
            await db.SaveChangesAsync();
            var budget = new ProjectBudget
            {
                OrganisationId = organisationId, FundId = fund.Id, Title = OrganisationSetup.UniqueName("Projekt"), Description = "Wir machen etwas.",
                Goals = "Es wird besser.", StartsOn = startsOn ?? today.AddMonths(-6), EndsOn = endsOn ?? today.AddMonths(6), RequestedCents = grantedCents,
                GrantedCents = grantedCents, Status = ProjectBudgetStatus.Approved, AppliedByUserId = adminId, AppliedAt = DateTimeOffset.UtcNow,
            };
            budget.Lines.Add(new BudgetPlanLine { Line = CostLines.Material, RequestedCents = lineCents ?? grantedCents, ApprovedCents = lineCents ?? grantedCents });
            db.ProjectBudgets.Add(budget);
            await db.SaveChangesAsync();
            return (budget.Id, budget.Lines[0].Id);
        });
        return new Project(slug, organisationId, budgetId, lineId, admin, member);
    }

    /// <summary>An expense handed in by <paramref name="submitter"/> with a small PDF receipt; returns its id.</summary>
    public static Task<int> ExpenseAsync(this MarketplaceFactory app, Project project, string submitter, long amountCents,
        ExpenseStatus status = ExpenseStatus.Submitted, string? firstApprover = null) =>
        app.InTownAsync(project.Slug, async db =>
        {
            var userId = await db.Users.Where(u => u.UserName == submitter).Select(u => u.Id).SingleAsync();
            var firstId = firstApprover is null ? null : await db.Users.Where(u => u.UserName == firstApprover).Select(u => u.Id).SingleAsync();
            var expense = new Expense
            {
                ProjectBudgetId = project.BudgetId, PlanLineId = project.LineId, SubmittedByUserId = userId, SubmittedAt = DateTimeOffset.UtcNow,
                AmountCents = amountCents, SpentOn = DateOnly.FromDateTime(DateTime.UtcNow), Payee = "Schreibwaren Huber", PayeeIsBusiness = true,
                Purpose = "Stifte und Papier", Status = status, FirstApprovedByUserId = firstId, FirstApprovedAt = firstId is null ? null : DateTimeOffset.UtcNow,
            };
            db.Expenses.Add(expense);
            await db.SaveChangesAsync();
            db.ExpenseReceipts.Add(new ExpenseReceipt
            {
                ExpenseId = expense.Id, ContentType = ReceiptFiles.PdfContentType, FileName = "beleg.pdf", Data = "%PDF-1.4 beleg"u8.ToArray(),
                UploadedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return expense.Id;
        });

    public static Task<Expense> ExpenseRowAsync(this MarketplaceFactory app, Project project, int id) =>
        app.InTownAsync(project.Slug, db => db.Expenses.AsNoTracking().SingleAsync(e => e.Id == id));

    public static Task<(long Budget, long Line)> SpentAsync(this MarketplaceFactory app, Project project) =>
        app.InTownAsync(project.Slug, async db => (
            await db.ProjectBudgets.Where(b => b.Id == project.BudgetId).Select(b => b.SpentCents).SingleAsync(),
            await db.BudgetPlanLines.Where(l => l.Id == project.LineId).Select(l => l.SpentCents).SingleAsync()));

    /// <summary>Runs the approval service in a town scope of its own, as a request would.</summary>
    public static async Task<T> ApprovalsAsync<T>(this MarketplaceFactory app, string slug, Func<ExpenseApprovals, Task<T>> work)
    {
        await using var scope = await app.TownScopeAsync(slug);
        return await work(scope.ServiceProvider.GetRequiredService<ExpenseApprovals>());
    }

    public static Task<string> IdOfAsync(this MarketplaceFactory app, string userName) => app.UserIdAsync(userName);

    /// <summary>Posts a form built by hand (with the client's antiforgery token), optionally as htmx.</summary>
    public static async Task<HttpResponseMessage> PostByHandAsync(this HttpClient client, string tokenPage, string url, Dictionary<string, string>? fields = null,
        bool htmx = false)
    {
        var token = await client.TokenFromAsync(tokenPage);
        var values = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token };
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(values) };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
        }

        return await client.SendAsync(request);
    }
}
