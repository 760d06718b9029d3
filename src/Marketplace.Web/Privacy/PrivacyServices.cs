namespace Marketplace.Web.Privacy;

public static class PrivacyServices
{
    /// <summary>GDPR self-service and retention: the data archive, account deletion with its anonymisation, and what towns forget on their own.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<DataExports>();
        services.AddScoped<ExportCollector>();
        services.AddScoped<ExportArchive>();
        services.AddScoped<AccountDeletions>();
        services.AddScoped<TownAnonymiser>();
        services.AddScoped<ListingAnonymiser>();
        services.AddScoped<Retention>();
        services.AddScoped<PrivacyMailer>();
        return services;
    }
}
