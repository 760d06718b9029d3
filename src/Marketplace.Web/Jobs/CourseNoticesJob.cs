using Hangfire;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>Once a day per town: runs below their minimum two weeks before the start are reported to their provider and the office.</summary>
public sealed class CourseNoticesJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes)
{
    public const string RecurringJobId = "course-notices";
    public static readonly string Schedule = Cron.Daily(6, 10);

    public async Task RunAsync()
    {
        var towns = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync();
        foreach (var tenantId in towns)
        {
            jobs.Enqueue<CourseNoticesJob>(job => job.RunForTownAsync(tenantId));
        }
    }

    /// <summary>Idempotent: a reported run is marked, and each mail is keyed by run and recipient.</summary>
    public async Task RunForTownAsync(Guid tenantId)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        await scope.ServiceProvider.GetRequiredService<LowEnrolmentNotices>().SendDueAsync();
    }
}
