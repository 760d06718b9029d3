using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Gaps;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>Every ten minutes per town: folds the new supply facts into the weekly aggregates of the gap views.</summary>
public sealed class SupplyWeeksJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes)
{
    public const string RecurringJobId = "gaps-supply-weeks";
    public static readonly string Schedule = "*/10 * * * *";

    /// <summary>One job per town, so a town that fails is retried on its own and does not hold up the others.</summary>
    public async Task RunAsync()
    {
        var towns = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync();
        foreach (var tenantId in towns)
        {
            jobs.Enqueue<SupplyWeeksJob>(job => job.RunForTownAsync(tenantId, CancellationToken.None));
        }
    }

    /// <summary>Safe to run twice at once: the build takes the town's watermark row first (<see cref="WeeklySupplyBuilder"/>).</summary>
    public async Task RunForTownAsync(Guid tenantId, CancellationToken ct)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        await scope.ServiceProvider.GetRequiredService<WeeklySupplyBuilder>().BuildAsync(ct);
    }
}
