using System.Net;
using System.Text;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Listings;

[Trait("Category", "Database")]
public sealed class ListingFormTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<Dictionary<string, string>> ValidOfferAsync(string slug, string title)
    {
        var category = await app.InTownAsync(slug, db => db.Categories.Where(c => c.Key == "fahrraeder").Select(c => c.Id).SingleAsync());
        var district = await app.InTownAsync(slug, db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync());
        return new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(ListingType.Offer),
            ["Input.CategoryId"] = category.ToString(),
            ["Input.Title"] = title,
            ["Input.Description"] = "Ein **gut erhaltenes** Kinderfahrrad, 20 Zoll.",
            ["Input.DistrictId"] = district.ToString(),
            ["Input.Languages"] = "de|ar",
            ["publish"] = "true",
        };
    }

    private Task<int> CountAsync(string slug, string title) => app.InTownAsync(slug, db => db.Listings.CountAsync(l => l.Title == title));

    private async Task<HttpClient> MemberAsync(string slug = "erlangen", string user = "erlangen-mitglied")
    {
        var client = app.TownClient(slug);
        await client.LoginOkAsync(user);
        return client;
    }

    [Fact]
    public async Task PostOffer_WithPhoto_IsPublished_AndPhotoIsReencodedWithoutLocation()
    {
        var client = await MemberAsync();

        var response = await client.SubmitWithFilesAsync("/listings/new", "[data-testid=listing-form]",
            await ValidOfferAsync("erlangen", "Kinderfahrrad mit Foto"), ("Photos", "rad.jpg", "image/jpeg", TestPhotos.JpegWithGps()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await app.TownClient("erlangen").GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Kinderfahrrad mit Foto", details.TestId("listing-title"));
        Assert.Contains("gut erhaltenes", details.QuerySelector("[data-testid=listing-description] strong")!.TextContent);
        var photoUrl = details.QuerySelector("[data-testid=listing-photo]")!.GetAttribute("src")!;
        var photo = await app.TownClient("erlangen").GetAsync(photoUrl);
        Assert.Equal("image/webp", photo.Content.Headers.ContentType!.MediaType);
        var bytes = await photo.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain(TestPhotos.GpsMarker, Encoding.ASCII.GetString(bytes));
        Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(bytes));
        Assert.Contains(TestPhotos.GpsMarker, Encoding.ASCII.GetString(TestPhotos.JpegWithGps()));
    }

    [Fact]
    public async Task MissingDistrict_AndEndBeforeStart_ShowMessagesAtFields_StoreNothing()
    {
        var client = await MemberAsync();
        var form = await ValidOfferAsync("erlangen", "Ohne Stadtteil");
        form["Input.DistrictId"] = "";
        form["Input.AvailableFrom"] = "2026-12-10";
        form["Input.AvailableUntil"] = "2026-12-01";

        var response = await client.SubmitAsync("/listings/new", "[data-testid=listing-form]", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Stadtteil", page.FieldError("Input.DistrictId"));
        Assert.Contains("Ende", page.FieldError("Input.AvailableUntil"));
        Assert.Equal(0, await CountAsync("erlangen", "Ohne Stadtteil"));
    }

    [Fact]
    public async Task TooLongTitle_AndNonImageFile_ShowMessagesAtFields_StoreNothing()
    {
        var client = await MemberAsync();
        var form = await ValidOfferAsync("erlangen", new string('x', 121));

        var response = await client.SubmitWithFilesAsync("/listings/new", "[data-testid=listing-form]", form,
            ("Photos", "virus.jpg", "image/jpeg", Encoding.ASCII.GetBytes("MZ this is not an image")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError("Input.Title"));
        Assert.Contains("virus.jpg", page.FieldError("Photos"));
        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.Listings.CountAsync(l => l.Title.StartsWith("xxxxx"))));
    }

    [Fact]
    public async Task DistrictOrCategoryOfAnotherTown_IsRefused_NothingStored()
    {
        var client = await MemberAsync();
        var form = await ValidOfferAsync("erlangen", "Fremder Stadtteil");
        form["Input.DistrictId"] = (await app.InTownAsync("potsdam", db => db.Districts.Select(d => d.Id).FirstAsync())).ToString();
        form["Input.CategoryId"] = (await app.InTownAsync("potsdam", db => db.Categories.Select(c => c.Id).FirstAsync())).ToString();

        var response = await client.SubmitAsync("/listings/new", "[data-testid=listing-form]", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError("Input.DistrictId"));
        Assert.NotNull(page.FieldError("Input.CategoryId"));
        Assert.Equal(0, await CountAsync("erlangen", "Fremder Stadtteil"));
    }

    [Fact]
    public async Task PostingForAnOrganisationOneDoesNotBelongTo_IsRefused()
    {
        var organisationId = await app.InTownAsync("erlangen", async db =>
        {
            var organisation = new Organisation { Name = "Fremder Verein", Type = OrganisationType.Association, Status = OrganisationStatus.Approved };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        var client = await MemberAsync();
        var form = await ValidOfferAsync("erlangen", "Im Namen anderer");
        form["Input.OrganisationId"] = organisationId.ToString();

        var response = await client.SubmitAsync("/listings/new", "[data-testid=listing-form]", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, await CountAsync("erlangen", "Im Namen anderer"));
    }

    [Fact]
    public async Task EleventhListingWithinAnHour_IsRefusedWith429AndAClearMessage()
    {
        var client = await MemberAsync("koeln", "koeln-mitglied");
        for (var i = 0; i < 10; i++)
        {
            await app.CreateListingAsync("koeln", "koeln-mitglied", title: $"Serienangebot {i}");
        }

        var response = await client.SubmitAsync("/listings/new", "[data-testid=listing-form]", await ValidOfferAsync("koeln", "Das elfte"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("letzten Stunde", (await Html.ParseAsync(response)).TestId("listing-form-errors"));
        Assert.Equal(0, await CountAsync("koeln", "Das elfte"));
    }

    [Theory]
    [InlineData("612.50")]
    [InlineData("612,50")]
    public async Task WarmRent_WithDotOrComma_IsStoredAsTheSameAmount_OnAGermanPage(string typed)
    {
        var client = await MemberAsync();
        var form = await ValidOfferAsync("erlangen", "Zimmer für " + typed);
        form["Input.CategoryId"] = (await app.InTownAsync("erlangen", db => db.Categories.Where(c => c.Key == "zimmer").Select(c => c.Id).SingleAsync())).ToString();
        form["Input.WarmRent"] = typed;
        form["Input.AreaSquareMetres"] = "14.5";

        var response = await client.SubmitAsync("/listings/new", "[data-testid=listing-form]", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Title == "Zimmer für " + typed).Select(l => new { l.WarmRentCents, l.AreaSquareMetres }).SingleAsync());
        Assert.Equal(612_50, stored.WarmRentCents);
        Assert.Equal(14.5m, stored.AreaSquareMetres);
    }

    [Fact]
    public async Task NewDistrict_AppearsInTheFilters_AtOnce()
    {
        var before = await app.TownClient("potsdam").GetPageAsync("/listings");
        Assert.DoesNotContain(before.QuerySelectorAll("[data-testid=filter-district] option"), o => Bidi.Unwrap(o.TextContent) == "Neues Viertel");
        await app.InTownAsync("potsdam", db =>
        {
            db.Districts.Add(new District { Name = "Neues Viertel", SortOrder = 99 });
            return db.SaveChangesAsync();
        });

        var after = await app.TownClient("potsdam").GetPageAsync("/listings");

        // Isolated: the district keeps its own direction in a select of the other one.
        Assert.Contains(after.QuerySelectorAll("[data-testid=filter-district] option"), o => o.TextContent == Bidi.Isolate("Neues Viertel"));
    }

    [Fact]
    public async Task Draft_IsVisibleToItsPosterOnly()
    {
        var client = await MemberAsync();
        var form = await ValidOfferAsync("erlangen", "Nur ein Entwurf");
        form["publish"] = "false";

        var response = await client.SubmitAsync("/listings/new", "[data-testid=listing-form]", form);
        var url = response.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("erlangen").GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin_ToPost()
    {
        var response = await app.TownClient("erlangen").GetAsync("/listings/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Poster_EditsTitle_OthersGet404OnEdit()
    {
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Vor der Änderung");
        var owner = await MemberAsync();

        var response = await owner.SubmitAsync($"/listings/{id}/edit", "[data-testid=listing-form]",
            new Dictionary<string, string> { ["Input.Title"] = "Nach der Änderung" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Nach der Änderung", await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == id).Select(l => l.Title).SingleAsync()));
        var other = await MemberAsync("erlangen", "erlangen-koordination");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/listings/{id}/edit")).StatusCode);
    }
}
