using System.Net;
using Marketplace.Web.Data;

namespace Marketplace.Tests.Tenancy;

/// <summary>
/// Form tokens are kept per browser (Security/KeptFormTokens), and a browser's antiforgery cookie outlives a login: a
/// kept token must never be handed to another account or another town using the same browser.
/// </summary>
[Trait("Category", "Database")]
public sealed class KeptFormTokensTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<string> AuthCookieAsync(string slug, string login)
    {
        var response = await app.TownClient(slug).LoginAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return RawTownRequests.SetCookies(response, "mp.auth").Single();
    }

    /// <summary>The logout form's token on the town's home page, for the given cookies.</summary>
    private async Task<(string Token, HttpResponseMessage Response)> HomeTokenAsync(string slug, string cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookies);
        var response = await app.Raw(slug).SendAsync(request);
        var token = (await Html.ParseAsync(response)).QuerySelector("form[action='/account/logout'] input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        return (token, response);
    }

    /// <summary>A browser's antiforgery cookie, from a first page, and one more page with it, so its token is kept.</summary>
    private async Task<string> BrowserCookieAsync(string slug, string authCookie)
    {
        var (_, first) = await HomeTokenAsync(slug, authCookie);
        var antiforgery = RawTownRequests.SetCookies(first, ".AspNetCore.Antiforgery.").Single();
        await HomeTokenAsync(slug, $"{authCookie}; {antiforgery}");
        return antiforgery;
    }

    private Task<HttpResponseMessage> PostLogoutAsync(string slug, string cookies, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", cookies);
        return app.Raw(slug).SendAsync(request);
    }

    [Fact]
    public async Task SecondAccountInTheSameBrowser_GetsATokenThatWorksForIt()
    {
        var member = await AuthCookieAsync("erlangen", "erlangen-mitglied");
        var coordinator = await AuthCookieAsync("erlangen", "erlangen-koordination");
        var browser = await BrowserCookieAsync("erlangen", member);

        var (token, page) = await HomeTokenAsync("erlangen", $"{coordinator}; {browser}");
        var response = await PostLogoutAsync("erlangen", $"{coordinator}; {browser}", token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task SamePersonInAnotherTown_InTheSameBrowser_GetsThatTownsToken()
    {
        var erlangen = await AuthCookieAsync("erlangen", DemoData.MultiTownUserName);
        var potsdam = await AuthCookieAsync("potsdam", DemoData.MultiTownUserName);
        var browser = await BrowserCookieAsync("erlangen", erlangen);

        var (token, _) = await HomeTokenAsync("potsdam", $"{potsdam}; {browser}");
        var response = await PostLogoutAsync("potsdam", $"{potsdam}; {browser}", token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task KeptToken_StillWorks_WhenHandedOutAgain()
    {
        var member = await AuthCookieAsync("erlangen", "erlangen-mitglied");
        var browser = await BrowserCookieAsync("erlangen", member);
        var (first, _) = await HomeTokenAsync("erlangen", $"{member}; {browser}");
        var (again, _) = await HomeTokenAsync("erlangen", $"{member}; {browser}");

        Assert.Equal(HttpStatusCode.Redirect, (await PostLogoutAsync("erlangen", $"{member}; {browser}", again)).StatusCode);
        Assert.Equal(first, again);
    }
}
