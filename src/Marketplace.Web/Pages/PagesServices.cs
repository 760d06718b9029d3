using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages;

public static class PagesServices
{
    /// <summary>
    /// Razor Pages with each page's host and policy from its folder (<see cref="PageAccess"/>), the office's two-factor
    /// requirement on the office folders, localized views and validation messages, lower-case links, form tokens kept per browser (<see cref="KeptFormTokens"/>).
    /// </summary>
    public static IServiceCollection AddMarketplacePages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                options.Conventions.Add(new PageAccessConvention());
                foreach (var folder in OfficeTwoFactor.OfficeFolders)
                {
                    options.Conventions.AddFolderApplicationModelConvention(folder, model => model.Filters.Add(new ServiceFilterAttribute(typeof(OfficeTwoFactorFilter))));
                }
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        Infrastructure.QuietTempDataProvider.Decorate(services);
        KeptFormTokens.Install(services);
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        return services;
    }
}
