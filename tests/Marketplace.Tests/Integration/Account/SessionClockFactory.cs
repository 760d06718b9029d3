using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Account;

/// <summary>The app on a clock the test moves forward, so a session can sit idle for hours in a moment.</summary>
public sealed class SessionClockFactory : MarketplaceFactory
{
    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The machine's time plus an offset that only grows, so tests of one class never see time run backwards.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}

/// <summary>A login cookie kept aside, as a browser that was not told to forget it would send it again.</summary>
public static class SavedCookies
{
    public static string AuthCookieFrom(HttpResponseMessage login)
    {
        var cookies = login.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var auth = cookies.Where(c => c.StartsWith("mp.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(auth);
        return string.Join("; ", auth);
    }

    public static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>GETs the page on the town's host with only the given cookie.</summary>
    public static Task<HttpResponseMessage> ReplayAsync(this MarketplaceFactory app, string slug, string path, string cookie)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://{slug}.localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
