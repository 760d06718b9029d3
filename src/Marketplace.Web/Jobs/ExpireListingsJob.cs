using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Listings;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>
/// The hourly listing upkeep: expires overdue listings (<see cref="ListingExpiry"/>) and sends the "still current?"
/// reminders of listings about to expire (<see cref="StillCurrentReminders"/>).
/// The hourly run only fans out: each town is its own job, so one town's failure is retried without the others.
/// </summary>
public sealed class ExpireListingsJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes, ILogger<ExpireListingsJob> logger)
{
    public const string RecurringJobId = "expire-listings";
    public static readonly string Schedule = Cron.Hourly();

    /// <summary>The recurring entry point: one <see cref="RunForTownAsync"/> per municipality.</summary>
    public async Task RunAsync()
    {
        var towns = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync();
        foreach (var tenantId in towns)
        {
            jobs.Enqueue<ExpireListingsJob>(job => job.RunForTownAsync(tenantId));
        }
    }

    /// <summary>Returns how many listings it expired.</summary>
    public async Task<int> RunForTownAsync(Guid tenantId)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        var expired = await scope.ServiceProvider.GetRequiredService<ListingExpiry>().ExpireOverdueAsync();
        if (expired > 0)
        {
            logger.LogInformation("Expired {Count} listings of municipality {TenantId}.", expired, tenantId);
        }

        await scope.ServiceProvider.GetRequiredService<StillCurrentReminders>().QueueDueAsync();
        return expired;
    }
}
