using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Expenses;

/// <summary>
/// Final approvals at the same moment, on SQLite and (with MARKETPLACE_TEST_PG) PostgreSQL: the budget's conditional
/// update books exactly what its balance covers, and one expense is booked once however often it is approved.
/// </summary>
[Trait("Category", "Database")]
public sealed class ExpensesRaceTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const long Amount = 40_00;

    [Fact]
    public async Task FiftyFinalApprovalsAtOnce_AgainstABalanceForTen_ApproveExactlyTen_AndBookTenAmounts()
    {
        var project = await app.ProjectAsync(grantedCents: 10 * Amount);
        var ids = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await app.ExpenseAsync(project, project.Member, Amount));
        }

        var admin = await app.IdOfAsync(project.Admin);
        var standing = new BudgetStanding(true, true, false, false);

        var outcomes = await Task.WhenAll(ids.Select(id => Task.Run(() => app.ApprovalsAsync(project.Slug, a => a.ApproveAsync(id, standing, admin)))));

        Assert.Equal(10, outcomes.Count(o => o == ExpenseOutcome.Approved));
        Assert.Equal(40, outcomes.Count(o => o == ExpenseOutcome.NotCovered));
        var statuses = await app.InTownAsync(project.Slug, db => db.Expenses.Where(e => e.ProjectBudgetId == project.BudgetId)
            .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(10, statuses.Single(s => s.Key == ExpenseStatus.Approved).Count);
        Assert.Equal(40, statuses.Single(s => s.Key == ExpenseStatus.Submitted).Count);
        Assert.Equal((10 * Amount, 10 * Amount), await app.SpentAsync(project));
        var audited = await app.InTownAsync(project.Slug, db => db.AuditEntries
            .CountAsync(a => a.Action == AuditAction.ApprovedExpense && a.ActorUserId == admin));
        Assert.Equal(10, audited);
    }

    [Fact]
    public async Task TwentyApprovalsOfOneExpenseAtOnce_BookItOnce()
    {
        var project = await app.ProjectAsync(grantedCents: 100 * Amount);
        var id = await app.ExpenseAsync(project, project.Member, Amount);
        var admin = await app.IdOfAsync(project.Admin);
        var standing = new BudgetStanding(true, true, false, false);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => app.ApprovalsAsync(project.Slug, a => a.ApproveAsync(id, standing, admin)))));

        Assert.Single(outcomes, o => o == ExpenseOutcome.Approved);
        Assert.Equal(19, outcomes.Count(o => o == ExpenseOutcome.NotWaiting));
        Assert.Equal((Amount, Amount), await app.SpentAsync(project));
    }
}
