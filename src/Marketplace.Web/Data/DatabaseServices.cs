using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
        services.AddSingleton<Mail.OutboxSignal>();
        services.AddSingleton<Mail.OutboxCommitWatcher>();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddDbContext<PostgresAppDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(Interceptors(sp)),
                ServiceLifetime.Scoped, OptionsBuiltOnce);
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        else
        {
            Directory.CreateDirectory(options.DataFolder);
            var connectionString = configuration.GetConnectionString("Sqlite")
                ?? $"Data Source={Path.Combine(options.DataFolder, "marketplace.db")}";
            services.AddDbContext<SqliteAppDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(Interceptors(sp)),
                ServiceLifetime.Scoped, OptionsBuiltOnce);
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }

        return options;
    }

    /// <summary>
    /// The options (provider, connection string, interceptors) are the same for every request; building them per request
    /// cost more CPU than a page's own query (bench/README.md, "Profile").
    /// </summary>
    private const ServiceLifetime OptionsBuiltOnce = ServiceLifetime.Singleton;

    private static IInterceptor[] Interceptors(IServiceProvider services) =>
        [services.GetRequiredService<ReferenceDataInvalidation>(), services.GetRequiredService<Mail.OutboxCommitWatcher>()];

    public static string HangfireSqlitePath(this DatabaseOptions options) => Path.Combine(options.DataFolder, "jobs.db");
}
