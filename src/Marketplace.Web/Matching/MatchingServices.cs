namespace Marketplace.Web.Matching;

public static class MatchingServices
{
    /// <summary>
    /// The coordination office's matching: who may help (eligibility), candidates, proposals, acceptance with its place
    /// count, the check at a match's start, fulfilment and feedback, their mail.
    /// </summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddScoped<MatchEligibility>();
        services.AddScoped<MatchAcceptance>();
        services.AddScoped<MatchCandidates>();
        services.AddScoped<MatchWindowStarts>();
        services.AddScoped<MatchFulfilment>();
        services.AddScoped<MatchProposals>();
        services.AddScoped<MatchFeedbackRequests>();
        services.AddScoped<MatchMailer>();
        return services;
    }
}
