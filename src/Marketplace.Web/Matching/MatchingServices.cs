namespace Marketplace.Web.Matching;

public static class MatchingServices
{
    /// <summary>The coordination office's matching: candidates, proposals, acceptance with its place count, feedback, their mail.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddScoped<MatchAcceptance>();
        services.AddScoped<MatchCandidates>();
        services.AddScoped<MatchProposals>();
        services.AddScoped<MatchFeedbackRequests>();
        services.AddScoped<MatchMailer>();
        return services;
    }
}
