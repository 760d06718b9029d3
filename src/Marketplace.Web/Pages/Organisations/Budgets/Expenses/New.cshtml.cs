using Marketplace.Web.Budgets;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations.Budgets.Expenses;

/// <summary>
/// A member or admin of the organisation hands in an expense against a line of an approved budget, with its receipt
/// (a photo from the phone's camera or a PDF). Anyone else, and any other town, gets a 404.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class NewModel(ExpenseSubmissions submissions, BudgetAccess access, CurrentMember member, TownClock townClock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ExpenseInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Receipt { get; set; }

    public SubmissionBudget Budget { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int budgetId)
    {
        if (await OpenBudgetAsync(id, budgetId) is not { } budget)
        {
            return NotFound();
        }

        Budget = budget;
        Input.SpentOn = townClock.Today();
        // What a browser preselects anyway, written out so that the page says what it will post.
        Input.PlanLineId = budget.Lines.FirstOrDefault()?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int budgetId)
    {
        if (await OpenBudgetAsync(id, budgetId) is not { } budget)
        {
            return NotFound();
        }

        Budget = budget;
        var draft = Input.Validate(ModelState, l, budget, townClock.Today());
        var (receipt, error) = await ReceiptFiles.ReadAsync(Receipt, HttpContext.RequestAborted);
        if (error is { } problem)
        {
            ModelState.AddModelError(nameof(Receipt), ExpenseInput.ReceiptMessage(problem, l));
        }

        if (draft is null || receipt is null)
        {
            return this.InvalidForm();
        }

        var expenseId = await submissions.SubmitAsync(budget, draft, receipt, member.UserId!);
        TempData[HtmxResults.StatusKey] = l["Expenses_Submitted"].Value;
        return Redirect(ExpensePaths.Expense(id, budgetId, expenseId));
    }

    /// <summary>The budget when the reader may submit against it and it takes expenses (approved); otherwise null.</summary>
    private async Task<SubmissionBudget?> OpenBudgetAsync(int organisationId, int budgetId)
    {
        var standing = await access.ForOrganisationAsync(organisationId, HttpContext.RequestAborted);
        if (!standing.MaySubmit)
        {
            return null;
        }

        var budget = await submissions.BudgetAsync(organisationId, budgetId, HttpContext.RequestAborted);
        return budget is { TakesExpenses: true } ? budget : null;
    }
}
