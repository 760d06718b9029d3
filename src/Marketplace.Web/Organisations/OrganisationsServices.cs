namespace Marketplace.Web.Organisations;

public static class OrganisationsServices
{
    /// <summary>Organisation membership rules, the invitation limit and the organisation mails.</summary>
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<OrganisationMemberships>();
        services.AddScoped<OrganisationMailer>();
        services.AddScoped<InvitationLimit>();
        return services;
    }
}
