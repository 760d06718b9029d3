using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Expenses;

/// <summary>The demo town's expenses: every state where a budget is approved, and the booked sums are what the budgets say they spent.</summary>
[Trait("Category", "Database")]
public sealed class ExpensesDemoTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task DemoExpenses_AreInEveryState_AndTheirBookedSums_AreTheBudgetsAndLinesSpentCents()
    {
        var demo = await app.InTownAsync(ExpensesSetup.Town, async db => new
        {
            Budgets = await db.ProjectBudgets.AsNoTracking().Where(b => b.Status == ProjectBudgetStatus.Approved || b.Status == ProjectBudgetStatus.Closed)
                .Select(b => new
                {
                    b.Id, b.OrganisationId, b.SpentCents, b.GrantedCents,
                    Booked = db.Expenses.Where(e => e.ProjectBudgetId == b.Id && (e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid))
                        .Sum(e => (long?)e.AmountCents) ?? 0,
                })
                .ToListAsync(),
            Lines = await db.BudgetPlanLines.AsNoTracking().Select(l => new
            {
                l.SpentCents,
                Booked = db.Expenses.Where(e => e.PlanLineId == l.Id && (e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid))
                    .Sum(e => (long?)e.AmountCents) ?? 0,
            }).ToListAsync(),
            States = await db.Expenses.Select(e => e.Status).Distinct().ToListAsync(),
            SelfOrSameApprover = await db.Expenses.CountAsync(e => e.ApprovedByUserId == e.SubmittedByUserId
                || e.FirstApprovedByUserId == e.SubmittedByUserId || (e.FirstApprovedByUserId != null && e.FirstApprovedByUserId == e.ApprovedByUserId)),
            WithoutReceipt = await db.Expenses.CountAsync(e => !db.ExpenseReceipts.Any(r => r.ExpenseId == e.Id)),
        });

        Assert.All(demo.Budgets, b => Assert.Equal(b.Booked, b.SpentCents));
        Assert.All(demo.Budgets, b => Assert.True(b.SpentCents <= b.GrantedCents));
        Assert.All(demo.Lines, l => Assert.Equal(l.Booked, l.SpentCents));
        Assert.Equal(0, demo.WithoutReceipt);
        Assert.Equal(0, demo.SelfOrSameApprover);
        if (demo.States.Count > 0)
        {
            Assert.Empty(new[]
            {
                ExpenseStatus.Submitted, ExpenseStatus.FirstApproved, ExpenseStatus.Approved, ExpenseStatus.Incomplete, ExpenseStatus.Rejected,
                ExpenseStatus.Paid,
            }.Except(demo.States));
            var office = await app.SignedInAsync(ExpensesSetup.Town, "erlangen-koordination");
            var queue = await office.GetPageAsync("/coordination/budgets/expenses");
            Assert.NotEmpty(queue.QuerySelectorAll("[data-testid=expense-row]"));
            foreach (var budget in demo.Budgets)
            {
                var ledger = await office.GetAsync($"/organisations/{budget.OrganisationId}/budgets/{budget.Id}/expenses");
                Assert.Equal(HttpStatusCode.OK, ledger.StatusCode);
            }
        }
    }
}
