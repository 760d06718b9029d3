using System.Data.Common;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.Web.Mail;

/// <summary>
/// Watches a scope's context for saved outbox rows and raises <see cref="OutboxSignal"/> once they are committed: at
/// once after a save outside a transaction, at the commit inside one, never after a rollback.
/// </summary>
public sealed class OutboxCommitWatcher(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _written;

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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => RaiseIfWritten();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RaiseIfWritten();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _written = false;

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _written = false;
        return Task.CompletedTask;
    }

    private void Notice(DbContext? context)
    {
        if (context?.ChangeTracker.Entries<OutboxMail>().Any(e => e.State == EntityState.Added) == true)
        {
            _written = true;
        }
    }

    private void RaiseUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            RaiseIfWritten();
        }
    }

    private void RaiseIfWritten()
    {
        if (_written)
        {
            _written = false;
            signal.Raise();
        }
    }
}
