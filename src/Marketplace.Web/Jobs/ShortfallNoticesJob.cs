using Hangfire;
using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>Once a day per town: indicators below half their target twice in a row are reported to the project's admins and the office.</summary>
public sealed class ShortfallNoticesJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes)
{
    public const string RecurringJobId = "effects-shortfall-notices";
    public static readonly string Schedule = Cron.Daily(6, 20);

    public async Task RunAsync()
    {
        var towns = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync();
        foreach (var tenantId in towns)
        {
            jobs.Enqueue<ShortfallNoticesJob>(job => job.RunForTownAsync(tenantId));
        }
    }

    /// <summary>Idempotent: a reported shortfall is marked by a conditional update, and each mail is keyed by indicator, period and recipient.</summary>
    public async Task RunForTownAsync(Guid tenantId)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        await scope.ServiceProvider.GetRequiredService<ShortfallNotices>().SendDueAsync();
    }
}
