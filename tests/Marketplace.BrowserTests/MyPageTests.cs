using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

[Trait("Category", "Browser")]
public sealed class MyPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private Task<ListingStatus> StatusAsync(int id) =>
        app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == id).Select(l => l.Status).SingleAsync());

    [Fact]
    public async Task A_member_pauses_and_resumes_a_listing_from_their_page_with_its_own_button()
    {
        var member = await app.NewMemberAsync("erlangen", "bq");
        var first = await app.CreateListingAsync("erlangen", member, title: "Erstes Angebot");
        var second = await app.CreateListingAsync("erlangen", member, title: "Zweites Angebot");
        var page = await app.SignedInPageAsync("erlangen", member);

        await page.GotoAsync(app.TownUrl("erlangen", "/me"));
        var secondCard = page.GetByTestId("my-listing").Filter(new() { HasText = "Zweites Angebot" });
        await secondCard.GetByTestId("quick-pause").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/me$"));
        await Expect(secondCard.GetByTestId("quick-resume")).ToBeVisibleAsync();
        Assert.Equal(ListingStatus.Paused, await StatusAsync(second));
        Assert.Equal(ListingStatus.Published, await StatusAsync(first));

        await secondCard.GetByTestId("quick-resume").ClickAsync();
        await Expect(secondCard.GetByTestId("quick-pause")).ToBeVisibleAsync();
        Assert.Equal(ListingStatus.Published, await StatusAsync(second));
        await page.Context.CloseAsync();
    }
}
