using System.Security.Claims;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// The framework's form tokens, with the request token kept per browser, account and town for <see cref="KeepFor"/>.
/// Every signed-in page carries a form (logout, language), and writing its token took two Data Protection operations per
/// request (reading the antiforgery cookie, protecting a new request token): a tenth of a signed-in content page's CPU.
/// A request token stays valid for as long as the cookie token it was made for, for the same account and town, so the
/// one made for this exact cookie value, account and host is handed out again. Only tokens for a cookie the browser
/// already has are kept: when the framework has to issue a new cookie, its token belongs to the next cookie value.
/// Validation is untouched. Per instance: another instance makes its own, and every instance's key ring validates them.
/// </summary>
public sealed class KeptFormTokens(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery, IDisposable
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    public const int MaxEntries = 100_000;

    private static readonly object RequestKey = new();
    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        if (httpContext.Items.TryGetValue(RequestKey, out var known) && known is AntiforgeryTokenSet set)
        {
            return set;
        }

        var key = KeyFor(httpContext);
        if (key is not null && _tokens.TryGetValue(key, out AntiforgeryTokenSet? kept) && kept is not null)
        {
            // What the framework does whenever it hands out a token: a page with a form token is never cached.
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }

            httpContext.Items[RequestKey] = kept;
            return kept;
        }

        var tokens = inner.GetAndStoreTokens(httpContext);
        if (key is not null && tokens.CookieToken is null && tokens.RequestToken is not null)
        {
            using var entry = _tokens.CreateEntry(key);
            entry.Value = new AntiforgeryTokenSet(tokens.RequestToken, null, tokens.FormFieldName, tokens.HeaderName);
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
        }

        httpContext.Items[RequestKey] = tokens;
        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => _tokens.Dispose();

    /// <summary>
    /// What the framework's request token is made of: the cookie token (the cookie's value identifies it), the account
    /// (its id and name) and the additional data (<see cref="TownAntiforgery"/>: the host's town). Null when the browser
    /// has no cookie yet or the account has no id to tell it by.
    /// </summary>
    private string? KeyFor(HttpContext httpContext)
    {
        var cookieName = options.Value.Cookie.Name;
        if (cookieName is null || httpContext.Request.Cookies[cookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }

        var user = httpContext.User.Identity;
        var account = "";
        if (user?.IsAuthenticated == true)
        {
            if (httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
            {
                return null;
            }

            account = id + "\n" + user.Name;
        }

        var host = HostClaim.ValueFor(httpContext.RequestServices.GetRequiredService<ITenantContext>());
        return string.Concat(host, "\n", account, "\n", cookie);
    }

    /// <summary>Wraps the framework's <see cref="IAntiforgery"/>; called after the pages are added, which register it.</summary>
    public static void Install(IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(framework);
        services.AddSingleton<IAntiforgery>(provider => new KeptFormTokens(
            (IAntiforgery)ActivatorUtilities.CreateInstance(provider, framework.ImplementationType!),
            provider.GetRequiredService<IOptions<AntiforgeryOptions>>()));
    }
}
