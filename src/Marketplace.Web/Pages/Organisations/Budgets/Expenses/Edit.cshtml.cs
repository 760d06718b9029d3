using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations.Budgets.Expenses;

/// <summary>
/// The submitter completes an expense that came back as incomplete (fields, optionally a new receipt) and hands it in
/// again. Only their own, only while incomplete and while they are still a member; otherwise a 404.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class EditModel(AppDbContext db, ExpenseSubmissions submissions, BudgetAccess access, CurrentMember member, TownClock townClock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ExpenseInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Receipt { get; set; }

    public SubmissionBudget Budget { get; private set; } = null!;
    public string? DecisionReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int budgetId, int expenseId)
    {
        if (await OwnIncompleteAsync(id, budgetId, expenseId) is not { } expense)
        {
            return NotFound();
        }

        Input = ExpenseInput.From(expense);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int budgetId, int expenseId)
    {
        if (await OwnIncompleteAsync(id, budgetId, expenseId) is null)
        {
            return NotFound();
        }

        var draft = Input.Validate(ModelState, l, Budget, townClock.Today());
        ReceiptFile? receipt = null;
        if (Receipt is { Length: > 0 })
        {
            (receipt, var error) = await ReceiptFiles.ReadAsync(Receipt, HttpContext.RequestAborted);
            if (error is { } problem)
            {
                ModelState.AddModelError(nameof(Receipt), ExpenseInput.ReceiptMessage(problem, l));
            }
        }

        if (draft is null || !ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        if (!await submissions.CompleteAsync(expenseId, draft, receipt, member.UserId!))
        {
            return NotFound();
        }

        TempData[HtmxResults.StatusKey] = l["Expenses_Resubmitted"].Value;
        return Redirect(ExpensePaths.Expense(id, budgetId, expenseId));
    }

    private async Task<Expense?> OwnIncompleteAsync(int organisationId, int budgetId, int expenseId)
    {
        var standing = await access.ForOrganisationAsync(organisationId, HttpContext.RequestAborted);
        if (!standing.MaySubmit || await submissions.BudgetAsync(organisationId, budgetId, HttpContext.RequestAborted) is not { TakesExpenses: true } budget)
        {
            return null;
        }

        var userId = member.UserId!;
        var expense = await db.Expenses.AsNoTracking().SingleOrDefaultAsync(e => e.Id == expenseId && e.ProjectBudgetId == budgetId
            && e.SubmittedByUserId == userId && e.Status == ExpenseStatus.Incomplete && e.Kind == ExpenseKind.Expense, HttpContext.RequestAborted);
        Budget = budget;
        DecisionReason = expense?.DecisionReason;
        return expense;
    }
}
