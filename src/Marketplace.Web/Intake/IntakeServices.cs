namespace Marketplace.Web.Intake;

public static class IntakeServices
{
    /// <summary>The intake desk: requests recorded for people without an account, and their claiming.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddScoped<IntakeDesk>();
        return services;
    }
}
