using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Web.Data;
using Marketplace.Web.Gaps;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

/// <summary>
/// The gaps issue as the coordination office clicks it: the demo's housing gap in Erlangen's Altstadt (Data/DemoGaps),
/// the drill-down to its waiting requests, a proposed match, and the next day's aggregates; the public page beside it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class GapFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Town = "erlangen";
    private const string Coordinator = "erlangen-koordination";

    /// <summary>The demo's gap cell: the top category "Wohnen" in the district "Altstadt".</summary>
    private Task<(int Category, int District)> HousingGapCellAsync() => app.InTownAsync(Town, async db =>
        (await db.Categories.Where(c => c.Key == "wohnen" && c.ParentId == null).Select(c => c.Id).SingleAsync(),
            await db.Districts.Where(d => d.Name == "Altstadt").Select(d => d.Id).SingleAsync()));

    /// <summary>The office matrix's cell of a category (its row) and district (its column), marked with the test id.</summary>
    private static async Task<ILocator> CellAsync(IPage page, string testId, int category, int district)
    {
        var columns = await page.Locator("[data-testid=gap-matrix] thead th").EvaluateAllAsync<string[]>("ths => ths.map(th => th.dataset.district ?? '')");
        var column = Array.IndexOf(columns, $"{district}");
        Assert.True(column > 0, $"no column for district {district}");
        return page.Locator($"tr[data-category='{category}'] > :nth-child({column + 1})[data-testid={testId}]");
    }

    private static async Task<int> WaitingAsync(ILocator cell) =>
        int.Parse(Regex.Match(await cell.Locator("em").InnerTextAsync(), @"\d+").Value, CultureInfo.InvariantCulture);

    /// <summary>A cell's drill-down to the office's queue, which its request count is.</summary>
    private static ILocator RequestsLink(ILocator cell) => cell.Locator("a[href^='/coordination/requests']");

    [Fact]
    public async Task The_coordinator_drills_down_from_the_housing_gap_proposes_a_match_and_the_next_days_aggregates_show_one_request_less_waiting()
    {
        var (wohnen, altstadt) = await HousingGapCellAsync();
        var office = await app.SignedInPageAsync(Town, Coordinator);
        await office.GotoAsync(app.TownUrl(Town, "/coordination/gaps"));

        var gap = await CellAsync(office, "gap-cell", wohnen, altstadt);
        await Expect(gap).ToBeVisibleAsync();
        await Expect(RequestsLink(gap)).ToContainTextAsync("4");
        var waitingBefore = await WaitingAsync(gap);
        Assert.Equal(4, waitingBefore);
        // The balance is told by a symbol beside its word, not by the colour alone; the style sheet draws it.
        Assert.Contains("!", await gap.Locator("b").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        await Expect(gap.Locator("b")).ToHaveTextAsync("Lücke");

        // The time to match of the last 26 weeks has a median from the demo's history: it loads when scrolled to.
        await office.GetByTestId("gap-trends-link").ScrollIntoViewIfNeededAsync();
        var times = office.GetByTestId("time-to-match");
        await Expect(times.GetByTestId("ttm-town-period-median")).ToHaveTextAsync(new Regex(@"\d"));
        await Expect(office.GetByTestId("gap-charts")).ToBeVisibleAsync();

        // The request count leads to the office queue filtered to the cell: the demo's waiting housing requests.
        await RequestsLink(gap).ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex(
            $"/coordination/requests\\?Category={wohnen}&District={altstadt}$"));
        var rows = office.GetByTestId("queue-row");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Filter(new() { HasText = "Familie sucht Wohnung in Altstadt" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "Zimmer für Auszubildenden in Altstadt" })).ToHaveCountAsync(1);

        // The office opens one and proposes the first helper the suggestions give: the demo's housing offers and volunteers
        // elsewhere in town (none serves Altstadt or a district next to it, which is what makes the cell a gap), so the
        // test creates none.
        await rows.Filter(new() { HasText = "Familie sucht Wohnung in Altstadt" }).GetByTestId("queue-open").ClickAsync();
        var suggestion = office.GetByTestId("suggestion").First;
        await Expect(suggestion).ToBeVisibleAsync();
        await suggestion.GetByTestId("propose-match").ClickAsync();
        await Expect(office.GetByTestId("match-status")).ToHaveTextAsync("vorgeschlagen");

        // The weekly build as it runs a day later: the request with a pending proposal is open but no longer waiting.
        await using (var scope = await app.Services.GetRequiredService<TenantScopeFactory>().CreateAsync(await app.TownIdAsync(Town)))
        {
            var services = scope.ServiceProvider;
            var tomorrow = new ShiftedClock(TimeSpan.FromDays(1));
            var tenant = services.GetRequiredService<ITenantContext>();
            var builder = new WeeklySupplyBuilder(services.GetRequiredService<AppDbContext>(), tenant, new TownClock(tenant, tomorrow), tomorrow);
            await builder.BuildAsync(CancellationToken.None);
        }

        await office.GotoAsync(app.TownUrl(Town, "/coordination/gaps"));
        gap = await CellAsync(office, "gap-cell", wohnen, altstadt);
        await Expect(gap).ToBeVisibleAsync();
        await Expect(gap.Locator("em")).ToHaveTextAsync(new Regex($@"\b{waitingBefore - 1}\b"));
        await Expect(RequestsLink(gap)).ToContainTextAsync("4");

        // The public page shows last week's matrix to anyone.
        var visitor = await app.NewPageAsync();
        var response = await visitor.GotoAsync(app.TownUrl(Town, "/gaps"));
        Assert.True(response?.Ok, $"/gaps answered {response?.Status}");
        await Expect(visitor.GetByTestId("gaps-week")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("gap-matrix")).ToBeVisibleAsync();
        await Expect(visitor.Locator($"[data-category='{wohnen}'][data-district='{altstadt}']")).ToBeVisibleAsync();

        await office.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_360px_phone_in_Arabic_the_office_matrix_scrolls_inside_its_own_box_and_the_page_does_not()
    {
        var page = await app.SizedPageAsync(app.TownUrl(Town, ""), SizedPages.Phone, "ar", Coordinator);
        var response = await page.GotoAsync(app.TownUrl(Town, "/coordination/gaps"));
        Assert.True(response?.Ok, $"/coordination/gaps answered {response?.Status}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByTestId("gap-matrix")).ToBeVisibleAsync();

        var overflow = await SizedPages.OverflowAsync(page, "/coordination/gaps");
        Assert.True(overflow is null, overflow);
        var box = page.Locator(".gap-matrix-wrap");
        Assert.Equal("auto", await box.EvaluateAsync<string>("e => getComputedStyle(e).overflowX"));
        var (scrollWidth, clientWidth) = (await box.EvaluateAsync<int>("e => e.scrollWidth"), await box.EvaluateAsync<int>("e => e.clientWidth"));
        Assert.True(scrollWidth > clientWidth, $"the matrix ({scrollWidth} px) should be wider than its box ({clientWidth} px)");
        Assert.True(clientWidth <= SizedPages.Phone, $"the box is {clientWidth} px wide");

        // It really scrolls: in right-to-left the box scrolls towards negative offsets.
        await box.EvaluateAsync("e => e.scrollBy({ left: -200 })");
        Assert.NotEqual(0, await box.EvaluateAsync<int>("e => Math.round(e.scrollLeft)"));
        overflow = await SizedPages.OverflowAsync(page, "/coordination/gaps");
        Assert.True(overflow is null, overflow);
        await page.Context.CloseAsync();
    }

    /// <summary>The machine's time moved by a fixed span, for a build "as it would run" later.</summary>
    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
