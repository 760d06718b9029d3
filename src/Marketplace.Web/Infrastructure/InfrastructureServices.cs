namespace Marketplace.Web.Infrastructure;

public static class InfrastructureServices
{
    /// <summary>The cross-cutting helpers: the audit log, the Markdown content pages, the database health check.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string contentFolder)
    {
        services.AddScoped<AuditLog>();
        services.AddSingleton(new ContentPages(contentFolder));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
