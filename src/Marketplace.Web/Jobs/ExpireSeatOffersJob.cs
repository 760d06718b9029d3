using Hangfire;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>
/// Every quarter hour: seat offers past their time expire and their seats pass on to the next person on the list
/// (<see cref="CourseSeats.ExpireOffersAsync"/>). The run only fans out: each town is its own job.
/// </summary>
public sealed class ExpireSeatOffersJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes, ILogger<ExpireSeatOffersJob> logger)
{
    public const string RecurringJobId = "expire-seat-offers";
    public const string Schedule = "*/15 * * * *";

    /// <summary>The recurring entry point: one <see cref="RunForTownAsync"/> per municipality.</summary>
    public async Task RunAsync()
    {
        var towns = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync();
        foreach (var tenantId in towns)
        {
            jobs.Enqueue<ExpireSeatOffersJob>(job => job.RunForTownAsync(tenantId));
        }
    }

    /// <summary>Returns how many offers expired.</summary>
    public async Task<int> RunForTownAsync(Guid tenantId)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        var expired = await scope.ServiceProvider.GetRequiredService<CourseSeats>().ExpireOffersAsync();
        if (expired > 0)
        {
            logger.LogInformation("Expired {Count} seat offers of municipality {TenantId}.", expired, tenantId);
        }

        return expired;
    }
}
