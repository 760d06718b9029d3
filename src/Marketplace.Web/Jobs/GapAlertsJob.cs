using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Gaps;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>Once a day per town: raises the last complete week's gap alerts, mails the coordinators' digest and the organisations' invitations.</summary>
public sealed class GapAlertsJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes)
{
    public const string RecurringJobId = "gap-alerts";

    /// <summary>Early in the morning (UTC), before the office's working day in every town and after the night's weekly build.</summary>
    public static readonly string Schedule = Cron.Daily(5, 40);

    public async Task RunAsync()
    {
        var towns = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync();
        foreach (var tenantId in towns)
        {
            jobs.Enqueue<GapAlertsJob>(job => job.RunForTownAsync(tenantId));
        }
    }

    /// <summary>Idempotent: alerts are inserted if absent, and each step marks its alerts with its mails in one transaction.</summary>
    public async Task RunForTownAsync(Guid tenantId)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        await scope.ServiceProvider.GetRequiredService<GapAlerts>().RunAsync();
    }
}
