using System.Data.Common;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.Web.Mail;

/// <summary>Raised once new outbox rows are committed, so this instance delivers them now instead of at the next minute.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Raise()
    {
        // Signals coalesce: one delivery run picks up everything committed before it started.
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _pending.WaitAsync(cancellationToken);
}

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

/// <summary>
/// Delivers right after a commit signalled mail. The minutely Hangfire job stays the safety net: it retries what failed
/// and sends what another instance (or a process that died) left behind.
/// </summary>
public sealed class OutboxPump(OutboxSignal signal, IServiceScopeFactory scopes, ILogger<OutboxPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The rows stay due; the next signal or the minutely job tries again.
                logger.LogWarning(e, "Delivering the outbox after a commit failed.");
            }
        }
    }
}
