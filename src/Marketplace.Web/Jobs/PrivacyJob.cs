using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Privacy;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>
/// The hourly privacy run: deletes archives past their seven days, restarts archives whose job was lost, starts one
/// anonymisation per account past its grace period, and fans out the retention rules, one job per town. Building an
/// archive is also started on its own when a member asks for it.
/// </summary>
public sealed class PrivacyJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes, DataExports exports, AccountDeletions deletions)
{
    public const string RecurringJobId = "privacy";
    public static readonly string Schedule = Cron.Hourly(40);

    public async Task RunAsync()
    {
        await exports.DeleteExpiredAsync();
        foreach (var exportId in await exports.StalePendingAsync())
        {
            jobs.Enqueue<PrivacyJob>(job => job.BuildExportAsync(exportId));
        }

        foreach (var deletionId in await deletions.DueAsync())
        {
            jobs.Enqueue<PrivacyJob>(job => job.AnonymiseAccountAsync(deletionId));
        }

        foreach (var tenantId in await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync())
        {
            jobs.Enqueue<PrivacyJob>(job => job.RunForTownAsync(tenantId));
        }
    }

    /// <summary>One account's archive, across all towns; a second run of a finished one does nothing.</summary>
    public Task BuildExportAsync(int exportId) => exports.BuildAsync(exportId);

    /// <summary>One deleted account, in every town; a retry finishes what a failed run began.</summary>
    public Task AnonymiseAccountAsync(int deletionId) => deletions.AnonymiseAsync(deletionId);

    public async Task RunForTownAsync(Guid tenantId)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        await scope.ServiceProvider.GetRequiredService<Retention>().RunAsync();
    }
}
