using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// The layout looks for a status message on every page, and the framework's cookie provider then answers every page
/// with a header deleting a TempData cookie the browser never had. That header makes an anonymous page uncacheable and
/// costs work on each request; without a cookie to delete and nothing to keep, this provider writes nothing.
/// </summary>
public sealed class QuietTempDataProvider(ITempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) =>
        context.Request.Cookies.ContainsKey(CookieName) ? inner.LoadTempData(context) : new Dictionary<string, object>();

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count > 0 || context.Request.Cookies.ContainsKey(CookieName))
        {
            inner.SaveTempData(context, values);
        }
    }

    private string CookieName => options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;

    /// <summary>Wraps whichever provider MVC registered (the cookie provider by default).</summary>
    public static IServiceCollection Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ITempDataProvider) && d.ImplementationType is not null)
            ?? throw new InvalidOperationException("MVC must be added before its TempData provider is wrapped.");
        services.Remove(registered);
        services.AddSingleton<ITempDataProvider>(sp => new QuietTempDataProvider(
            (ITempDataProvider)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
            sp.GetRequiredService<IOptions<CookieTempDataProviderOptions>>()));
        return services;
    }
}
