using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Matching;
using Marketplace.Web.Tenancy;
using Marketplace.Web.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>
/// The coordination office's hourly housekeeping per town: unanswered proposals go back to the queue after seven
/// days, matches whose work starts are checked once more, ended matches ask for feedback, clearances are reminded of
/// and deleted when their time is up.
/// </summary>
public sealed class CoordinationJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes)
{
    public const string RecurringJobId = "coordination";
    public static readonly string Schedule = Cron.Hourly(20);

    public async Task RunAsync()
    {
        var towns = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync();
        foreach (var tenantId in towns)
        {
            jobs.Enqueue<CoordinationJob>(job => job.RunForTownAsync(tenantId));
        }
    }

    /// <summary>Each step is idempotent, so a retried run repeats nothing a user would notice.</summary>
    public async Task RunForTownAsync(Guid tenantId)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        var services = scope.ServiceProvider;
        await services.GetRequiredService<MatchProposals>().ExpireUnansweredAsync();
        await services.GetRequiredService<MatchWindowStarts>().CheckDueAsync();
        await services.GetRequiredService<MatchFeedbackRequests>().RequestDueAsync();
        var clearances = services.GetRequiredService<ClearanceUpkeep>();
        await clearances.RemindAsync();
        await clearances.DeleteExpiredRecordsAsync();
    }
}
