using System.Globalization;
using System.Resources;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>The five interface languages: switching, direction, texts, and the pages in easy language and on accessibility.</summary>
public sealed class LanguagesTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static readonly ResourceManager Texts = new("Marketplace.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static string Text(string key, string culture) => Texts.GetString(key, CultureInfo.GetCultureInfo(culture))!;

    [Theory]
    [InlineData("de", "ltr")]
    [InlineData("en", "ltr")]
    [InlineData("ar", "rtl")]
    [InlineData("fa", "rtl")]
    [InlineData("uk", "ltr")]
    public async Task LanguageSwitch_ShowsThePageInThatLanguage_AndDirection(string culture, string direction)
    {
        var client = app.TownClient("erlangen");
        var switched = await client.SubmitAsync("/account/login", "[data-testid=language-switcher]", submitterName: "culture", submitterValue: culture);

        Assert.Equal("/account/login", switched.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/account/login");
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(direction, page.DocumentElement.GetAttribute("dir"));
        Assert.Equal(Text("Login_Title", culture), page.QuerySelector("h1")!.TextContent);
        Assert.Equal(Text("Nav_Listings", culture), page.QuerySelector("[data-testid=nav-listings]")!.TextContent.Trim());
    }

    [Fact]
    public async Task LanguageSwitcher_OffersEveryLanguage_InItsOwnName()
    {
        var page = await app.TownClient("erlangen").GetPageAsync("/");

        var buttons = page.QuerySelectorAll("[data-testid=language-switcher] button[name=culture]")
            .Select(b => (b.GetAttribute("value"), b.GetAttribute("lang"), b.TextContent.Trim())).ToList();
        Assert.Equal(
            [("de", "de", "Deutsch"), ("en", "en", "English"), ("ar", "ar", "العربية"), ("fa", "fa", "فارسی"), ("uk", "uk", "Українська")],
            buttons);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    public async Task RightToLeftPages_IncludeTheOffice_AndKeepEveryScriptAsText(string culture)
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-koordination");
        var response = await client.GetAsync($"/coordination/requests?culture={culture}");

        var html = await response.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal(Text("Queue_Title", culture), page.QuerySelector("h1")!.TextContent.Trim());
        // Letters are written as themselves, not as character references (an Arabic page three times its size otherwise).
        Assert.Contains(Text("Queue_Title", culture), html);
    }

    [Fact]
    public async Task TownHome_LinksTheEasyLanguagePage_AndTheFooterTheAccessibilityStatement()
    {
        var client = app.TownClient("erlangen");
        var home = await client.GetPageAsync("/");

        Assert.Equal("/p/leichte-sprache", home.QuerySelector("[data-testid=home-easy-language]")!.GetAttribute("href"));
        Assert.Equal("/p/barrierefreiheit", home.QuerySelector("[data-testid=footer-accessibility]")!.GetAttribute("href"));

        var easy = await client.GetPageAsync("/p/leichte-sprache");
        Assert.Equal("Leichte Sprache", easy.QuerySelector("[data-testid=content-page] h1")!.TextContent);
        Assert.Contains("Koordinierungs·stelle", easy.QuerySelector("[data-testid=content-page]")!.TextContent);

        var statement = await client.GetPageAsync("/p/barrierefreiheit");
        Assert.Equal("Erklärung zur Barrierefreiheit", statement.QuerySelector("[data-testid=content-page] h1")!.TextContent);
        Assert.Contains("Feedback und Kontakt", statement.QuerySelector("[data-testid=content-page]")!.TextContent);
    }

    [Theory]
    [InlineData("help", "ar")]
    [InlineData("privacy", "fa")]
    [InlineData("imprint", "uk")]
    public async Task ContentPages_ExistInEveryLanguage(string name, string culture)
    {
        async Task<string> HeadingAsync(string language) =>
            (await app.TownClient("erlangen").GetPageAsync($"/p/{name}?culture={language}")).QuerySelector("[data-testid=content-page] h1")!.TextContent;

        var heading = await HeadingAsync(culture);

        Assert.NotEqual(await HeadingAsync("de"), heading);
        Assert.NotEqual(await HeadingAsync("en"), heading);
    }

    /// <summary>A number input refuses "1,5" in a browser set to English and sends an empty value: decimals are text fields.</summary>
    [Fact]
    public async Task HoursField_IsADecimalTextField_TakingACommaOrAPoint()
    {
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");
        var page = await member.GetPageAsync("/me/hours?culture=en");

        var field = page.QuerySelector("[data-testid=hours-hours]")!;
        Assert.Equal(("text", "decimal"), (field.GetAttribute("type"), field.GetAttribute("inputmode")));
        var pattern = new System.Text.RegularExpressions.Regex("^(?:" + field.GetAttribute("pattern") + ")$");
        Assert.All(["1,5", "1.5", "0,25", "8", "1.050,75"], typed => Assert.Matches(pattern, typed));
        Assert.All(["1,5,5", "zwei", "-1", ",5"], typed => Assert.DoesNotMatch(pattern, typed));
    }

    [Theory]
    [InlineData("en", "05/03/2027")]
    [InlineData("de", "05.03.2027")]
    [InlineData("uk", "05.03.2027")]
    [InlineData("ar", "5/3/2027")]
    [InlineData("fa", "2027/3/5")]
    public void Dates_AreGregorian_DayBeforeMonthOutsidePersian(string culture, string expected)
    {
        var date = new DateTime(2027, 3, 5);

        Assert.Equal(expected, date.ToString("d", Cultures.Get(culture)).Replace("\u200F", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de", "1.234,50 €")]
    [InlineData("en", "€1,234.50")]
    public void Money_FollowsTheReadersLanguage(string culture, string expected)
    {
        using var _ = CultureScope.Use(culture);

        Assert.Equal(expected, Cultures.Euros(1234.5m).Replace('\u00A0', ' '));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    public void RightToLeftNumbers_UseTheDecimalPoint_WithTheDigitsDotNetWrites(string culture) =>
        Assert.Equal("1,234.5", 1234.5m.ToString("#,##0.#", Cultures.Get(culture)));
}
