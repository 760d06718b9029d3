namespace Marketplace.Web.Hours;

public static class HoursServices
{
    public static IServiceCollection AddHours(this IServiceCollection services)
    {
        services.AddScoped<HoursDecisions>();
        services.AddScoped<EngagementReports>();
        services.AddSingleton<EngagementPdf>();
        return services;
    }
}
