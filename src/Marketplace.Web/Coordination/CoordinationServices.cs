using Marketplace.Web.Data;

namespace Marketplace.Web.Coordination;

public static class CoordinationServices
{
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<MatchAcceptance>();
        return services;
    }
}
