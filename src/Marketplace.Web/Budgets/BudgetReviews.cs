using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Budgets;

public enum ReviewOutcome
{
    Done,

    /// <summary>Not (or no longer) waiting for a review: someone decided first, or the applicant withdrew it.</summary>
    NotSubmitted,

    /// <summary>The fund's remaining amount does not cover what was to be granted; nothing was written.</summary>
    FundExhausted,

    /// <summary>The reviewer applied for it or belongs to the organisation: another person of the office decides.</summary>
    OwnApplication,

    /// <summary>Closing: the project is not approved or has not ended yet.</summary>
    NotClosable,
}

/// <summary>What the office approves: an amount per plan line (at most what was asked), the conditions if any.</summary>
public sealed record Approval(IReadOnlyDictionary<CostLines, long> ApprovedCents, string? Conditions);

/// <summary>
/// The office's decisions on a project budget. Each is one transaction whose first statement is conditional on the
/// budget's status, so a second review of the same application changes nothing; an approval's allocation is one
/// conditional update on the fund (allocated + granted ≤ amount) in the same transaction, so fifty approvals at once
/// against a fund that covers ten approve exactly ten. The applicant's admins hear of the decision by mail, written
/// in the same transaction.
/// </summary>
public sealed class BudgetReviews(AppDbContext db, AuditLog audit, BudgetMailer mailer, TimeProvider clock)
{
    private const int Attempts = 4;

