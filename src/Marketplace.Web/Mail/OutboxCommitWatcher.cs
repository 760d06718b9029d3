using System.Data.Common;
using System.Runtime.CompilerServices;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.Web.Mail;

/// <summary>
/// Watches a scope's context for saved outbox rows and raises <see cref="OutboxSignal"/> once they are committed: at
/// once after a save outside a transaction, at the commit inside one, never after a rollback.
/// One instance serves every context (the context options are built once), so "written, not yet raised" is kept per
/// context.
/// </summary>
public sealed class OutboxCommitWatcher(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _written = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Notice(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Notice(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RaiseUnlessInTransaction(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RaiseUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => RaiseIfWritten(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RaiseIfWritten(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Clear(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear(eventData.Context);
        return Task.CompletedTask;
    }

    private void Notice(DbContext? context)
    {
        if (context?.ChangeTracker.Entries<OutboxMail>().Any(e => e.State == EntityState.Added) == true)
        {
            _written.AddOrUpdate(context, context);
        }
    }

    private void RaiseUnlessInTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            RaiseIfWritten(context);
        }
    }

    private void RaiseIfWritten(DbContext? context)
    {
        if (context is not null && _written.Remove(context))
        {
            signal.Raise();
        }
    }

    private void Clear(DbContext? context)
    {
        if (context is not null)
        {
            _written.Remove(context);
        }
    }
}
