using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// axe (WCAG 2.1 A/AA rules) on the pages people use most, in German and in Arabic: no critical and no serious violation.
/// Arabic pages are right to left, the office's included.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>A page whose language is set the way the switcher sets it (the culture cookie), signed in when a login is given.</summary>
    private async Task<IPage> PageInAsync(string culture, string? login)
    {
        var page = login is null ? await app.NewPageAsync() : await app.SignedInPageAsync("erlangen", login);
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Domain = "erlangen.localhost", Path = "/",
        }]);
        return page;
    }

    private async Task<(int Listing, int Conversation, int Request)> DemoIdsAsync()
    {
        var member = await app.UserIdAsync("erlangen-mitglied");
        return await app.InTownAsync("erlangen", async db => (
            await db.Listings.Where(l => l.Status == ListingStatus.Published && l.Type == ListingType.Offer).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync(),
            await db.Conversations.Where(c => c.RespondentUserId == member || c.Listing!.PosterUserId == member).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Listings.Where(l => l.Status == ListingStatus.Published && l.Type == ListingType.Request).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync()));
    }

    public static TheoryData<string> Cultures => ["de", "ar"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task PublicAndMemberPages_HaveNoCriticalOrSeriousViolations(string culture)
    {
        var (listing, conversation, _) = await DemoIdsAsync();
        var visitor = await PageInAsync(culture, null);
        var member = await PageInAsync(culture, "erlangen-mitglied");

        var problems = new List<string>();
        foreach (var (page, path) in new[]
                 {
                     (visitor, "/"), (visitor, "/listings"), (visitor, $"/listings/{listing}"), (visitor, "/account/register"),
                     (visitor, "/account/login"), (member, "/listings/new"), (member, "/me"), (member, $"/messages/{conversation}"),
                 })
        {
            problems.AddRange(await ViolationsAsync(page, path, culture));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task OfficePages_HaveNoCriticalOrSeriousViolations(string culture)
    {
        var (_, _, request) = await DemoIdsAsync();
        var office = await PageInAsync(culture, "erlangen-koordination");

        var problems = new List<string>();
        foreach (var path in new[] { "/coordination", "/coordination/requests", $"/coordination/requests/{request}" })
        {
            problems.AddRange(await ViolationsAsync(office, path, culture));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task ArabicPages_AreRightToLeft_WithTheFirstItemOfTheHeaderAtTheRightEdge()
    {
        foreach (var (culture, login, path) in new[] { ("ar", (string?)null, "/listings"), ("ar", "erlangen-koordination", "/coordination/requests") })
        {
            var page = await PageInAsync(culture, login);
            await page.GotoAsync(app.TownUrl("erlangen", path));

            Assert.Equal(("rtl", "ar"), (await page.Locator("html").GetAttributeAsync("dir"), await page.Locator("html").GetAttributeAsync("lang")));
            var width = await page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
            var brand = (await page.GetByTestId("brand").BoundingBoxAsync())!;
            Assert.True(brand.X + brand.Width > width - 48, $"{path}: the brand ends at {brand.X + brand.Width} of {width}");
            await page.Context.CloseAsync();
        }
    }

    private async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path, string culture)
    {
        var response = await page.GotoAsync(app.TownUrl("erlangen", path));
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));
        var result = await page.RunAxe(WcagAA);
        return result.Violations
            .Where(v => v.Impact is "critical" or "serious")
            .Select(v => $"{culture} {path}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
