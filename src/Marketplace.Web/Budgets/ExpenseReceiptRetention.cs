using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Budgets;

/// <summary>
/// Receipts are kept <see cref="BudgetRules.ReceiptRetentionYears"/> years after the end of their budget's period, then
/// deleted; the expense keeps its amounts and notes when its receipt went.
/// </summary>
public sealed class ExpenseReceiptRetention(AppDbContext db, TownClock townClock, TimeProvider clock)
{
    /// <summary>Deletes the receipts due in this town and returns how many expenses lost theirs. Running it twice deletes nothing more.</summary>
    public async Task<int> DeleteDueAsync()
    {
        // A budget ending on this day or before has passed its last day of keeping (ReceiptKeptUntil) by today.
        var endedOnOrBefore = townClock.Today().AddYears(-BudgetRules.ReceiptRetentionYears).AddDays(-1);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var due = db.Expenses.Where(e => e.ReceiptDeletedAt == null && e.ProjectBudget!.EndsOn <= endedOnOrBefore);
        var ids = await due.Select(e => e.Id).ToListAsync();
        if (ids.Count == 0)
        {
            return 0;
        }

        await db.ExpenseReceipts.Where(r => ids.Contains(r.ExpenseId)).ExecuteDeleteAsync();
        await db.Expenses.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.ReceiptDeletedAt, now));
        await transaction.CommitAsync();
        return ids.Count;
    }
}

/// <summary>Once a day: one retention run per town, in the town's own scope.</summary>
public sealed class ExpenseReceiptRetentionJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes)
{
    public const string RecurringJobId = "expense-receipt-retention";
    public static readonly string Schedule = Cron.Daily(3, 40);

    public async Task RunAsync()
    {
        var towns = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync();
        foreach (var tenantId in towns)
        {
            jobs.Enqueue<ExpenseReceiptRetentionJob>(job => job.RunForTownAsync(tenantId));
        }
    }

    public async Task RunForTownAsync(Guid tenantId)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        await scope.ServiceProvider.GetRequiredService<ExpenseReceiptRetention>().DeleteDueAsync();
    }
}
