using Marketplace.Web.Data;

namespace Marketplace.Web.Coordination;

public static class CoordinationServices
{
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<MatchAcceptance>();
        services.AddScoped<MatchCandidates>();
        services.AddScoped<MatchProposals>();
        services.AddScoped<MatchFeedbackRequests>();
        services.AddScoped<ClearanceUpkeep>();
        return services;
    }
}
