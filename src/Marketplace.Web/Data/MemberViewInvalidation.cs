using System.Data.Common;
using System.Runtime.CompilerServices;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.Web.Data;

/// <summary>
/// Every write through a context (a save, or a statement that returns no rows: ExecuteUpdate, ExecuteDelete) makes this
/// instance forget the cached views of the members of the town it touched (<see cref="MemberViewCache"/>), once it is
/// committed: at once outside a transaction, at the commit inside one. A write that belongs to no one town (an account,
/// a town's own row, a context acting for no town) forgets every town's. The signed-in member whose request wrote gets a
/// new own-writes mark (<see cref="OwnWrites"/>), so other instances read their views anew too.
/// One instance serves every context, so what a transaction wrote is kept per context.
/// </summary>
public sealed class MemberViewInvalidation(MemberViewCache views, IHttpContextAccessor http)
    : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>The towns written in the context's open transaction; <see cref="Guid.Empty"/> stands for every town.</summary>
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Notice(eventData.Context, TownsOf(eventData.Context));
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Notice(eventData.Context, TownsOf(eventData.Context));
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Wrote(eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Wrote(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Discard(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    /// <summary>A statement of a save, or an ExecuteUpdate/ExecuteDelete: the towns a save touches were noticed before it.</summary>
    private void Wrote(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        Notice(context, [context is AppDbContext app ? app.CurrentTenantId : Guid.Empty]);
        ForgetUnlessInTransaction(context);
    }

    private static IEnumerable<Guid> TownsOf(DbContext? context)
    {
        if (context is null)
        {
            yield break;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                yield return entry.Entity is ITenantOwned owned ? owned.TenantId : Guid.Empty;
            }
        }
    }

    private void Notice(DbContext? context, IEnumerable<Guid> towns)
    {
        if (context is null)
        {
            return;
        }

        var written = towns.ToList();
        if (written.Count == 0)
        {
            return;
        }

        _pending.GetOrCreateValue(context).UnionWith(written);
        if (http.HttpContext is { } request)
        {
            OwnWrites.Written(request);
        }
    }

    private void ForgetUnlessInTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var towns))
        {
            return;
        }

        _pending.Remove(context);
        if (towns.Contains(Guid.Empty))
        {
            views.ForgetAll();
            return;
        }

        foreach (var town in towns)
        {
            views.Forget(town);
        }
    }
}
