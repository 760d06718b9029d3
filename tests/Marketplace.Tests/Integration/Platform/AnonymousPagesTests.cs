using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>
/// A reader who only looks gets pages without tokens or cookies: nothing to protect against forgery is issued until
/// they sign in, so a newspaper's readers cost the site no Data Protection work and carry no cookie away.
/// </summary>
[Trait("Category", "Database")]
public sealed class AnonymousPagesTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/p/imprint")]
    [InlineData("/listings")]
    [InlineData("/listings?q=fahrrad")]
    [InlineData("/organisations")]
    public async Task AReaderWhoOnlyLooks_GetsNoAntiforgeryTokenAndNoCookie(string url)
    {
        var response = await app.TownClient("erlangen").GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AListingsDetails_ForAReaderWhoOnlyLooks_HasNoTokenEither()
    {
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Nur zum Anschauen");

        var response = await app.TownClient("erlangen").GetAsync($"/listings/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignedInLanguageSwitch_WithoutTheToken_IsRefused_AndTheAccountKeepsItsLanguage()
    {
        var member = await app.NewMemberAsync("erlangen", "ohne-token", culture: "de");
        var client = await app.SignedInAsync("erlangen", member);

        var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var culture = await app.InTownAsync("erlangen", db => db.Users.Where(u => u.UserName == member).Select(u => u.PreferredCulture).SingleAsync());
        Assert.Equal("de", culture);
    }

    [Fact]
    public async Task AnAnonymousLanguageSwitch_Works_WithoutAToken()
    {
        var client = app.TownClient("erlangen");

        var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/p/imprint",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("en", (await client.GetPageAsync("/p/imprint")).DocumentElement.GetAttribute("lang"));
    }
}
