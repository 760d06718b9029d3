using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Data;

/// <summary>
/// When a town's categories or districts are saved, this instance forgets its cached copy at once, whichever
/// page made the change. Other instances catch up when their short-lived copy expires.
/// </summary>
public sealed class ReferenceDataInvalidation(IMemoryCache cache) : SaveChangesInterceptor
{
    private readonly HashSet<Guid> _changedTowns = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ForgetChanged();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetChanged();
        return base.SavedChanges(eventData, result);
    }

    private void Remember(DbContext? context)
    {
        foreach (var entry in context?.ChangeTracker.Entries<ITenantOwned>() ?? [])
        {
            if (entry.Entity is Category or District && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                _changedTowns.Add(entry.Entity.TenantId);
            }
        }
    }

    private void ForgetChanged()
    {
        foreach (var tenantId in _changedTowns)
        {
            TownReferenceCache.Forget(cache, tenantId);
        }

        _changedTowns.Clear();
    }
}
