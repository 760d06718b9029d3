using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Marketplace.Web.Mail;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>
/// Digests at each town's hour in its own time zone. The recurring run only looks at the clock every quarter hour and
/// fans out: a town whose local hour has come and that has not run since is claimed (one conditional update on the last
/// run it read, so two instances cannot both claim it) and gets its own job. Each town is looked at on its own, so the
/// first run after start-up claims only the towns whose hour has come.
/// </summary>
public sealed class DigestJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes, TimeProvider clock)
{
    public const string RecurringJobId = "digests";
    public const string Schedule = "*/15 * * * *";

    /// <summary>The recurring entry point; returns the towns it started.</summary>
    public async Task<IReadOnlyList<(Guid TenantId, DateOnly Date)>> RunAsync()
    {
        var now = clock.GetUtcNow();
        var towns = await db.Tenants.AsNoTracking().Select(t => new { t.Id, t.TimeZoneId, t.DigestHour, t.LastDigestRunAt }).ToListAsync();
        var started = new List<(Guid, DateOnly)>();
        foreach (var town in towns)
        {
            if (DigestSchedule.DueDate(TownClock.ZoneOf(town.TimeZoneId), town.DigestHour, town.LastDigestRunAt, now) is not { } date)
            {
                continue;
            }

            var lastRun = town.LastDigestRunAt;
            var claimed = await db.Tenants.Where(t => t.Id == town.Id && t.LastDigestRunAt == lastRun)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastDigestRunAt, now));
            if (claimed == 1)
            {
                jobs.Enqueue<DigestJob>(job => job.RunForTownAsync(town.Id, date, CancellationToken.None));
                started.Add((town.Id, date));
            }
        }

        return started;
    }

    /// <summary>One town's digests; Hangfire retries it on failure, and a retry sends nothing twice.</summary>
    public async Task<int> RunForTownAsync(Guid tenantId, DateOnly date, CancellationToken cancellationToken)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<ListingDigests>().WriteAsync(date, cancellationToken);
    }
}
