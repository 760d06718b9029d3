using System.Runtime.CompilerServices;
using Marketplace.Web.Courses;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Listings;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Data;

/// <summary>
/// When a town's categories, districts or its own settings are saved, this instance forgets its cached copies at once,
/// whichever page made the change; when anything a public list or listing shows is saved, its cached public answers
/// (Listings/PublicListingCache), and when anything the course lists show is saved, those (Courses/CourseListCache); likewise the public ledger
/// (Budgets/TransparencyCache).
/// Other instances catch up when their short-lived copy expires.
/// One instance serves every context (the context options are built once), so what a save changed is kept per context.
/// </summary>
public sealed class ReferenceDataInvalidation(IMemoryCache cache, TownDirectory towns, PublicListingCache publicAnswers, CourseListCache courseLists,
    Budgets.TransparencyCache transparency)
    : SaveChangesInterceptor
{
    private sealed class Changed
    {
        public HashSet<Guid> ReferenceData { get; } = [];
        public HashSet<string> Towns { get; } = [];
        public HashSet<Guid> PublicAnswers { get; } = [];
        public HashSet<Guid> CourseLists { get; } = [];
        public HashSet<Guid> Transparency { get; } = [];
    }

    private readonly ConditionalWeakTable<DbContext, Changed> _changed = [];

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
        ForgetChanged(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetChanged(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changed = _changed.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is Category or District)
            {
                changed.ReferenceData.Add(entry.Entity.TenantId);
            }

            if (entry.Entity is Listing or ListingPhoto or IntakeContact or Category or District or Organisation or RentLimit)
            {
                changed.PublicAnswers.Add(entry.Entity.TenantId);
            }

            if (entry.Entity is Course or CourseRun or CourseMeeting or Enrolment or SeatOffer or WaitingListEntry or QualificationGrant
                or Qualification or Organisation or District)
            {
                changed.CourseLists.Add(entry.Entity.TenantId);
            }

            if (entry.Entity is Fund or ProjectBudget or BudgetPlanLine or Expense or Organisation)
            {
                changed.Transparency.Add(entry.Entity.TenantId);
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<Tenant>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                changed.Towns.Add(entry.OriginalValues.GetValue<string>(nameof(Tenant.Slug)));
                changed.ReferenceData.Add(entry.Entity.Id);
            }
        }
    }

    private void ForgetChanged(DbContext? context)
    {
        if (context is null || !_changed.TryGetValue(context, out var changed))
        {
            return;
        }

        foreach (var tenantId in changed.ReferenceData)
        {
            TownReferenceCache.Forget(cache, tenantId);
        }

        foreach (var slug in changed.Towns)
        {
            towns.Forget(slug);
        }

        foreach (var tenantId in changed.PublicAnswers)
        {
            publicAnswers.Forget(tenantId);
        }

        foreach (var tenantId in changed.CourseLists)
        {
            courseLists.Forget(tenantId);
        }

        foreach (var tenantId in changed.Transparency)
        {
            transparency.Forget(tenantId);
        }

        _changed.Remove(context);
    }
}
