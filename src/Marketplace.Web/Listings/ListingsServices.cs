namespace Marketplace.Web.Listings;

public static class ListingsServices
{
    /// <summary>Listing search, expiry, the "still current?" reminders and the digests.</summary>
    public static IServiceCollection AddListings(this IServiceCollection services)
    {
        services.AddScoped<Pages.Listings.ListingEditor>();
        services.AddScoped<ListingSearch>();
        services.AddScoped<ListingExpiry>();
        services.AddScoped<StillCurrentReminders>();
        services.AddScoped<ListingDigests>();
        return services;
    }
}
