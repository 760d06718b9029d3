using System.Globalization;
using System.Net;
using Marketplace.Web.Domain;
using Marketplace.Web.Pages.Coordination.Gaps;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Gaps;

/// <summary>
/// The office's gap matrix at /coordination/gaps as a coordinator sees it. Each test sets up its own top category and
/// districts, so its cells hold only the aggregates and facts it wrote (the demo towns have their own history).
/// </summary>
[Trait("Category", "Database")]
public sealed class GapOfficeTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";
    private const string Page = "/coordination/gaps";

    private sealed record Cells(int Category, int Home, int Neighbour, int Far, string HomeName, DateOnly ThisWeek);

    /// <summary>A new top category and three districts: Home and Neighbour next to each other, Far alone.</summary>
    private Task<Cells> CellsAsync(string slug = Town) => app.InTownAsync(slug, async db =>
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var category = new Category { Key = $"gap-{tag}", Names = TranslatedText.InGerman($"Lückentest {tag}"), SortOrder = 900 };
        var home = new District { Name = $"Heim {tag}", SortOrder = 900 };
        var neighbour = new District { Name = $"Nachbar {tag}", SortOrder = 901 };
        var far = new District { Name = $"Fern {tag}", SortOrder = 902 };
        db.AddRange(category, home, neighbour, far);
        await db.SaveChangesAsync();
        home.NeighbourIds = [neighbour.Id];
        neighbour.NeighbourIds = [home.Id];
        await db.SaveChangesAsync();
        var zone = TownClock.ZoneOf(await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.TimeZoneId).SingleAsync());
        return new Cells(category.Id, home.Id, neighbour.Id, far.Id, home.Name, TownClock.WeekStartOf(zone, DateTimeOffset.UtcNow));
    });

    private Task SupplyAsync(DateOnly week, int category, int district, ListingType side, int open, int stale,
        Action<WeeklySupply>? more = null, string slug = Town) =>
        app.InTownAsync(slug, db =>
        {
            var row = new WeeklySupply { WeekStart = week, CategoryId = category, DistrictId = district, Side = side, OpenAtWeekEnd = open, StaleAtWeekEnd = stale };
            more?.Invoke(row);
            db.WeeklySupplies.Add(row);
            return db.SaveChangesAsync();
        });

    private Task VolunteersAsync(DateOnly week, int category, int district, int available) => app.InTownAsync(Town, db =>
    {
        db.WeeklyVolunteers.Add(new WeeklyVolunteers { WeekStart = week, CategoryId = category, DistrictId = district, Available = available });
        return db.SaveChangesAsync();
    });

    private static string Url(Cells cells, DateOnly? week = null) =>
        $"{Page}?category={cells.Category}" + (week is { } w ? $"&week={w:yyyy-MM-dd}" : "");

    /// <summary>Only gap and surplus cells carry a test id (gap-cell, surplus-cell).</summary>
    private static void AssertNeitherGapNorSurplus(AngleSharp.Dom.IElement cell) => Assert.Null(cell.GetAttribute("data-testid"));

    /// <summary>Time to match and the charts of the same week and category (their own page; htmx loads them into the gap page).</summary>
    private static string TrendsUrl(Cells cells, DateOnly? week = null) =>
        $"{Page}/charts?category={cells.Category}" + (week is { } w ? $"&week={w:yyyy-MM-dd}" : "");

    private static AngleSharp.Dom.IElement CellOf(AngleSharp.Dom.IDocument page, int category, int district) =>
        page.QuerySelector($"tr[data-category='{category}']")?.Children.ElementAtOrDefault(
            page.QuerySelectorAll("[data-testid=gap-matrix] thead th").Select(th => th.GetAttribute("data-district")).ToList().IndexOf($"{district}"))
        ?? throw new InvalidOperationException("No such cell.");

    [Fact]
    public async Task Anonymous_IsSentToLogin_AMemberIs403_TheOfficeAndTheTownAdminSeeThePage()
    {
        var anonymous = await app.TownClient(Town).GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        var member = await app.SignedInAsync(Town, $"{Town}-mitglied");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(Page)).StatusCode);

        foreach (var office in new[] { $"{Town}-koordination", $"{Town}-admin" })
        {
            var client = await app.SignedInAsync(Town, office);
            var response = await client.GetAsync(Page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.NotNull(page.QuerySelector("[data-testid=gap-matrix]"));
            Assert.NotNull(page.QuerySelector("[data-testid=coordination-nav-gaps]"));
        }
    }

    [Fact]
    public async Task AnotherTownsCoordinator_SeesNoneOfThisTownsCells()
    {
        var cells = await CellsAsync();
        await SupplyAsync(cells.ThisWeek, cells.Category, cells.Home, ListingType.Request, 4, 4);

        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");
        var response = await potsdam.GetAsync($"{Page}?category={cells.Category}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(cells.HomeName, html);
        Assert.DoesNotContain($"data-district=\"{cells.Home}\"", html);
        Assert.DoesNotContain("Lückentest", html);
    }

    [Fact]
    public async Task WaitingRequestsWithNobodyNear_AreAGapCell_IdleOffersWithoutRequests_ASurplusCell()
    {
        var cells = await CellsAsync();
        await SupplyAsync(cells.ThisWeek, cells.Category, cells.Far, ListingType.Request, 3, 2);
        await SupplyAsync(cells.ThisWeek, cells.Category, cells.Home, ListingType.Offer, 2, 2);
        var client = await app.SignedInAsync(Town, $"{Town}-koordination");

        var page = await client.GetPageAsync(Url(cells));

        var gap = CellOf(page, cells.Category, cells.Far);
        Assert.Equal("gap-cell", gap.GetAttribute("data-testid"));
        Assert.Contains("Lücke", gap.TextContent);
        Assert.Contains("3 Gesuche", gap.TextContent);
        var surplus = CellOf(page, cells.Category, cells.Home);
        Assert.Equal("surplus-cell", surplus.GetAttribute("data-testid"));
        Assert.Contains("Überangebot", surplus.TextContent);
        Assert.Contains("2 Angebote", surplus.TextContent);
        AssertNeitherGapNorSurplus(CellOf(page, cells.Category, cells.Neighbour));
        Assert.Contains("Gesuche warten länger als 7 Tage", page.TestId("gap-definitions"));
    }

    [Fact]
    public async Task AnOfferInANeighbouringDistrict_MakesWaitingRequestsNoGap_AVolunteerHereToo()
    {
        var cells = await CellsAsync();
        await SupplyAsync(cells.ThisWeek, cells.Category, cells.Home, ListingType.Request, 2, 2);
        await SupplyAsync(cells.ThisWeek, cells.Category, cells.Neighbour, ListingType.Offer, 1, 0);
        await SupplyAsync(cells.ThisWeek, cells.Category, cells.Far, ListingType.Request, 2, 2);
        await VolunteersAsync(cells.ThisWeek, cells.Category, cells.Far, 1);
        var client = await app.SignedInAsync(Town, $"{Town}-koordination");

        var page = await client.GetPageAsync(Url(cells));

        AssertNeitherGapNorSurplus(CellOf(page, cells.Category, cells.Home));
        Assert.Contains("ausgeglichen", CellOf(page, cells.Category, cells.Home).TextContent);
        var far = CellOf(page, cells.Category, cells.Far);
        AssertNeitherGapNorSurplus(far);
        Assert.Contains("1 ehrenamtliche Person", far.TextContent);
        Assert.Empty(page.QuerySelectorAll($"tr[data-category='{cells.Category}'] [data-testid=gap-cell]"));
    }

    [Fact]
    public async Task ACellsNumbers_DrillDownToTheQueueAndTheOffers_OfThatCategoryAndDistrict()
    {
        var cells = await CellsAsync();
        await SupplyAsync(cells.ThisWeek, cells.Category, cells.Home, ListingType.Request, 2, 0);
        await SupplyAsync(cells.ThisWeek, cells.Category, cells.Home, ListingType.Offer, 1, 0);
        var client = await app.SignedInAsync(Town, $"{Town}-koordination");

        var cell = CellOf(await client.GetPageAsync(Url(cells)), cells.Category, cells.Home);

        Assert.Equal($"/coordination/requests?Category={cells.Category}&District={cells.Home}",
            cell.QuerySelector("a[href^='/coordination/requests']")!.GetAttribute("href"));
        Assert.Equal($"/listings?type=Offer&category={cells.Category}&district={cells.Home}",
            cell.QuerySelector("a[href^='/listings']")!.GetAttribute("href"));
        var queue = await client.GetAsync($"/coordination/requests?Category={cells.Category}&District={cells.Home}");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [Fact]
    public async Task WeekSlider_ShowsAnOlderWeek_ByLinkAndBySlider_AndHtmxGetsOnlyTheFragment()
    {
        var cells = await CellsAsync();
        var older = cells.ThisWeek.AddDays(-7 * 5);
        await SupplyAsync(older, cells.Category, cells.Far, ListingType.Request, 6, 6);
        var client = await app.SignedInAsync(Town, $"{Town}-koordination");

        var current = await client.GetPageAsync(Url(cells));
        AssertNeitherGapNorSurplus(CellOf(current, cells.Category, cells.Far));
        Assert.Equal("0", current.QuerySelector("[data-testid=gap-week-slider]")!.GetAttribute("value"));
        Assert.Null(current.QuerySelector("[data-testid=gap-week-next]"));

        var byLink = await client.GetPageAsync(Url(cells, older));
        Assert.Equal("gap-cell", CellOf(byLink, cells.Category, cells.Far).GetAttribute("data-testid"));
        Assert.Equal("-5", byLink.QuerySelector("[data-testid=gap-week-slider]")!.GetAttribute("value"));
        Assert.Equal($"/coordination/gaps?week={older.AddDays(7):yyyy-MM-dd}&category={cells.Category}",
            byLink.QuerySelector("[data-testid=gap-week-next]")!.GetAttribute("href"));

        var request = new HttpRequestMessage(HttpMethod.Get, $"{Page}?offset=-5&category={cells.Category}");
        request.Headers.Add("HX-Request", "true");
        var fragment = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var swapped = await Html.ParseAsync(fragment);
        Assert.Null(swapped.QuerySelector("h1"));
        Assert.Equal(older.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), swapped.QuerySelector("#gap-view")!.GetAttribute("data-week"));
        Assert.Equal("gap-cell", CellOf(swapped, cells.Category, cells.Far).GetAttribute("data-testid"));
    }

    [Theory]
    [InlineData("?week=9999-12-27", 0)]
    [InlineData("?week=0001-01-01", 0)]
    [InlineData("?week=kaputt&offset=kaputt&category=-1", 0)]
    [InlineData("?week=kaputt&offset=-999&category=-1", IndexModel.HistoryWeeks - 1)] // the slider's oldest week
    public async Task OddWeeksAndFilters_FallBackToTheCurrentWeek_OrTheSlidersOldest_OnTheGapPageAndTheChartsPage(string query, int gapPageWeeksBack)
    {
        var current = (await CellsAsync()).ThisWeek;
        var thisWeek = current.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var client = await app.SignedInAsync(Town, $"{Town}-koordination");

        var response = await client.GetAsync(Page + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-testid=gap-matrix]"));
        Assert.Equal(current.AddDays(-7 * gapPageWeeksBack).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            page.QuerySelector("#gap-view")!.GetAttribute("data-week"));

        var charts = await client.GetAsync($"{Page}/charts{query}");
        Assert.Equal(HttpStatusCode.OK, charts.StatusCode);
        Assert.Equal(thisWeek, (await Html.ParseAsync(charts)).QuerySelector("#gap-trends")!.GetAttribute("data-week"));
    }

    [Fact]
    public async Task TheGapPage_LeadsToTimeToMatchAndTheCharts_OfItsWeekAndCategory_WhichHtmxGetsAlone()
    {
        var cells = await CellsAsync();
        var week = cells.ThisWeek.AddDays(-21);
        var client = await app.SignedInAsync(Town, $"{Town}-koordination");

        var link = (await client.GetPageAsync(Url(cells, week))).QuerySelector("[data-testid=gap-trends-link]")!;

        // Without JavaScript a link to their page; with htmx the same address, fetched when the link scrolls into view.
        var href = link.GetAttribute("href")!;
        Assert.Equal(href, link.GetAttribute("hx-get"));
        Assert.Equal("revealed", link.GetAttribute("hx-trigger"));
        var query = $"?week={week:yyyy-MM-dd}&category={cells.Category}";
        Assert.Equal($"{Page}/charts{query}", href);
        var page = await client.GetPageAsync(href);
        Assert.NotNull(page.QuerySelector("[data-testid=time-to-match]"));
        Assert.Equal($"{week:yyyy-MM-dd}", page.QuerySelector("#gap-charts")!.GetAttribute("data-week"));
        Assert.Equal($"{Page}{query}", page.QuerySelector("[data-testid=gap-charts-back]")!.GetAttribute("href"));

        var fragment = await Html.ParseAsync(await client.HtmxAsync(HttpMethod.Get, href));
        Assert.Null(fragment.QuerySelector("h1"));
        Assert.Equal("gap-trends", fragment.Body!.FirstElementChild!.Id);
        Assert.NotNull(fragment.QuerySelector("[data-testid=time-to-match]"));
        Assert.NotNull(fragment.QuerySelector("[data-testid=gap-charts]"));
    }

    [Fact]
    public async Task TimeToMatch_ShowsMedianAndP90_ByDistrict_AndTheHistogramOfTheWeek()
    {
        var cells = await CellsAsync();
        var week = cells.ThisWeek.AddDays(-14);
        await app.InTownAsync(Town, async db =>
        {
            var zone = TownClock.ZoneOf(await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.TimeZoneId).SingleAsync());
            var at = TownClock.StartOfDay(zone, week.AddDays(2)).AddHours(12);
            var key = -900_000;
            foreach (var days in new[] { 1, 2, 3, 5, 40 })
            {
                db.SupplyFacts.Add(new SupplyFact
                {
                    Event = SupplyEvent.Matched, Side = ListingType.Request, CategoryId = cells.Category, DistrictId = cells.Home, At = at,
                    ListingKey = key--, Closes = true, DaysToMatch = days,
                });
            }

            return await db.SaveChangesAsync();
        });
        await SupplyAsync(week, cells.Category, cells.Home, ListingType.Request, 0, 0, row =>
        {
            row.Matched = 5;
            row.DaysToMatch0To1 = 1;
            row.DaysToMatch2To3 = 2;
            row.DaysToMatch4To7 = 1;
            row.DaysToMatchOver30 = 1;
        });
        var client = await app.SignedInAsync(Town, $"{Town}-koordination");

        var page = await client.GetPageAsync(TrendsUrl(cells, week));

        var section = page.QuerySelector("[data-testid=time-to-match]")!;
        var district = section.QuerySelector($"[data-testid=ttm-district][data-id='{cells.Home}']")!;
        Assert.Equal("5", district.QuerySelector("[data-testid=ttm-week-count]")!.TextContent.Trim());
        Assert.Equal("3 Tage", district.QuerySelector("[data-testid=ttm-week-median]")!.TextContent.Trim());
        Assert.Equal("40 Tage", district.QuerySelector("[data-testid=ttm-week-p90]")!.TextContent.Trim());
        Assert.Equal("3 Tage", page.TestId("ttm-town-week-median"));
        Assert.Equal("40 Tage", page.TestId("ttm-town-period-p90"));
        var buckets = section.QuerySelectorAll("[data-testid=ttm-bucket]")
            .ToDictionary(b => b.GetAttribute("data-bucket")!, b => b.QuerySelector("[data-testid=ttm-bucket-count]")!.TextContent.Trim());
        Assert.Equal(["1", "2", "1", "0", "1"], new[] { "GapDesk_Bucket0To1", "GapDesk_Bucket2To3", "GapDesk_Bucket4To7", "GapDesk_Bucket8To30", "GapDesk_BucketOver30" }.Select(k => buckets[k]));
        Assert.NotNull(section.QuerySelector("[data-testid=ttm-histogram-chart]"));
        Assert.NotNull(section.QuerySelector("[data-testid=ttm-trend-chart]"));
        var trendWeek = section.QuerySelector($"[data-testid=ttm-trend-week][data-week='{week:yyyy-MM-dd}']")!;
        Assert.Contains("3 Tage", trendWeek.TextContent);
    }

    [Fact]
    public async Task TimeToMatch_WithoutMatches_SaysNoMatchesYet()
    {
        var cells = await CellsAsync();
        var client = await app.SignedInAsync(Town, $"{Town}-koordination");

        var page = await client.GetPageAsync(TrendsUrl(cells));

        Assert.Equal("Noch keine Vermittlungen", page.TestId("time-to-match-empty"));
        Assert.Equal("Noch keine Vermittlungen", page.TestId("ttm-histogram-empty"));
    }

    [Fact]
    public async Task TownAdmin_ChangesTheGapRules_TheyAreSaved_AndTheGapPageExplainsWithThem()
    {
        var client = await app.SignedInAsync("koeln", "koeln-admin");

        var response = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Gaps.WaitingDays"] = "10", ["Gaps.IdleDays"] = "45", ["Gaps.AlertOpenRequests"] = "8", ["Gaps.AlertMedianDays"] = "21",
            ["Gaps.AlertSurplusWeeks"] = "6",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var town = await app.InTownAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "koeln"));
        Assert.Equal((10, 45, 8, 21, 6), (town.GapWaitingDays, town.SurplusIdleDays, town.GapAlertOpenRequests, town.GapAlertMedianDays, town.GapAlertSurplusWeeks));
        var settings = await client.GetPageAsync("/town/settings");
        Assert.Equal("10", settings.QuerySelector("[data-testid=settings-gap-waiting-days]")!.GetAttribute("value"));
        var explanation = (await client.GetPageAsync(Page)).TestId("gap-definitions");
        Assert.Contains("länger als 10 Tage", explanation);
        Assert.Contains("seit 45 Tagen", explanation);
    }

    [Theory]
    [InlineData("Gaps.WaitingDays", "0")]
    [InlineData("Gaps.WaitingDays", "91")]
    [InlineData("Gaps.IdleDays", "")]
    [InlineData("Gaps.AlertOpenRequests", "viele")]
    [InlineData("Gaps.AlertMedianDays", "365")]
    [InlineData("Gaps.AlertSurplusWeeks", "0")]
    public async Task BadGapRules_ShowTheMessageAtTheField_AndNothingIsSaved(string field, string value)
    {
        var client = await app.SignedInAsync("potsdam", "potsdam-admin");
        var before = await app.InTownAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "potsdam"));

        var response = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Gaps.WaitingDays"] = "12", ["Gaps.IdleDays"] = "50", ["Gaps.AlertOpenRequests"] = "9", ["Gaps.AlertMedianDays"] = "20",
            ["Gaps.AlertSurplusWeeks"] = "5", [field] = value,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError(field));
        var after = await app.InTownAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "potsdam"));
        Assert.Equal((before.GapWaitingDays, before.SurplusIdleDays, before.GapAlertOpenRequests, before.GapAlertMedianDays, before.GapAlertSurplusWeeks),
            (after.GapWaitingDays, after.SurplusIdleDays, after.GapAlertOpenRequests, after.GapAlertMedianDays, after.GapAlertSurplusWeeks));
    }
}
