namespace Marketplace.Web.Tenancy;

public static class TenancyServices
{
    /// <summary>The host-to-town resolution, the scoped current town, tenant scopes for jobs, and links into a town.</summary>
    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TenancyOptions>(configuration.GetSection(TenancyOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddSingleton<TenantScopeFactory>();
        services.AddScoped<TenantLinks>();
        return services;
    }
}
