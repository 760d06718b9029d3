using Hangfire;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Jobs;

/// <summary>
/// Daily per town: holders of qualifications that lapse in six weeks are reminded, and the office hears of language-course
/// demand that reached a group size (in case it rose while no one recorded anything, e.g. after a group size was lowered).
/// </summary>
public sealed class QualificationsJob(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes)
{
    public const string RecurringJobId = "course-qualifications";
    public static readonly string Schedule = Cron.Daily(6, 10);

    public async Task RunAsync()
    {
        var towns = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync();
        foreach (var tenantId in towns)
        {
            jobs.Enqueue<QualificationsJob>(job => job.RunForTownAsync(tenantId));
        }
    }

    /// <summary>Each step is idempotent (a reminder once per lapse date, a notice once per rise), so a retry repeats nothing.</summary>
    public async Task RunForTownAsync(Guid tenantId)
    {
        await using var scope = await tenantScopes.CreateAsync(tenantId);
        await scope.ServiceProvider.GetRequiredService<QualificationReminders>().RemindAsync();
        await scope.ServiceProvider.GetRequiredService<LanguageCourseDemand>().NotifyReachedAsync();
    }
}
