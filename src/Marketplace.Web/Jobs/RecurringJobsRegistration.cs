using Hangfire;
using Marketplace.Web.Budgets;

namespace Marketplace.Web.Jobs;

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
        recurringJobs.AddOrUpdate<PrivacyJob>(PrivacyJob.RecurringJobId, job => job.RunAsync(), PrivacyJob.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<ExpireSeatOffersJob>(ExpireSeatOffersJob.RecurringJobId, job => job.RunAsync(), ExpireSeatOffersJob.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<CourseNoticesJob>(CourseNoticesJob.RecurringJobId, job => job.RunAsync(), CourseNoticesJob.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<QualificationsJob>(QualificationsJob.RecurringJobId, job => job.RunAsync(), QualificationsJob.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<ExpenseReceiptRetentionJob>(ExpenseReceiptRetentionJob.RecurringJobId, job => job.RunAsync(),
            ExpenseReceiptRetentionJob.Schedule, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<ShortfallNoticesJob>(ShortfallNoticesJob.RecurringJobId, job => job.RunAsync(), ShortfallNoticesJob.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<GapAlertsJob>(GapAlertsJob.RecurringJobId, job => job.RunAsync(), GapAlertsJob.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<SupplyWeeksJob>(SupplyWeeksJob.RecurringJobId, job => job.RunAsync(), SupplyWeeksJob.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
