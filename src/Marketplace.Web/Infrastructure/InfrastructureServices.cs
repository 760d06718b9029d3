using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Infrastructure;

public static class InfrastructureServices
{
    /// <summary>The cross-cutting helpers: the audit log, the Markdown content pages, the database health check, Vary on htmx.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string contentFolder)
    {
        services.Configure<MvcOptions>(options => options.Filters.Add(new VaryByHtmxRequestFilter()));
        services.AddScoped<AuditLog>();
        services.AddSingleton(sp => new ContentPages(contentFolder, sp.GetRequiredService<IMemoryCache>()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
