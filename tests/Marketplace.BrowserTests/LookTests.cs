using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

/// <summary>
/// The KERN look on a 360 px phone, in German and in Arabic (right to left): no page scrolls sideways, the listings page
/// shows its search box and first result above the fold with the other filters folded. Screenshots for a reviewer go to
/// TestResults/screenshots beside the test assembly.
/// </summary>
[Trait("Category", "Browser")]
public sealed class LookTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Town = "erlangen";
    private const string Coordinator = "erlangen-koordination";
    private const int Phone = SizedPages.Phone;

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private Task<IPage> PageAsync(int width, string culture, string? signedInAs = null) =>
        app.SizedPageAsync(app.TownUrl(Town, ""), width, culture, signedInAs);

    private async Task<string> ListingPathAsync() =>
        "/listings/" + await app.InTownAsync(Town, db => db.Listings
            .Where(l => l.Status == ListingStatus.Published && !l.IsHidden).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());

    private async Task<string> RequestPathAsync(IPage office)
    {
        await office.GotoAsync(app.TownUrl(Town, "/coordination/requests"));
        return (await office.GetByTestId("queue-open").First.GetAttributeAsync("href"))!;
    }

    [Theory]
    [InlineData("de", "ltr", KernStylesheet.LeftToRight)]
    [InlineData("ar", "rtl", KernStylesheet.RightToLeft)]
    public async Task At_360px_no_page_scrolls_sideways(string culture, string direction, string kernSheet)
    {
        var listing = await ListingPathAsync();
        var visitor = await PageAsync(Phone, culture);
        var office = await PageAsync(Phone, culture, Coordinator);
        var request = await RequestPathAsync(office);
        var pages = new (IPage Page, string Path)[]
        {
            (visitor, "/"), (visitor, "/listings"), (visitor, listing), (office, "/listings/new"), (office, "/me"),
            (office, "/coordination"), (office, "/coordination/requests"), (office, request), (office, "/coordination/hours"),
        };

        var overflowing = new List<string>();
        foreach (var (page, path) in pages)
        {
            await page.GotoAsync(app.TownUrl(Town, path));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
            await Expect(page.GetByTestId("kern-stylesheet")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(kernSheet) + @"\?v="));
            if (await SizedPages.OverflowAsync(page, path) is { } overflow)
            {
                overflowing.Add(overflow);
            }
        }

        Assert.Empty(overflowing);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task At_360px_the_listings_page_shows_search_and_first_result_above_the_fold_with_filters_folded(string culture)
    {
        var page = await PageAsync(Phone, culture);

        await page.GotoAsync(app.TownUrl(Town, "/listings"));

        await Expect(page.GetByTestId("filter-district")).Not.ToBeVisibleAsync();
        await Expect(page.GetByTestId("filter-more-toggle")).ToBeVisibleAsync();
        var search = (await page.GetByTestId("listing-search").BoundingBoxAsync())!;
        var first = (await page.GetByTestId("listing-title").First.BoundingBoxAsync())!;
        Assert.True(search.Y + search.Height <= 640, $"search box ends at {search.Y + search.Height}px");
        Assert.True(first.Y + first.Height <= 640, $"first result's title ends at {first.Y + first.Height}px");

        // Opening the disclosure (no script involved) shows the filters; choosing one keeps them open on the next page.
        await page.GetByTestId("filter-more-toggle").ClickAsync();
        await Expect(page.GetByTestId("filter-district")).ToBeVisibleAsync();
        await page.GotoAsync(app.TownUrl(Town, "/listings?type=Offer"));
        await Expect(page.GetByTestId("filter-district")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task At_360px_the_queue_shows_each_request_as_a_stacked_block_with_labelled_cells()
    {
        var office = await PageAsync(Phone, "de", Coordinator);

        await office.GotoAsync(app.TownUrl(Town, "/coordination/requests"));

        var waiting = office.GetByTestId("queue-waiting").First;
        Assert.Equal("block", await waiting.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("\"Wartet seit\"", await waiting.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
    }

    [Fact]
    public async Task Screenshots_of_home_listings_and_queue_at_1280_and_360px()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        foreach (var width in new[] { 1280, Phone })
        {
            foreach (var culture in new[] { "de", "ar" })
            {
                var visitor = await PageAsync(width, culture);
                var office = await PageAsync(width, culture, Coordinator);
                foreach (var (page, path, name) in new[] { (visitor, "/", "home"), (visitor, "/listings", "listings"), (office, "/coordination/requests", "queue") })
                {
                    await page.GotoAsync(app.TownUrl(Town, path));
                    var file = Path.Combine(ScreenshotFolder, $"{name}-{culture}-{width}.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                    Assert.True(new FileInfo(file).Length > 0);
                }

                await visitor.Context.CloseAsync();
                await office.Context.CloseAsync();
            }
        }
    }
}