    public async Task<ReviewOutcome> ApproveAsync(int budgetId, Approval approval, string reviewerUserId)
    {
        if (await IsOwnAsync(budgetId, reviewerUserId))
        {
            return ReviewOutcome.OwnApplication;
        }

        return await InTransactionAsync(async () =>
        {
            var budget = await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == budgetId)
                .Select(b => new { b.FundId, Lines = b.Lines.Select(l => new { l.Id, l.Line, l.RequestedCents }).ToList() }).SingleOrDefaultAsync();
            if (budget is null)
            {
                return ReviewOutcome.NotSubmitted;
            }

            // Only lines of the plan, never more than was asked: anything else the caller validated away already.
            var granted = budget.Lines.Sum(l => Math.Clamp(approval.ApprovedCents.GetValueOrDefault(l.Line), 0, l.RequestedCents));
            var threshold = await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.OwnResponsibilityBudgetCents).SingleAsync();
            var now = clock.GetUtcNow();
            var conditions = string.IsNullOrWhiteSpace(approval.Conditions) ? null : approval.Conditions.Trim();
            var decided = await db.ProjectBudgets.Where(b => b.Id == budgetId && b.Status == ProjectBudgetStatus.Submitted)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.Status, ProjectBudgetStatus.Approved)
                    .SetProperty(b => b.GrantedCents, granted)
                    .SetProperty(b => b.OwnResponsibility, granted <= threshold)
                    .SetProperty(b => b.DecisionNote, conditions)
                    .SetProperty(b => b.ReviewedByUserId, reviewerUserId)
                    .SetProperty(b => b.ReviewedAt, now));
            if (decided != 1)
            {
                return ReviewOutcome.NotSubmitted;
            }

            var allocated = await db.Funds.Where(f => f.Id == budget.FundId && f.AllocatedCents + granted <= f.AmountCents)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.AllocatedCents, f => f.AllocatedCents + granted));
            if (allocated != 1)
            {
                return ReviewOutcome.FundExhausted;
            }

            foreach (var line in budget.Lines)
            {
                var approved = Math.Clamp(approval.ApprovedCents.GetValueOrDefault(line.Line), 0, line.RequestedCents);
                await db.BudgetPlanLines.Where(l => l.Id == line.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ApprovedCents, approved));
            }

            audit.Record(AuditAction.ReviewedProjectBudget, "budget", budgetId,
                string.Create(CultureInfo.InvariantCulture, $"approved {granted} cents of fund {budget.FundId}"), reviewerUserId);
            await mailer.QueueDecisionAsync(budgetId, now);
            await db.SaveChangesAsync();
            return ReviewOutcome.Done;
        });
    }

    public async Task<ReviewOutcome> RejectAsync(int budgetId, string reason, string reviewerUserId)
    {
        if (await IsOwnAsync(budgetId, reviewerUserId))
        {
            return ReviewOutcome.OwnApplication;
        }

        return await InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var decided = await db.ProjectBudgets.Where(b => b.Id == budgetId && b.Status == ProjectBudgetStatus.Submitted)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.Status, ProjectBudgetStatus.Rejected)
                    .SetProperty(b => b.GrantedCents, 0L)
                    .SetProperty(b => b.DecisionNote, reason.Trim())
                    .SetProperty(b => b.ReviewedByUserId, reviewerUserId)
                    .SetProperty(b => b.ReviewedAt, now));
            if (decided != 1)
            {
                return ReviewOutcome.NotSubmitted;
            }

            audit.Record(AuditAction.ReviewedProjectBudget, "budget", budgetId, "rejected", reviewerUserId);
            await mailer.QueueDecisionAsync(budgetId, now);
            await db.SaveChangesAsync();
            return ReviewOutcome.Done;
        });
    }

    /// <summary>
    /// Closes an approved project after its end and gives what was not spent back to its fund. The budget's status
    /// changes first (conditional on Approved), so no expense is booked against it afterwards and the remainder read
    /// after it is final.
    /// </summary>
    public Task<ReviewOutcome> CloseAsync(int budgetId, DateOnly today, string actorUserId) =>
        InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var closed = await db.ProjectBudgets.Where(b => b.Id == budgetId && b.Status == ProjectBudgetStatus.Approved && b.EndsOn < today)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, ProjectBudgetStatus.Closed).SetProperty(b => b.ClosedAt, now));
            if (closed != 1)
            {
                return ReviewOutcome.NotClosable;
            }

            var budget = await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == budgetId)
                .Select(b => new { b.FundId, Remainder = b.GrantedCents - b.SpentCents }).SingleAsync();
            if (budget.Remainder > 0)
            {
                var remainder = budget.Remainder;
                var given = await db.Funds.Where(f => f.Id == budget.FundId && f.AllocatedCents >= remainder)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.AllocatedCents, f => f.AllocatedCents - remainder));
                if (given != 1)
                {
                    throw new InvalidOperationException($"Fund {budget.FundId} holds less than the remainder of budget {budgetId}.");
                }
            }

            audit.Record(AuditAction.ClosedProjectBudget, "budget", budgetId,
                string.Create(CultureInfo.InvariantCulture, $"gave back {Math.Max(0, budget.Remainder)} cents to fund {budget.FundId}"), actorUserId);
            await db.SaveChangesAsync();
            return ReviewOutcome.Done;
        });

    /// <summary>The applicant takes a submitted application back; nothing was allocated yet.</summary>
    public async Task<bool> WithdrawAsync(int budgetId) =>
        await db.ProjectBudgets.Where(b => b.Id == budgetId && b.Status == ProjectBudgetStatus.Submitted)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, ProjectBudgetStatus.Withdrawn)) == 1;

    /// <summary>Who submitted the application: whoever applied and everyone who belongs to the organisation.</summary>
    public async Task<bool> IsOwnAsync(int budgetId, string userId)
    {
        var submitters = await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == budgetId)
            .Select(b => new { b.AppliedByUserId, Members = db.OrganisationMembers.Where(m => m.OrganisationId == b.OrganisationId).Select(m => m.UserId).ToList() })
            .SingleOrDefaultAsync();
        return submitters is not null && SelfDecision.IsOwn(userId, [submitters.AppliedByUserId, .. submitters.Members]);
    }

    /// <summary>
    /// One transaction; an outcome other than <see cref="ReviewOutcome.Done"/> rolls it back, so nothing is half written.
    /// Retried when the database reports a conflict or a busy lock.
    /// </summary>
    private async Task<ReviewOutcome> InTransactionAsync(Func<Task<ReviewOutcome>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var outcome = await work();
                if (outcome == ReviewOutcome.Done)
                {
                    await transaction.CommitAsync();
                }
                else
                {
                    await transaction.RollbackAsync();
                    db.ChangeTracker.Clear();
                }

                return outcome;
            }
            catch (Exception e) when (attempt < Attempts && SerializableWork.IsConflict(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(10, 40) * attempt);
            }
        }
    }
}
