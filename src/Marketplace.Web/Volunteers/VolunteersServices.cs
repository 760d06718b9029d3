namespace Marketplace.Web.Volunteers;

public static class VolunteersServices
{
    /// <summary>The volunteer registry's shared work: police clearance reminders and retention.</summary>
    public static IServiceCollection AddVolunteers(this IServiceCollection services)
    {
        services.AddScoped<ClearanceUpkeep>();
        return services;
    }
}
