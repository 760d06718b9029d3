namespace Marketplace.Web.Gaps;

public static class GapsServices
{
    /// <summary>Gaps and surplus: the supply facts, their weekly aggregates and the views on them.</summary>
    public static IServiceCollection AddGaps(this IServiceCollection services)
    {
        services.AddScoped<GapMatrixReader>();
        services.AddScoped<TimeToMatch>();
        // slice facts: recording, weekly build, time to match
        services.AddScoped<SupplyFactRecorder>();
        services.AddScoped<WeeklySupplyBuilder>();
        services.AddScoped<Jobs.SupplyWeeksJob>();
        // end facts
        // slice office: /coordination/gaps
        // end office
        // slice public: /gaps, CSV, Atom
        services.AddSingleton<PublicGapsCache>();
        services.AddScoped<PublicGaps>();
        services.AddScoped<GapsCsv>();
        services.AddScoped<GapOutcomes>();
        // end public
        // slice charts: trend charts, language courses, day parts
        services.AddScoped<GapChartsReader>();
        // end charts
        // slice alerts: alert rules, coordinators' digest, invitations
        services.AddScoped<GapAlerts>();
        // end alerts
        return services;
    }
}
