using System.Net;
using System.Text;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>
/// A photo is judged by its header before a pixel is decoded: a small file declaring 20,000 × 20,000 pixels grew the
/// process by 3.5 GB, and four of them in one post were all decoded before the "at most 3 photos" message.
/// </summary>
[Trait("Category", "Database")]
public sealed class PhotoUploadTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<Dictionary<string, string>> OfferAsync(string title)
    {
        var category = await app.InTownAsync("erlangen", db => db.Categories.Where(c => c.Key == "fahrraeder").Select(c => c.Id).SingleAsync());
        var district = await app.InTownAsync("erlangen", db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync());
        return new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(ListingType.Offer),
            ["Input.CategoryId"] = category.ToString(),
            ["Input.Title"] = title,
            ["Input.Description"] = "Ein gut erhaltenes Kinderfahrrad.",
            ["Input.DistrictId"] = district.ToString(),
            ["publish"] = "true",
        };
    }

    private Task<int> CountAsync(string title) => app.InTownAsync("erlangen", db => db.Listings.CountAsync(l => l.Title == title));

    [Fact]
    public async Task PhotoDeclaring20000By20000Pixels_IsRefusedAtTheField_NothingStored()
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var response = await client.SubmitWithFilesAsync("/listings/new", "[data-testid=listing-form]", await OfferAsync("Mit Riesenbild"),
            ("Photos", "riesig.png", "image/png", TestPhotos.PngDeclaring(20_000, 20_000)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = (await Html.ParseAsync(response)).FieldError("Photos");
        Assert.Contains("riesig.png", message);
        Assert.Contains("40 Megapixel", message);
        Assert.Equal(0, await CountAsync("Mit Riesenbild"));
    }

    [Fact]
    public async Task FourPhotos_AreRefusedByTheirNumber_BeforeAnyIsRead()
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        // Were any read, the bomb and the non-image would each add their own message naming the file.
        var response = await client.SubmitWithFilesAsync("/listings/new", "[data-testid=listing-form]", await OfferAsync("Mit vier Bildern"),
            ("Photos", "eins.jpg", "image/jpeg", TestPhotos.Jpeg()),
            ("Photos", "zwei.jpg", "image/jpeg", TestPhotos.Jpeg()),
            ("Photos", "riesig.png", "image/png", TestPhotos.PngDeclaring(20_000, 20_000)),
            ("Photos", "virus.jpg", "image/jpeg", Encoding.ASCII.GetBytes("MZ this is not an image")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = (await Html.ParseAsync(response)).FieldError("Photos");
        Assert.Contains("Höchstens 3 Fotos", message);
        Assert.DoesNotContain("riesig.png", message);
        Assert.DoesNotContain("virus.jpg", message);
        Assert.Equal(0, await CountAsync("Mit vier Bildern"));
    }

    [Fact]
    public async Task Edit_WithAPhotoDeclaring20000By20000Pixels_IsRefusedAtTheField_NoPhotoAdded()
    {
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Später mit Riesenbild");
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var response = await client.SubmitWithFilesAsync($"/listings/{id}/edit", "[data-testid=listing-form]",
            new Dictionary<string, string> { ["Input.Title"] = "Später mit Riesenbild" },
            ("Photos", "riesig.png", "image/png", TestPhotos.PngDeclaring(20_000, 20_000)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("riesig.png", (await Html.ParseAsync(response)).FieldError("Photos"));
        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == id).SelectMany(l => l.Photos).CountAsync()));
    }
}
