namespace Marketplace.Web.Listings;

public static class ListingsServices
{
    /// <summary>Listing search, expiry, the "still current?" reminders, the digests and the moderation decisions' mails.</summary>
    public static IServiceCollection AddListings(this IServiceCollection services)
    {
        services.AddScoped<Pages.Listings.ListingEditor>();
        services.AddScoped<ListingSearch>();
        services.AddScoped<ListingExpiry>();
        services.AddScoped<StillCurrentReminders>();
        services.AddScoped<ListingDigests>();
        services.AddScoped<ListingModerationMailer>();
        return services;
    }
}
