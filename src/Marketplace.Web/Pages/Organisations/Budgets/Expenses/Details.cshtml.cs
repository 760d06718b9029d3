using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations.Budgets.Expenses;

/// <summary>
/// One expense: its facts, receipt link and history, and what the reader may do with it: approve (first or last),
/// reject or return as incomplete with a reason, or, as its submitter, withdraw or complete it. The decisions go through
/// <see cref="ExpenseApprovals"/>, which refuses one's own expense whatever this page shows.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class DetailsModel(AppDbContext db, BudgetAccess access, ExpenseApprovals approvals, CurrentMember member,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public ExpenseView Expense { get; private set; } = null!;
    public BudgetStanding Standing { get; private set; } = BudgetStanding.Nobody;

    /// <summary>The approval the reader would give now (Approved, FirstApproved), or why none.</summary>
    public ExpenseOutcome NextApproval { get; private set; }

    public LineWarning Warning { get; private set; }
    public bool IsOwn { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public bool MayDecideAgainst => !IsOwn && (Standing.OrganisationAdmin || Standing.Office) && Waiting;
    public bool MayApprove => NextApproval is ExpenseOutcome.Approved or ExpenseOutcome.FirstApproved;
    public bool MayOpenReceipt => Expense.HasReceipt && (IsOwn || Standing.MayOpenReceipts);
    private bool Waiting => Expense.Status is ExpenseStatus.Submitted or ExpenseStatus.FirstApproved;

    public async Task<IActionResult> OnGetAsync(int id, int budgetId, int expenseId) =>
        await LoadAsync(id, budgetId, expenseId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(int id, int budgetId, int expenseId)
    {
        if (!await LoadAsync(id, budgetId, expenseId))
        {
            return NotFound();
        }

        var outcome = await approvals.ApproveAsync(expenseId, Standing, member.UserId!);
        return await AnswerAsync(id, budgetId, expenseId, outcome);
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, int budgetId, int expenseId) => await AgainstAsync(id, budgetId, expenseId, incomplete: false);

    public async Task<IActionResult> OnPostIncompleteAsync(int id, int budgetId, int expenseId) => await AgainstAsync(id, budgetId, expenseId, incomplete: true);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int budgetId, int expenseId)
    {
        // Only the submitter takes an expense back; for anyone else there is nothing to withdraw here.
        if (!await LoadAsync(id, budgetId, expenseId) || !IsOwn)
        {
            return NotFound();
        }

        return await AnswerAsync(id, budgetId, expenseId, await approvals.WithdrawAsync(expenseId, member.UserId!));
    }

    private async Task<IActionResult> AgainstAsync(int id, int budgetId, int expenseId, bool incomplete)
    {
        if (!await LoadAsync(id, budgetId, expenseId))
        {
            return NotFound();
        }

        var outcome = await approvals.DecideAgainstAsync(expenseId, Standing, member.UserId!, incomplete, Reason);
        return await AnswerAsync(id, budgetId, expenseId, outcome);
    }

    /// <summary>Success: post-redirect-get, or the decision panel for htmx. Refused: the message, with its status code, and nothing changed.</summary>
    private async Task<IActionResult> AnswerAsync(int id, int budgetId, int expenseId, ExpenseOutcome outcome)
    {
        if (ExpenseAnswers.IsDone(outcome))
        {
            return await this.FormSucceededAsync("_ExpenseDecision", async () => await LoadAsync(id, budgetId, expenseId),
                l[ExpenseAnswers.MessageKey(outcome)].Value, new { id, budgetId, expenseId });
        }

        if (outcome == ExpenseOutcome.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(outcome == ExpenseOutcome.ReasonMissing ? nameof(Reason) : string.Empty, l[ExpenseAnswers.MessageKey(outcome)]);
        await LoadAsync(id, budgetId, expenseId);
        return this.InvalidForm("_ExpenseDecision", ExpenseAnswers.StatusCode(outcome));
    }

    private async Task<bool> LoadAsync(int id, int budgetId, int expenseId)
    {
        Standing = await access.ForOrganisationAsync(id, HttpContext.RequestAborted);
        if (!Standing.MaySee || await ExpenseView.LoadAsync(db, id, budgetId, expenseId, HttpContext.RequestAborted) is not { } expense)
        {
            return false;
        }

        Expense = expense;
        IsOwn = expense.SubmittedByUserId == member.UserId;
        if (await approvals.FactsAsync(expenseId, HttpContext.RequestAborted) is { } facts)
        {
            NextApproval = await approvals.NextApprovalAsync(facts, Standing, member.UserId!);
            Warning = facts.Warning;
        }

        return true;
    }
}
