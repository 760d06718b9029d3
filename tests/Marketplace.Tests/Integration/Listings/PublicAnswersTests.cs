using System.Net;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>
/// Signed-out readers get lists and listings from a short-lived cache (Listings/PublicListingCache). What a poster or the
/// office changes through the site must still leave it at once: nobody may find a paused or closed listing afterwards.
/// </summary>
[Trait("Category", "Database")]
public sealed class PublicAnswersTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task AListingItsPosterPauses_LeavesTheSearchAndItsPage_AtOnce_ForSignedOutReaders()
    {
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Zwischengespeicherter Schaukelstuhl");
        var reader = app.TownClient("erlangen");
        const string search = "/listings?q=schaukelstuhl";
        Assert.Contains("Zwischengespeicherter Schaukelstuhl", (await reader.GetPageAsync(search)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/listings/{id}")).StatusCode);

        var poster = app.TownClient("erlangen");
        await poster.LoginOkAsync("erlangen-mitglied");
        await poster.SubmitAsync($"/listings/{id}", "form[action*='handler=Pause']");

        Assert.DoesNotContain("Zwischengespeicherter Schaukelstuhl", (await reader.GetPageAsync(search)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/listings/{id}")).StatusCode);
    }

    [Fact]
    public async Task ANewListing_IsFoundAtOnce_EvenRightAfterTheSameSearchFoundNothing()
    {
        var reader = app.TownClient("erlangen");
        const string search = "/listings?q=kaffeeroester";
        Assert.DoesNotContain("Kaffeeroester zu verschenken", (await reader.GetPageAsync(search)).Body!.TextContent);

        // Saved through the app's own data context, as the listing form saves it.
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Kaffeeroester zu verschenken");

        Assert.Contains("Kaffeeroester zu verschenken", (await reader.GetPageAsync(search)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/listings/{id}")).StatusCode);
    }
}
