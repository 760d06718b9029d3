using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Listings;

[Trait("Category", "Database")]
public sealed class ListingBrowseTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static async Task<List<string>> TitlesAsync(HttpClient client, string query)
    {
        var page = await client.GetPageAsync("/listings" + query);
        return page.QuerySelectorAll("[data-testid=listing-title]").Select(a => a.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task FullText_FindsWordsInTitleAndDescription_AndWordBeginnings()
    {
        await app.CreateListingAsync("potsdam", "potsdam-mitglied", title: "Begleitung zum Bürgeramt", categoryKey: "dolmetschen",
            configure: l => l.Description = "Ich begleite zu Terminen bei der Ausländerbehörde, auch auf Arabisch.");
        await app.CreateListingAsync("potsdam", "potsdam-mitglied", title: "Winterjacken für Kinder", categoryKey: "kleidung");
        var client = app.TownClient("potsdam");

        Assert.Contains("Begleitung zum Bürgeramt", await TitlesAsync(client, "?q=Ausländerbehörde"));
        Assert.Contains("Winterjacken für Kinder", await TitlesAsync(client, "?q=winterjacke"));
        Assert.Contains("Winterjacken für Kinder", await TitlesAsync(client, "?q=Kind"));
        Assert.DoesNotContain("Winterjacken für Kinder", await TitlesAsync(client, "?q=Bürgeramt"));
        // FTS5 syntax in the input is taken as words, never as query operators.
        Assert.Contains("Begleitung zum Bürgeramt", await TitlesAsync(client, "?q=%22Arabisch%22%20%2A%20(%20-"));
    }

    [Fact]
    public async Task Card_ShowsTheCategoryPictogramFromTheSite_HiddenFromScreenReaders_BesideTheName()
    {
        await app.CreateListingAsync("potsdam", "potsdam-mitglied", title: "Kinderfahrrad zu verschenken", categoryKey: "fahrraeder");
        var client = app.TownClient("potsdam");

        var page = await client.GetPageAsync("/listings?q=Kinderfahrrad");

        var card = page.QuerySelectorAll("[data-testid=listing-card]")
            .Single(c => c.QuerySelector("[data-testid=listing-title]")!.TextContent.Trim() == "Kinderfahrrad zu verschenken");
        var category = card.QuerySelector("[data-testid=listing-category]")!;
        Assert.Equal("Fahrräder", category.TextContent.Trim());
        var icon = category.QuerySelector("svg")!;
        Assert.Equal("true", icon.GetAttribute("aria-hidden"));
        var href = icon.QuerySelector("use")!.GetAttribute("href")!;
        Assert.StartsWith("/icons/categories.svg?v=", href);
        Assert.EndsWith("#bike", href);
        var sprite = await client.GetAsync(href[..href.IndexOf('#')]);
        Assert.Equal(HttpStatusCode.OK, sprite.StatusCode);
        Assert.Equal("image/svg+xml", sprite.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<symbol id=\"bike\"", await sprite.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FullText_LooksOnlyAtTitleAndDescription_NotAtHowTheIndexKeysTheTown()
    {
        await app.CreateListingAsync("potsdam", "potsdam-mitglied", title: "Schlüssel-Test Bücherregal");
        var town = await app.TownIdAsync("potsdam");
        var client = app.TownClient("potsdam");

        Assert.Contains("Schlüssel-Test Bücherregal", await TitlesAsync(client, "?q=Bücherregal"));
        Assert.Empty(await TitlesAsync(client, $"?q={town.ToString("D")[..8]}"));
        Assert.Empty(await TitlesAsync(client, $"?q=t{town:N}"));
    }

    [Fact]
    public async Task Filters_TypeCategoryDistrictLanguageAndPoster_Narrow_TheResults()
    {
        var district = await app.InTownAsync("koeln", db => db.Districts.Where(d => d.Name == "Ehrenfeld").Select(d => d.Id).SingleAsync());
        var transport = await app.InTownAsync("koeln", db => db.Categories.Where(c => c.Key == "fahrdienste").Select(c => c.Id).SingleAsync());
        await app.CreateListingAsync("koeln", "koeln-mitglied", ListingType.Request, "Fahrt nach Ehrenfeld gesucht", "fahrdienst",
            l => { l.DistrictId = district; l.Languages = ",de,fa,"; });
        await app.CreateListingAsync("koeln", "koeln-mitglied", ListingType.Offer, "Fahrten zum Arzt angeboten", "fahrdienst");
        var client = app.TownClient("koeln");

        var requestsInTransport = await TitlesAsync(client, $"?type=Request&category={transport}");
        Assert.Contains("Fahrt nach Ehrenfeld gesucht", requestsInTransport);
        Assert.DoesNotContain("Fahrten zum Arzt angeboten", requestsInTransport);
        Assert.Equal(["Fahrt nach Ehrenfeld gesucht"], await TitlesAsync(client, $"?district={district}&language=fa"));
        Assert.Contains("Fahrten zum Arzt angeboten", await TitlesAsync(client, "?poster=person"));
        Assert.Empty(await TitlesAsync(client, "?poster=SportsClub&q=Fahrt"));
    }

    [Fact]
    public async Task ReaderInArabic_SeesTheSubCategoryInArabic_OnTheListAndTheListing()
    {
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Wintermäntel Größe 140", categoryKey: "kleidung");
        var client = app.TownClient("erlangen");

        // The pictogram beside the name is an SVG without text: the name is the whole text.
        var list = await client.GetPageAsync("/listings?q=Wintermäntel&culture=ar");
        Assert.Equal("ملابس", list.QuerySelector("[data-testid=listing-category]")!.TextContent.Trim());
        var listing = await client.GetPageAsync($"/listings/{id}?culture=ar");
        Assert.Equal("ملابس", listing.TestId("listing-category"));
    }

    [Fact]
    public async Task PausedExpiredAndHiddenListings_AreNotListed_AndOnlyThePosterStillReadsOldOnes()
    {
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Sichtbarer Sessel");
        var paused = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Pausierter Sessel", configure: l => l.Status = ListingStatus.Paused);
        var expired = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Abgelaufener Sessel",
            configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1));
        var hidden = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Versteckter Sessel", configure: l => l.IsHidden = true);
        var client = app.TownClient("erlangen");

        Assert.Equal(["Sichtbarer Sessel"], await TitlesAsync(client, "?q=Sessel"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/listings/{expired}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/listings/{paused}")).StatusCode);
        var poster = app.TownClient("erlangen");
        await poster.LoginOkAsync("erlangen-mitglied");
        var old = await poster.GetPageAsync($"/listings/{expired}");
        Assert.Equal("Abgelaufen", old.TestId("listing-status"));
        Assert.Null(old.QuerySelector("[data-testid=respond-button]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/listings/{hidden}")).StatusCode);
        var coordinator = app.TownClient("erlangen");
        await coordinator.LoginOkAsync("erlangen-koordination");
        Assert.NotNull((await coordinator.GetPageAsync($"/listings/{hidden}")).QuerySelector("[data-testid=listing-hidden]"));
    }

    [Fact]
    public async Task Htmx_GetsOnlyTheResultsFragment_PlainRequestTheWholePage()
    {
        var client = app.TownClient("erlangen");
        var request = new HttpRequestMessage(HttpMethod.Get, "/listings?q=Sessel");
        request.Headers.Add("HX-Request", "true");

        var fragment = await client.SendAsync(request);
        var html = await fragment.Content.ReadAsStringAsync();

        Assert.StartsWith("<section id=\"listing-results\"", html.Trim());
        Assert.DoesNotContain("<html", html);
        Assert.Contains("HX-Request", fragment.Headers.Vary);
        Assert.Contains("<html", await client.GetStringAsync("/listings?q=Sessel"));
    }

    [Fact]
    public async Task Cards_ShowCategoryDistrictAndVerifiedOrganisation_SortByNewestOrEndingSoon_AndCountPastTheLastPage()
    {
        var now = DateTimeOffset.UtcNow;
        var organisation = await app.InTownAsync("koeln", async db =>
        {
            var org = new Organisation
            {
                Name = "Sortierverein Köln", Type = OrganisationType.Association, Status = OrganisationStatus.Approved,
                CreatedAt = now
            };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            return org.Id;
        });
        await app.CreateListingAsync("koeln", "koeln-mitglied", title: "Sortierprobe alt, endet spät",
            configure: l => { l.PublishedAt = now.AddDays(-3); l.ExpiresAt = now.AddDays(20); });
        await app.CreateListingAsync("koeln", "koeln-mitglied", title: "Sortierprobe neu, endet mittel",
            configure: l => { l.PublishedAt = now.AddMinutes(-1); l.ExpiresAt = now.AddDays(10); l.OrganisationId = organisation; });
        await app.CreateListingAsync("koeln", "koeln-mitglied", title: "Sortierprobe mittel, endet bald",
            configure: l => { l.PublishedAt = now.AddDays(-1); l.ExpiresAt = now.AddDays(2); });
        var client = app.TownClient("koeln");

        Assert.Equal(["Sortierprobe neu, endet mittel", "Sortierprobe mittel, endet bald", "Sortierprobe alt, endet spät"],
            await TitlesAsync(client, "?q=Sortierprobe"));
        Assert.Equal(["Sortierprobe mittel, endet bald", "Sortierprobe neu, endet mittel", "Sortierprobe alt, endet spät"],
            await TitlesAsync(client, "?q=Sortierprobe&sort=Ending"));

        var page = await client.GetPageAsync("/listings?q=Sortierprobe");
        var card = page.QuerySelectorAll("[data-testid=listing-card]").First();
        Assert.Contains("Fahrräder", card.QuerySelector("[data-testid=listing-category]")!.TextContent);
        var firstDistrict = await app.InTownAsync("koeln", db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Name).FirstAsync());
        Assert.Contains(firstDistrict, card.QuerySelector("[data-testid=listing-district]")!.TextContent);
        Assert.Contains("Sortierverein Köln", card.TextContent);
        Assert.NotNull(card.QuerySelector(".badge-verified"));
        Assert.Null(page.QuerySelectorAll("[data-testid=listing-card]").Last().QuerySelector(".badge-verified"));

        var pastTheEnd = await client.GetPageAsync("/listings?q=Sortierprobe&p=4");
        Assert.Empty(pastTheEnd.QuerySelectorAll("[data-testid=listing-card]"));
        Assert.Contains("3", pastTheEnd.TestId("result-count"));
    }

    [Fact]
    public async Task Paging_ShowsTwentyPerPage()
    {
        for (var i = 0; i < 23; i++)
        {
            await app.CreateListingAsync("erlangen", "erlangen-admin", title: $"Seitenangebot {i:00}", categoryKey: "moebel");
        }

        var client = app.TownClient("erlangen");
        var first = await client.GetPageAsync("/listings?q=Seitenangebot");
        var second = await client.GetPageAsync(first.QuerySelector("[data-testid=page-next]")!.GetAttribute("href")!);

        Assert.Equal(20, first.QuerySelectorAll("[data-testid=listing-card]").Length);
        Assert.Equal(3, second.QuerySelectorAll("[data-testid=listing-card]").Length);
        Assert.Contains("23", first.TestId("result-count"));
    }
}
