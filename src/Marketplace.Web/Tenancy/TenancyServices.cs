namespace Marketplace.Web.Tenancy;

public static class TenancyServices
{
    /// <summary>The host-to-town resolution, the scoped current town, tenant scopes for jobs, links into a town, and its clock.</summary>
    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TenancyOptions>(configuration.GetSection(TenancyOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddSingleton<TenantScopeFactory>();
        services.AddScoped<TenantLinks>();
        services.AddScoped<TownClock>();
        return services;
    }
}
