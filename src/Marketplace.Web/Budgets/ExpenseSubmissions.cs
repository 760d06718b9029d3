using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Budgets;

/// <summary>A project budget as the expense form needs it: its period, its state and its plan lines.</summary>
public sealed record SubmissionBudget(int Id, int OrganisationId, string Title, ProjectBudgetStatus Status, DateOnly StartsOn, DateOnly EndsOn,
    IReadOnlyList<SubmissionLine> Lines)
{
    public bool TakesExpenses => Status == ProjectBudgetStatus.Approved;
}

public sealed record SubmissionLine(int Id, CostLines Line, string? Description);

/// <summary>What the submitter typed, checked and converted to cents.</summary>
public sealed record ExpenseDraft(int PlanLineId, long AmountCents, DateOnly SpentOn, string Payee, bool PayeeIsBusiness, string Purpose);

/// <summary>
/// Handing in an expense and completing one that was sent back. The expense and its receipt are saved together, so an
/// expense never exists without the receipt it was handed in with.
/// </summary>
public sealed class ExpenseSubmissions(AppDbContext db, TimeProvider clock)
{
    public async Task<SubmissionBudget?> BudgetAsync(int organisationId, int budgetId, CancellationToken ct = default)
    {
        var budget = await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == budgetId && b.OrganisationId == organisationId)
            .Select(b => new { b.Id, b.OrganisationId, b.Title, b.Status, b.StartsOn, b.EndsOn }).SingleOrDefaultAsync(ct);
        if (budget is null)
        {
            return null;
        }

        var lines = await db.BudgetPlanLines.AsNoTracking().Where(l => l.ProjectBudgetId == budgetId).OrderBy(l => l.Line).ThenBy(l => l.Id)
            .Select(l => new SubmissionLine(l.Id, l.Line, l.Description)).ToListAsync(ct);
        return new SubmissionBudget(budget.Id, budget.OrganisationId, budget.Title, budget.Status, budget.StartsOn, budget.EndsOn, lines);
    }

    public async Task<int> SubmitAsync(SubmissionBudget budget, ExpenseDraft draft, ReceiptFile receipt, string userId)
    {
        var now = clock.GetUtcNow();
        var expense = new Expense
        {
            ProjectBudgetId = budget.Id, PlanLineId = draft.PlanLineId, Kind = ExpenseKind.Expense, SubmittedByUserId = userId, SubmittedAt = now,
            AmountCents = draft.AmountCents, SpentOn = draft.SpentOn, Payee = draft.Payee, PayeeIsBusiness = draft.PayeeIsBusiness,
            Purpose = draft.Purpose, Status = ExpenseStatus.Submitted,
        };
        db.Expenses.Add(expense);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        db.ExpenseReceipts.Add(Receipt(expense.Id, receipt, now));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return expense.Id;
    }

    /// <summary>
    /// The submitter completes an expense sent back as incomplete and hands it in again: it starts over (a first approval
    /// given before no longer counts). A new receipt replaces the old one. False when it is not theirs or not incomplete.
    /// </summary>
    public async Task<bool> CompleteAsync(int expenseId, ExpenseDraft draft, ReceiptFile? receipt, string userId)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await db.Expenses
            .Where(e => e.Id == expenseId && e.SubmittedByUserId == userId && e.Status == ExpenseStatus.Incomplete)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.PlanLineId, draft.PlanLineId)
                .SetProperty(e => e.AmountCents, draft.AmountCents)
                .SetProperty(e => e.SpentOn, draft.SpentOn)
                .SetProperty(e => e.Payee, draft.Payee)
                .SetProperty(e => e.PayeeIsBusiness, draft.PayeeIsBusiness)
                .SetProperty(e => e.Purpose, draft.Purpose)
                .SetProperty(e => e.Status, ExpenseStatus.Submitted)
                .SetProperty(e => e.SubmittedAt, now)
                .SetProperty(e => e.FirstApprovedByUserId, (string?)null)
                .SetProperty(e => e.FirstApprovedAt, (DateTimeOffset?)null));
        if (changed == 0)
        {
            return false;
        }

        if (receipt is not null)
        {
            await db.ExpenseReceipts.Where(r => r.ExpenseId == expenseId).ExecuteDeleteAsync();
            db.ExpenseReceipts.Add(Receipt(expenseId, receipt, now));
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    private static ExpenseReceipt Receipt(int expenseId, ReceiptFile file, DateTimeOffset now) => new()
    {
        ExpenseId = expenseId, ContentType = file.ContentType, FileName = file.FileName, Data = file.Data, UploadedAt = now,
    };
}
