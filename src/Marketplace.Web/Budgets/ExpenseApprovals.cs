using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Budgets;

/// <summary>What became of an approval, a rejection, "incomplete", a payment or a withdrawal.</summary>
public enum ExpenseOutcome
{
    /// <summary>Finally approved and booked against the budget.</summary>
    Approved,

    /// <summary>First approval of an amount above the town's threshold; the office approves last.</summary>
    FirstApproved,

    Rejected,
    ReturnedIncomplete,
    Paid,
    Withdrawn,

    /// <summary>No such expense in the town, or the reader may not see it.</summary>
    NotFound,

    /// <summary>The decider submitted it: nobody approves or decides their own expense.</summary>
    OwnSubmission,

    /// <summary>The first approval of an amount above the threshold was given by this person; a second one must approve.</summary>
    SameApprover,

    /// <summary>The reader's standing does not allow this step (e.g. the office giving the first approval of another's expense).</summary>
    NotAllowed,

    /// <summary>Not (or no longer) in a state this step applies to: decided by someone else meanwhile, or a double click.</summary>
    NotWaiting,

    /// <summary>The budget's remaining amount does not cover it, or the budget is not approved; nothing was booked.</summary>
    NotCovered,

    /// <summary>Rejecting or returning needs a reason.</summary>
    ReasonMissing,
}

/// <summary>How far a plan line would be used if an expense were booked on it.</summary>
public enum LineWarning
{
    None,

    /// <summary>At or above 80 % of the line's approved amount.</summary>
    Nearly,

    /// <summary>At or above 100 %: allowed, but the line is spent.</summary>
    Full,
}

/// <summary>The facts an approval needs, read in one query.</summary>
public sealed record ExpenseFacts(int Id, int ProjectBudgetId, int PlanLineId, int OrganisationId, OrganisationType OrganisationType,
    ExpenseKind Kind, ExpenseStatus Status, long AmountCents, string SubmittedByUserId, string? FirstApprovedByUserId, bool OwnResponsibility,
    long LineApprovedCents, long LineSpentCents)
{
    /// <summary>The line's use in per cent once this expense is booked (for the warning shown beside an approval).</summary>
    public LineWarning Warning
    {
        get
        {
            var after = BudgetRules.UsedPercent(LineSpentCents + (Status is ExpenseStatus.Approved or ExpenseStatus.Paid ? 0 : AmountCents), LineApprovedCents);
            return after >= BudgetRules.LineFullPercent ? LineWarning.Full : after >= BudgetRules.LineWarnPercent ? LineWarning.Nearly : LineWarning.None;
        }
    }
}

/// <summary>
/// The one home of the decisions on expenses and reimbursements, used by the organisation's pages and the office's
/// queue alike. Nobody decides their own submission, whatever page or route asks. Up to the town's threshold one
/// approval (an organisation admin or the office) books it; above, an organisation admin approves first and the office,
/// by a different person, last (the office gives a first approval only for its own organisation). The final approval
/// books it in one transaction: the expense's status change (conditional on the state it was read in, so a double click
/// or two approvers at once book once), then one conditional update of the budget (still approved, still covering it),
/// then the plan line. If the budget does not cover it, the transaction rolls back and nothing changed.
/// </summary>
public sealed class ExpenseApprovals(AppDbContext db, AuditLog audit, ExpenseMailer mailer, ITenantContext tenant, TimeProvider clock)
{
    private const int Attempts = 4;

    public Task<ExpenseFacts?> FactsAsync(int expenseId, CancellationToken ct = default) =>
        db.Expenses.AsNoTracking().Where(e => e.Id == expenseId)
            .Select(e => new ExpenseFacts(e.Id, e.ProjectBudgetId, e.PlanLineId, e.ProjectBudget!.OrganisationId, e.ProjectBudget.Organisation!.Type,
                e.Kind, e.Status, e.AmountCents, e.SubmittedByUserId, e.FirstApprovedByUserId, e.ProjectBudget.OwnResponsibility,
                e.PlanLine!.ApprovedCents, e.PlanLine.SpentCents))
            .SingleOrDefaultAsync(ct);

    /// <summary>The step an approval by this person would be now (null: none), for pages deciding which buttons to show.</summary>
    public async Task<ExpenseOutcome> NextApprovalAsync(ExpenseFacts facts, BudgetStanding standing, string userId) =>
        Step(facts, standing, userId, await ThresholdAsync());

