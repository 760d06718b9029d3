using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Web.Data;

public static class DatabaseServices
{
    /// <summary>Registers the provider's context and exposes it as <see cref="AppDbContext"/> to the rest of the app.</summary>
    public static DatabaseOptions AddMarketplaceDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.DataFolder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        services.AddSingleton(options);
        services.AddMemoryCache();
        services.AddSingleton<ReferenceDataInvalidation>();
        // What the interceptor clears, so every host of the database (the app, the bench seeder) has it.
        services.TryAddSingleton<Tenancy.TownDirectory>();
        services.TryAddSingleton<Listings.PublicListingCache>();
        services.TryAddSingleton<Courses.CourseListCache>();
        services.TryAddSingleton<Budgets.TransparencyCache>();
        services.TryAddSingleton<Security.MemberViewCache>();
        services.TryAddSingleton<Security.VerifiedSessions>();
        services.AddHttpContextAccessor();
        services.AddSingleton<MemberCachesInvalidation>();
        services.AddSingleton<Mail.OutboxSignal>();
        services.AddSingleton<Mail.OutboxCommitWatcher>();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(Interceptors(sp)));
            services.AddScoped<AppDbContext>(Lease<PostgresAppDbContext>);
        }
        else
        {
            Directory.CreateDirectory(options.DataFolder);
            var connectionString = configuration.GetConnectionString("Sqlite")
                ?? $"Data Source={Path.Combine(options.DataFolder, "marketplace.db")}";
            services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(Interceptors(sp)));
            services.AddScoped<AppDbContext>(Lease<SqliteAppDbContext>);
        }

        return options;
    }

    /// <summary>
    /// A scope's context comes from a pool and acts for the scope's town. Building the options and the context's internal
    /// services for every request cost more CPU than a page's own query (bench/README.md, "Profile"); the scope returns
    /// the instance to the pool when it ends, and the pool resets its change tracker and connection state.
    /// Registered under <see cref="AppDbContext"/> only: a second registration of the same instance (the provider's type)
    /// would have the scope dispose it twice, returning it to the pool while another scope may already hold it.
    /// </summary>
    private static TContext Lease<TContext>(IServiceProvider services) where TContext : AppDbContext
    {
        var context = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.ActFor(services.GetRequiredService<Tenancy.ITenantContext>());
        return context;
    }

    private static IInterceptor[] Interceptors(IServiceProvider services) =>
        [services.GetRequiredService<ReferenceDataInvalidation>(), services.GetRequiredService<Mail.OutboxCommitWatcher>(),
            services.GetRequiredService<MemberCachesInvalidation>()];

    public static string HangfireSqlitePath(this DatabaseOptions options) => Path.Combine(options.DataFolder, "jobs.db");
}
