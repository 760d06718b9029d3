using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Organisations.Budgets.Expenses;

/// <summary>One expense with its history as the expense page shows it (names of the people who acted, never the receipt's bytes).</summary>
public sealed record ExpenseView(int Id, int ProjectBudgetId, int OrganisationId, string BudgetTitle, ExpenseKind Kind, CostLines Line, long AmountCents,
    DateOnly SpentOn, string Payee, bool PayeeIsBusiness, string Purpose, ExpenseStatus Status, string SubmittedByUserId, string? SubmittedBy,
    DateTimeOffset SubmittedAt, string? FirstApprovedBy, DateTimeOffset? FirstApprovedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason, DateOnly? PaidOn, string? PaymentReference, bool HasReceipt,
    DateTimeOffset? ReceiptDeletedAt, string? PayeeIban)
{
    public static Task<ExpenseView?> LoadAsync(AppDbContext db, int organisationId, int budgetId, int expenseId, CancellationToken ct) =>
        db.Expenses.AsNoTracking()
            .Where(e => e.Id == expenseId && e.ProjectBudgetId == budgetId && e.ProjectBudget!.OrganisationId == organisationId)
            .Select(e => new ExpenseView(e.Id, e.ProjectBudgetId, e.ProjectBudget!.OrganisationId, e.ProjectBudget.Title, e.Kind, e.PlanLine!.Line,
                e.AmountCents, e.SpentOn, e.Payee, e.PayeeIsBusiness, e.Purpose, e.Status, e.SubmittedByUserId, e.SubmittedBy!.UserName,
                e.SubmittedAt, db.Users.Where(u => u.Id == e.FirstApprovedByUserId).Select(u => u.UserName).FirstOrDefault(), e.FirstApprovedAt,
                db.Users.Where(u => u.Id == e.ApprovedByUserId).Select(u => u.UserName).FirstOrDefault(), e.ApprovedAt,
                db.Users.Where(u => u.Id == e.DecidedByUserId).Select(u => u.UserName).FirstOrDefault(), e.DecidedAt, e.DecisionReason,
                e.PaidOn, e.PaymentReference, db.ExpenseReceipts.Any(r => r.ExpenseId == e.Id), e.ReceiptDeletedAt,
                e.PayeeIban))
            .SingleOrDefaultAsync(ct);
}