    public async Task<ExpenseOutcome> ApproveAsync(int expenseId, BudgetStanding standing, string userId)
    {
        if (await FactsAsync(expenseId) is not { } facts || !standing.MaySee)
        {
            return ExpenseOutcome.NotFound;
        }

        var step = Step(facts, standing, userId, await ThresholdAsync());
        return step switch
        {
            ExpenseOutcome.FirstApproved => await FirstApproveAsync(facts, userId),
            ExpenseOutcome.Approved => await BookAsync(facts, userId),
            _ => step,
        };
    }

    /// <summary>Rejects it or sends it back as incomplete, with the reason; the submitter is mailed in their language.</summary>
    public async Task<ExpenseOutcome> DecideAgainstAsync(int expenseId, BudgetStanding standing, string userId, bool incomplete, string? reason)
    {
        if (await FactsAsync(expenseId) is not { } facts || !standing.MaySee)
        {
            return ExpenseOutcome.NotFound;
        }

        if (facts.SubmittedByUserId == userId)
        {
            return ExpenseOutcome.OwnSubmission;
        }

        if (!(standing.OrganisationAdmin || standing.Office))
        {
            return ExpenseOutcome.NotAllowed;
        }

        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > Expense.ReasonMaxLength)
        {
            return ExpenseOutcome.ReasonMissing;
        }

