using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Marketplace.Web.Data;

namespace Marketplace.Web.Jobs;

public static class JobsServices
{
    /// <summary>Hangfire on the app's own database, the fan-out jobs, and a job server unless Hangfire:ServerEnabled is false.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddScoped<ExpireListingsJob>();
        services.AddScoped<ExpireSeatOffersJob>();
        services.AddScoped<DeliverOutboxJob>();
        services.AddScoped<DigestJob>();
        services.AddScoped<CoordinationJob>();
        services.AddScoped<PrivacyJob>();
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                hangfire.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(configuration.GetConnectionString("Postgres")));
            }
            else
            {
                // This storage's workers look for new jobs every 15 s by default, at a fixed phase of the minute: the
                // dashboard showed the minutely outbox run at a constant 13-15 s, all of it waiting in the queue (the run
                // itself takes milliseconds). A look is one query on a small table. PostgreSQL's storage wakes this
                // instance's workers when it enqueues, so it keeps its default.
                hangfire.UseSQLiteStorage(database.HangfireSqlitePath(), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
            }
        });
        if (configuration.GetValue("Hangfire:ServerEnabled", true))
        {
            services.AddHangfireServer();
            services.AddHostedService<RecurringJobsRegistration>();
        }

        return services;
    }
}
