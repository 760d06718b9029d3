using Microsoft.AspNetCore.Localization;

namespace Marketplace.Web.Localization;

public static class LocalizationServices
{
    /// <summary>The interface languages and how a request picks one: query, cookie, browser, then the town's default.</summary>
    public static IServiceCollection AddMarketplaceLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Cultures.Default).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
                new TownDefaultCultureProvider(),
            ];
        });
        services.ConfigureOptions<LocalizedModelBindingMessages>();
        return services;
    }
}
