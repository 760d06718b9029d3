using System.Net;
using Marketplace.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.AccountSettings;

[Trait("Category", "Database")]
public sealed class MailLanguageTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static Task<HttpResponseMessage> ChooseAsync(HttpClient client, string culture) =>
        client.SubmitAsync("/me/account", "[data-testid=mail-language-form]", new Dictionary<string, string> { ["MailLanguage.Culture"] = culture });

    private static async Task SwitchSiteLanguageAsync(HttpClient client, string culture)
    {
        var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = culture,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = await client.TokenAsync(),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task TheMailLanguage_OffersEveryLanguageOfTheApp_AndShowsTheCurrentOne()
    {
        var member = await app.NewMemberAsync("erlangen", "sprachen", culture: "de");
        var client = await app.SignedInAsync("erlangen", member);

        var page = await client.GetPageAsync("/me/account");

        var options = page.QuerySelectorAll("[data-testid=mail-language] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(Cultures.Supported, options);
        Assert.Equal("de", page.QuerySelector("[data-testid=mail-language] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task MailsComeInTheChosenLanguage_EvenAfterTheSiteIsSwitchedToAnother()
    {
        var member = await app.NewMemberAsync("erlangen", "english", culture: "de");
        var client = await app.SignedInAsync("erlangen", member);

        var chosen = await ChooseAsync(client, "en");
        await SwitchSiteLanguageAsync(client, "de");
        await client.SubmitAsync("/account/forgot-password", "[data-testid=forgot-form]",
            new Dictionary<string, string> { ["Input.Email"] = MessagesTestData.EmailOf(member) });

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(member));
        Assert.Contains("reset your password", mail.Subject);
        Assert.Equal("en", await app.InTownAsync(null, db => db.Users.Where(u => u.UserName == member).Select(u => u.PreferredCulture).SingleAsync()));
    }

    [Fact]
    public async Task WithoutAChoice_TheSiteLanguageStillDecidesAsBefore()
    {
        var member = await app.NewMemberAsync("erlangen", "umschalter", culture: "de");
        var client = await app.SignedInAsync("erlangen", member);

        await SwitchSiteLanguageAsync(client, "en");

        Assert.Equal("en", await app.InTownAsync(null, db => db.Users.Where(u => u.UserName == member).Select(u => u.PreferredCulture).SingleAsync()));
    }

    [Fact]
    public async Task ALanguageTheAppDoesNotHave_IsRefused_AndTheChoiceStays()
    {
        var member = await app.NewMemberAsync("erlangen", "klingonisch", culture: "de");
        var client = await app.SignedInAsync("erlangen", member);

        var response = await ChooseAsync(client, "tlh");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("MailLanguage.Culture"));
        Assert.Equal("de", await app.InTownAsync(null, db => db.Users.Where(u => u.UserName == member).Select(u => u.PreferredCulture).SingleAsync()));
    }
}
