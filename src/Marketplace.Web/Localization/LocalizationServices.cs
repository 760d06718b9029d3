using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Marketplace.Web.Localization;

public static class LocalizationServices
{
    /// <summary>The interface languages and how a request picks one: query, cookie, browser, then the town's default.</summary>
    public static IServiceCollection AddMarketplaceLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Replace(ServiceDescriptor.Singleton(typeof(IStringLocalizer<>), typeof(KeptStringLocalizer<>)));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // The culture objects themselves, not their names: each carries the site's formats for its language (Cultures.Get).
            options.DefaultRequestCulture = new RequestCulture(Cultures.Get(Cultures.Default));
            options.SupportedCultures = Cultures.All;
            options.SupportedUICultures = Cultures.All;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
                new TownDefaultCultureProvider(),
            ];
        });
        services.ConfigureOptions<LocalizedModelBindingMessages>();
        // Letters of every script are written as they are; the framework's default encoder writes anything beyond Basic
        // Latin as an entity (ö as &#xF6;, each Arabic letter as 8 bytes), which made pages larger and slower to write.
        // Markup-significant characters (<, >, &, quotes) are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
