using System.Net;
using Marketplace.Web.Data;

namespace Marketplace.Tests.Tenancy;

/// <summary>A form token is good only in the town that issued it, even for the same person signed in to both.</summary>
[Trait("Category", "Database")]
public sealed class CrossTownAntiforgeryTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    /// <summary>The token of the town's home page (its logout form) and the antiforgery cookie that pairs with it.</summary>
    private async Task<(string Token, string Cookie)> FormTokenAsync(string slug, string authCookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", authCookie);
        var response = await app.Raw(slug).SendAsync(request);
        var token = (await Html.ParseAsync(response)).QuerySelector("form[action='/account/logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return (token, RawTownRequests.SetCookies(response, ".AspNetCore.Antiforgery.").Single());
    }

    private async Task<string> AuthCookieAsync(string slug)
    {
        var login = await app.TownClient(slug).LoginAsync(DemoData.MultiTownUserName);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return RawTownRequests.SetCookies(login, "mp.auth").Single();
    }

    private Task<HttpResponseMessage> PostLogoutAsync(string slug, string authCookie, (string Token, string Cookie) form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Token }),
        };
        request.Headers.Add("Cookie", $"{authCookie}; {form.Cookie}");
        return app.Raw(slug).SendAsync(request);
    }

    [Fact]
    public async Task FormTokenOfErlangen_PostedToPotsdam_ByTheSamePerson_IsRejected()
    {
        var erlangenAuth = await AuthCookieAsync("erlangen");
        var potsdamAuth = await AuthCookieAsync("potsdam");
        var erlangenForm = await FormTokenAsync("erlangen", erlangenAuth);

        var response = await PostLogoutAsync("potsdam", potsdamAuth, erlangenForm);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task FormTokenOfPotsdam_PostedToPotsdam_Works()
    {
        var potsdamAuth = await AuthCookieAsync("potsdam");
        var potsdamForm = await FormTokenAsync("potsdam", potsdamAuth);

        var response = await PostLogoutAsync("potsdam", potsdamAuth, potsdamForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
