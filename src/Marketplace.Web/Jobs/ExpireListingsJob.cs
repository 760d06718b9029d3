using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Mail;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>
/// Marks published listings whose end has passed as expired. Pages already treat them as expired
/// (<see cref="ListingLifecycle.EffectiveStatus"/>); the stored status makes searches, counts and statistics agree.
/// The same hourly pass sends the "still current?" reminders of listings about to expire.
/// The hourly run only fans out: each town is its own job, so one town's failure is retried without the others.
/// </summary>
public sealed class ExpireListingsJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes, TimeProvider clock,
    ILogger<ExpireListingsJob> logger)
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

    /// <summary>Expires the town's overdue listings in one statement; running it again changes nothing. Returns how many it expired.</summary>
    public async Task<int> RunForTownAsync(Guid tenantId)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        var townDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var expired = await townDb.Listings
            .Where(l => l.Status == ListingStatus.Published && l.ExpiresAt != null && l.ExpiresAt <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Status, ListingStatus.Expired));
        if (expired > 0)
        {
            logger.LogInformation("Expired {Count} listings of municipality {TenantId}.", expired, tenantId);
        }

        await scope.ServiceProvider.GetRequiredService<StillCurrentReminders>().QueueDueAsync();
        return expired;
    }
}

/// <summary>Puts the recurring jobs into Hangfire's storage when this instance runs a job server.</summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<ExpireListingsJob>(ExpireListingsJob.RecurringJobId, job => job.RunAsync(), ExpireListingsJob.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<DeliverOutboxJob>(DeliverOutboxJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            DeliverOutboxJob.Schedule, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<DigestJob>(DigestJob.RecurringJobId, job => job.RunAsync(), DigestJob.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<CoordinationJob>(CoordinationJob.RecurringJobId, job => job.RunAsync(), CoordinationJob.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
