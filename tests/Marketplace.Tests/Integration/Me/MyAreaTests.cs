using System.Net;
using AngleSharp.Dom;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Marketplace.Tests.Integration.Me;

/// <summary>
/// "My area" (/me): a page of my listings with their quick actions, my latest conversations, my organisations. Read for a
/// member at most every few seconds (Security/MemberViewCache), yet a member always sees their own change at once, on
/// whichever instance of the app their next request lands.
/// </summary>
[Trait("Category", "Database")]
public sealed class MyAreaTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task MyChange_MadeOnAnotherInstance_ShowsOnMyPage_AtOnce()
    {
        var member = await app.NewMemberAsync("erlangen", "zwei-server");
        var id = await app.CreateListingAsync("erlangen", member, title: "Lastenrad zum Ausleihen");
        await using var second = app.SecondInstance();
        // One browser (one cookie jar) whose requests a load balancer sends to either instance.
        var cookies = new CookieContainer();
        var first = app.CreateDefaultClient(new Uri("http://erlangen.localhost"), new CookieContainerHandler(cookies));
        var other = second.CreateDefaultClient(new Uri("http://erlangen.localhost"), new CookieContainerHandler(cookies));
        await first.LoginOkAsync(member);
        Assert.Equal("Veröffentlicht", StatusOn(await first.GetPageAsync("/me"), id));

        var page = await other.GetPageAsync("/me");
        var pause = Card(page, id).QuerySelector("[data-testid=quick-pause]")!;
        Assert.Equal(HttpStatusCode.Redirect, (await other.PressAsync(pause, "/me")).StatusCode);

        Assert.Equal("Pausiert", StatusOn(await first.GetPageAsync("/me"), id));
    }

    [Fact]
    public async Task ReadingMyPage_GivesNoNewMark_WhileMyOwnChangeDoes()
    {
        var member = await app.NewMemberAsync("erlangen", "markierung");
        var id = await app.CreateListingAsync("erlangen", member, title: "Bügeleisen abzugeben");
        var browser = await app.SignedInAsync("erlangen", member);

        var read = await browser.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(OwnWrites.CookieName + "=", SetCookies(read));

        var pause = Card(await Html.ParseAsync(read), id).QuerySelector("[data-testid=quick-pause]")!;
        var changed = await browser.PressAsync(pause, "/me");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains(OwnWrites.CookieName + "=", SetCookies(changed));
    }

    [Fact]
    public async Task LoggingOut_LeavesTheBrowserWithoutAMark()
    {
        var member = await app.NewMemberAsync("erlangen", "ohne-marke");
        var browser = await app.SignedInAsync("erlangen", member);

        var logout = await browser.SubmitAsync("/me", "form[action='/account/logout']");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Contains(SetCookies(logout).Split('\n'), c => c.StartsWith(OwnWrites.CookieName + "=;", StringComparison.Ordinal)
            && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(SetCookies(logout).Split('\n'), c => c.StartsWith(OwnWrites.CookieName + "=", StringComparison.Ordinal)
            && !c.StartsWith(OwnWrites.CookieName + "=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MyListings_ComeTwentyToAPage_AndAQuickActionReturnsToItsPage()
    {
        var member = await app.NewMemberAsync("erlangen", "viele-anzeigen");
        var ids = new List<int>();
        for (var i = 1; i <= 23; i++)
        {
            ids.Add(await app.CreateListingAsync("erlangen", member, title: $"Anzeige Nummer {i:00}"));
        }

        var browser = await app.SignedInAsync("erlangen", member);
        var first = await browser.GetPageAsync("/me");
        Assert.Equal(20, first.QuerySelectorAll("[data-testid=my-listing]").Length);
        Assert.Equal("Anzeige Nummer 23", first.QuerySelector("[data-testid=my-listing] h3")!.TextContent.Trim());
        Assert.Equal("/me?p=2", first.QuerySelector("[data-testid=my-listings-pager] [data-testid=page-next]")!.GetAttribute("href"));

        var second = await browser.GetPageAsync("/me?p=2");
        var titles = second.QuerySelectorAll("[data-testid=my-listing] h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Anzeige Nummer 03", "Anzeige Nummer 02", "Anzeige Nummer 01"], titles);

        var pause = Card(second, ids[0]).QuerySelector("[data-testid=quick-pause]")!;
        var answer = await browser.PressAsync(pause, "/me?p=2");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/me?p=2", answer.Headers.Location!.OriginalString);
        Assert.Equal("Pausiert", StatusOn(await browser.GetPageAsync("/me?p=2"), ids[0]));
    }

    private static IElement Card(IDocument page, int listingId) =>
        page.QuerySelectorAll("[data-testid=my-listing]").Single(c => c.QuerySelector($"a[href='/listings/{listingId}']") is not null);

    private static string StatusOn(IDocument page, int listingId) =>
        Card(page, listingId).QuerySelector("[data-testid=my-listing-status]")!.TextContent.Trim();

    private static string SetCookies(HttpResponseMessage response) =>
        string.Join("\n", response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []);
}
