namespace Marketplace.Web.Pages.Organisations;

public static class OrganisationServices
{
    /// <summary>The organisation slice's services; one line in Program.cs.</summary>
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<OrganisationMemberships>();
        services.AddScoped<OrganisationMailer>();
        return services;
    }
}
