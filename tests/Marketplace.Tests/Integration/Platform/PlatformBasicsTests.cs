using System.Net;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Platform;

[Trait("Category", "Database")]
public sealed class PlatformBasicsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task BareDomain_ListsTheDemoTowns_WithLinksToTheirSubdomains()
    {
        var page = await app.PlatformClient().GetPageAsync("/");

        var links = page.QuerySelectorAll("[data-testid=town-link]").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Erlangen", "http://erlangen.localhost/"), ("Köln", "http://koeln.localhost/"), ("Potsdam", "http://potsdam.localhost/")], links);
    }

    [Theory]
    [InlineData("erlangen")]
    [InlineData("potsdam")]
    [InlineData("koeln")]
    public async Task TownHome_ShowsNameDistrictsAndCoordinationOffice(string slug)
    {
        var page = await app.TownClient(slug).GetPageAsync("/");

        Assert.True(page.QuerySelectorAll("[data-testid=district-list] li").Length >= 6);
        Assert.Contains($"koordination@{slug}.example", page.TestId("town-contact"));
        Assert.NotNull(page.QuerySelector("[data-testid=language-switcher]"));
    }

    [Fact]
    public async Task Healthz_ReportsHealthy_OnAnyHost()
    {
        Assert.Equal("Healthy", await app.PlatformClient().GetStringAsync("/healthz"));
        Assert.Equal("Healthy", await app.TownClient("nowhere").GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders_AndOnlyOwnScripts()
    {
        var response = await app.TownClient("erlangen").GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var page = await Html.ParseAsync(response);
        Assert.All(page.Scripts, s => Assert.StartsWith("/", s.Source));
        Assert.All(page.Scripts, s => Assert.True(string.IsNullOrWhiteSpace(s.Text)));
    }

    [Fact]
    public async Task HtmxConfig_KeepsRequestsToOwnOrigin_AndSwapsValidationErrors()
    {
        var page = await app.TownClient("erlangen").GetPageAsync("/");
        var config = System.Text.Json.JsonDocument.Parse(page.QuerySelector("meta[name=htmx-config]")!.GetAttribute("content")!).RootElement;

        Assert.False(config.TryGetProperty("selfRequestsOnly", out _), "htmx's default (true) must stay");
        Assert.False(config.GetProperty("allowEval").GetBoolean());
        Assert.Contains(config.GetProperty("responseHandling").EnumerateArray(), r => r.GetProperty("code").GetString() == ".*" && r.GetProperty("swap").GetBoolean());
    }

    [Fact]
    public async Task EveryForm_CarriesAnAntiforgeryToken()
    {
        var client = app.TownClient("erlangen");
        await client.LoginOkAsync("erlangen-admin");
        foreach (var path in new[] { "/", "/account/forgot-password", "/town/settings", "/town/districts", "/town/coordinators" })
        {
            var page = await client.GetPageAsync(path);
            Assert.All(page.Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)),
                f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        }
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRejected()
    {
        var response = await app.TownClient("erlangen").PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Login"] = "erlangen-mitglied", ["Input.Password"] = DemoData.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglish_StaysOnThePage_AndSetsLangAndDir()
    {
        var client = app.TownClient("erlangen");
        var switched = await client.SubmitAsync("/account/login", "[data-testid=language-switcher]", submitterName: "culture", submitterValue: "en");

        Assert.Equal("/account/login", switched.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/account/login");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
        Assert.Contains("Log in", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task LanguageSwitch_OnANotFoundPage_ReturnsToTheAddressAsked()
    {
        var response = await app.TownClient("erlangen").GetAsync("/gibt-es-nicht?seite=2");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("/gibt-es-nicht?seite=2", page.QuerySelector("[data-testid=language-switcher] input[name=returnUrl]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task LanguageSwitch_RefusesExternalReturnUrl()
    {
        var client = app.TownClient("erlangen");
        var page = await client.GetPageAsync("/");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=language-switcher]")!;

        var response = await client.SubmitAsync(form, "/", new Dictionary<string, string> { ["returnUrl"] = "https://evil.example/" }, "culture", "en");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("help", "de", "Hilfe")]
    [InlineData("help", "en", "Help")]
    [InlineData("privacy", "en", "Privacy")]
    public async Task ContentPages_AreRenderedFromMarkdown_InTheReadersLanguage(string name, string culture, string heading)
    {
        var page = await app.TownClient("erlangen").GetPageAsync($"/p/{name}?culture={culture}");

        Assert.Equal(heading, page.QuerySelector("[data-testid=content-page] h1")!.TextContent);
        Assert.StartsWith(heading + " – ", page.Title);
    }

    [Fact]
    public async Task ContentPage_Unknown_Is404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("erlangen").GetAsync("/p/nichts-da")).StatusCode);

    [Fact]
    public async Task DevMailbox_IsHidden_WhenMailGoesToARealServer() =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("erlangen").GetAsync("/dev/mail")).StatusCode);

    [Fact]
    public async Task DemoSeeding_RunTwice_ChangesNothing()
    {
        async Task<(int, int, int, int, int, int, int)> CountAsync() => await app.InTownAsync(null, async db =>
            (await db.Tenants.CountAsync(), await db.Users.CountAsync(),
             await db.Districts.IgnoreQueryFilters().CountAsync(), await db.Memberships.IgnoreQueryFilters().CountAsync(),
             await db.Listings.IgnoreQueryFilters().CountAsync(), await db.Organisations.IgnoreQueryFilters().CountAsync(),
             await db.Messages.IgnoreQueryFilters().CountAsync()));
        var before = await CountAsync();

        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync();

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task DataProtectionKeys_AreKeptInTheDatabase_ForSeveralInstances()
    {
        await app.TownClient("erlangen").GetAsync("/account/login");

        Assert.True(await app.InTownAsync(null, db => db.DataProtectionKeys.AnyAsync()));
    }
}