        var status = incomplete ? ExpenseStatus.Incomplete : ExpenseStatus.Rejected;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await db.Expenses
            .Where(e => e.Id == facts.Id && (e.Status == ExpenseStatus.Submitted || e.Status == ExpenseStatus.FirstApproved))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, status)
                .SetProperty(e => e.DecisionReason, text)
                .SetProperty(e => e.DecidedByUserId, userId)
                .SetProperty(e => e.DecidedAt, now));
        if (changed == 0)
        {
            return ExpenseOutcome.NotWaiting;
        }

        audit.Record(incomplete ? AuditAction.ReturnedExpenseIncomplete : AuditAction.RejectedExpense, "expense", facts.Id, Detail(facts), userId);
        await mailer.QueueDecisionAsync(facts, incomplete, text, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return incomplete ? ExpenseOutcome.ReturnedIncomplete : ExpenseOutcome.Rejected;
    }

    /// <summary>The office records the payment of an approved expense: the day and the bank's reference.</summary>
    public async Task<ExpenseOutcome> MarkPaidAsync(int expenseId, BudgetStanding standing, string userId, DateOnly paidOn, string reference)
    {
        if (await FactsAsync(expenseId) is not { } facts || !standing.MaySee)
        {
            return ExpenseOutcome.NotFound;
        }

        if (!standing.Office)
        {
            return ExpenseOutcome.NotAllowed;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await db.Expenses.Where(e => e.Id == facts.Id && e.Status == ExpenseStatus.Approved).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, ExpenseStatus.Paid)
            .SetProperty(e => e.PaidOn, paidOn)
            .SetProperty(e => e.PaymentReference, reference)
            .SetProperty(e => e.PaidByUserId, userId));
        if (changed == 0)
        {
            return ExpenseOutcome.NotWaiting;
        }

        audit.Record(AuditAction.MarkedExpensePaid, "expense", facts.Id, $"{Detail(facts)} ref={reference}", userId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return ExpenseOutcome.Paid;
    }

    /// <summary>The submitter takes it back before a decision (handed in or sent back as incomplete).</summary>
    public async Task<ExpenseOutcome> WithdrawAsync(int expenseId, string userId)
    {
        var changed = await db.Expenses
            .Where(e => e.Id == expenseId && e.SubmittedByUserId == userId
                && (e.Status == ExpenseStatus.Submitted || e.Status == ExpenseStatus.Incomplete))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ExpenseStatus.Withdrawn).SetProperty(e => e.DecidedAt, clock.GetUtcNow()));
        return changed == 1 ? ExpenseOutcome.Withdrawn : ExpenseOutcome.NotWaiting;
    }

    /// <summary>
    /// Which approval this person would give now, or why none. Pure, so the pages' buttons and the refusal agree.
    /// </summary>
    public static ExpenseOutcome Step(ExpenseFacts facts, BudgetStanding standing, string userId, long thresholdCents)
    {
        if (facts.SubmittedByUserId == userId)
        {
            return ExpenseOutcome.OwnSubmission;
        }

        var twoApprovals = BudgetRules.NeedsTwoApprovals(facts.AmountCents, thresholdCents);
        switch (facts.Status)
        {
            case ExpenseStatus.Submitted when !twoApprovals:
                return standing.OrganisationAdmin || standing.Office ? ExpenseOutcome.Approved : ExpenseOutcome.NotAllowed;
            case ExpenseStatus.Submitted:
                // The office approves last; it gives the first approval only where the organisation is its own.
                return standing.OrganisationAdmin || (standing.Office && facts.OrganisationType == OrganisationType.MunicipalOffice)
                    ? ExpenseOutcome.FirstApproved
                    : ExpenseOutcome.NotAllowed;
            case ExpenseStatus.FirstApproved when facts.FirstApprovedByUserId == userId:
                return ExpenseOutcome.SameApprover;
            case ExpenseStatus.FirstApproved:
                return standing.Office ? ExpenseOutcome.Approved : ExpenseOutcome.NotAllowed;
            default:
                return ExpenseOutcome.NotWaiting;
        }
    }

    private async Task<ExpenseOutcome> FirstApproveAsync(ExpenseFacts facts, string userId)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await db.Expenses
            .Where(e => e.Id == facts.Id && e.Status == ExpenseStatus.Submitted && e.AmountCents == facts.AmountCents && e.SubmittedByUserId != userId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, ExpenseStatus.FirstApproved)
                .SetProperty(e => e.FirstApprovedByUserId, userId)
                .SetProperty(e => e.FirstApprovedAt, now));
        if (changed == 0)
        {
            return ExpenseOutcome.NotWaiting;
        }

        audit.Record(AuditAction.ApprovedExpense, "expense", facts.Id, $"{Detail(facts)} first", userId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return ExpenseOutcome.FirstApproved;
    }

    /// <summary>
    /// The final approval and its booking. The expense's update comes first, so on SQLite the transaction holds the write
    /// lock from its first statement (nothing read before can go stale) and on PostgreSQL every booking locks the expense
    /// row, then the budget row, then the line, always in that order.
    /// </summary>
    private async Task<ExpenseOutcome> BookAsync(ExpenseFacts facts, string userId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await BookOnceAsync(facts, userId);
            }
            catch (Exception e) when (attempt < Attempts && SerializableWork.IsConflict(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(10, 40) * attempt);
            }
        }
    }

    private async Task<ExpenseOutcome> BookOnceAsync(ExpenseFacts facts, string userId)
    {
        var now = clock.GetUtcNow();
        var amount = facts.AmountCents;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var moved = await db.Expenses
            .Where(e => e.Id == facts.Id && e.Status == facts.Status && e.AmountCents == amount && e.SubmittedByUserId != userId
                && (e.FirstApprovedByUserId == null || e.FirstApprovedByUserId != userId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, ExpenseStatus.Approved)
                .SetProperty(e => e.ApprovedByUserId, userId)
                .SetProperty(e => e.ApprovedAt, now));
        if (moved == 0)
        {
            return ExpenseOutcome.NotWaiting;
        }

        var booked = await db.ProjectBudgets
            .Where(b => b.Id == facts.ProjectBudgetId && b.Status == ProjectBudgetStatus.Approved && b.SpentCents + amount <= b.GrantedCents)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.SpentCents, b => b.SpentCents + amount));
        if (booked == 0)
        {
            await transaction.RollbackAsync();
            return ExpenseOutcome.NotCovered;
        }

        await db.BudgetPlanLines.Where(l => l.Id == facts.PlanLineId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.SpentCents, l => l.SpentCents + amount));
        audit.Record(AuditAction.ApprovedExpense, "expense", facts.Id, Detail(facts), userId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return ExpenseOutcome.Approved;
    }

    private async Task<long> ThresholdAsync()
    {
        var id = tenant.TenantId!.Value;
        return await db.Tenants.Where(t => t.Id == id).Select(t => t.SecondApprovalAboveCents).SingleAsync();
    }

    private static string Detail(ExpenseFacts facts) => $"budget={facts.ProjectBudgetId} cents={facts.AmountCents} kind={facts.Kind}";
}
