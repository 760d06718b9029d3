using System.Data.Common;
using System.Runtime.CompilerServices;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.Web.Data;

/// <summary>
/// Keeps this instance's short-lived member caches true to every write through a context (a save, or a statement that
/// returns no rows: ExecuteUpdate, ExecuteDelete), once it is committed: at once outside a transaction, at the commit
/// inside one.
/// <list type="bullet">
/// <item>Members' views (<see cref="MemberViewCache"/>): the town the write touched is forgotten; a write that belongs to
/// no one town (an account, a town's own row, a context acting for no town) forgets every town's.</item>
/// <item>Verified sessions (<see cref="VerifiedSessions"/>): a saved account or membership forgets that account's; a bulk
/// statement on accounts or memberships forgets all.</item>
/// </list>
/// The signed-in member whose request wrote gets a new own-writes mark (<see cref="OwnWrites"/>), so other instances read
/// their views anew too. One instance serves every context, so what a transaction wrote is kept per context.
/// </summary>
public sealed class MemberCachesInvalidation(MemberViewCache views, VerifiedSessions sessions, IHttpContextAccessor http)
    : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>What the context's open transaction wrote; <see cref="Guid.Empty"/> and <see cref="AllAccounts"/> stand for all.</summary>
    private sealed class Written
    {
        public HashSet<Guid> Towns { get; } = [];
        public HashSet<string> Accounts { get; } = [];
    }

    private const string AllAccounts = "";

    private readonly ConditionalWeakTable<DbContext, Written> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoticeSave(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        NoticeSave(eventData.Context);
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
        NoticeStatement(eventData.Context, command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        NoticeStatement(eventData.Context, command);
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

    private void NoticeSave(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var written = new Written();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            written.Towns.Add(entry.Entity is ITenantOwned owned ? owned.TenantId : Guid.Empty);
            if (entry.Entity is AppUser user)
            {
                written.Accounts.Add(user.Id);
            }
            else if (entry.Entity is TenantMembership membership)
            {
                written.Accounts.Add(membership.UserId);
            }
        }

        Notice(context, written);
    }

    /// <summary>A statement of a save (its rows were noticed before it), or an ExecuteUpdate/ExecuteDelete.</summary>
    private void NoticeStatement(DbContext? context, DbCommand command)
    {
        if (context is null)
        {
            return;
        }

        var written = new Written();
        written.Towns.Add(context is AppDbContext app ? app.CurrentTenantId : Guid.Empty);
        if (TouchesSessions(context, command.CommandText))
        {
            written.Accounts.Add(AllAccounts);
        }

        Notice(context, written);
        ForgetUnlessInTransaction(context);
    }

    private static bool TouchesSessions(DbContext context, string sql) =>
        new[] { typeof(AppUser), typeof(TenantMembership) }
            .Select(type => context.Model.FindEntityType(type)?.GetTableName())
            .Any(table => table is not null && sql.Contains(table, StringComparison.OrdinalIgnoreCase));

    private void Notice(DbContext context, Written written)
    {
        if (written.Towns.Count == 0)
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        pending.Towns.UnionWith(written.Towns);
        pending.Accounts.UnionWith(written.Accounts);
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
        if (context is null || !_pending.TryGetValue(context, out var written))
        {
            return;
        }

        _pending.Remove(context);
        if (written.Accounts.Contains(AllAccounts))
        {
            sessions.ForgetAll();
        }
        else
        {
            foreach (var account in written.Accounts)
            {
                sessions.Forget(account);
            }
        }

        if (written.Towns.Contains(Guid.Empty))
        {
            views.ForgetAll();
            return;
        }

        foreach (var town in written.Towns)
        {
            views.Forget(town);
        }
    }

    private void Discard(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
