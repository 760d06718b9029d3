using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>An Erlangen listing does not exist on Potsdam's host: not by id, not by photo, not in search, not for changes.</summary>
[Trait("Category", "Database")]
public sealed class ListingCrossTownTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task ErlangenListing_Is404OnPotsdam_ForGetPostAndFragments_AndNeverInPotsdamSearch()
    {
        var id = await app.CreateListingAsync("erlangen", "lena", title: "Erlanger Geheimtipp Lastenrad");
        var photoId = await app.InTownAsync("erlangen", async db =>
        {
            var photo = new ListingPhoto { ListingId = id, ContentType = "image/webp", Data = [1, 2, 3] };
            db.ListingPhotos.Add(photo);
            await db.SaveChangesAsync();
            return photo.Id;
        });
        var potsdam = app.TownClient("potsdam");
        await potsdam.LoginOkAsync("lena");
        var token = (await potsdam.GetPageAsync("/listings/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/listings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/listings/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/listings/photo/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.PostAsync($"/listings/{id}?handler=Close", form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.PostAsync($"/listings/{id}/edit", form)).StatusCode);
        var htmx = new HttpRequestMessage(HttpMethod.Get, "/listings?q=Lastenrad");
        htmx.Headers.Add("HX-Request", "true");
        var fragment = await Html.ParseAsync(await potsdam.SendAsync(htmx));
        Assert.Empty(fragment.QuerySelectorAll("[data-testid=listing-card]"));
        Assert.Empty((await potsdam.GetPageAsync("/listings?q=Geheimtipp")).QuerySelectorAll("[data-testid=listing-card]"));
        Assert.DoesNotContain("Geheimtipp", await potsdam.GetStringAsync("/listings"));
        Assert.Equal(ListingStatus.Published, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
        Assert.Single((await app.TownClient("erlangen").GetPageAsync("/listings?q=Geheimtipp")).QuerySelectorAll("[data-testid=listing-card]"));
    }
}
