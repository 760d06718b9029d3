using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>
/// A description or meeting point with an e-mail address, a phone number or a street address is not published at once:
/// the form comes back with a warning at the field, and a second submit with "publish anyway" ticked publishes it.
/// A plain form, so it works without JavaScript.
/// </summary>
[Trait("Category", "Database")]
public sealed class ListingPrivacyWarningTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<Dictionary<string, string>> OfferAsync(string title, string description, string? meetingPoint = null)
    {
        var category = await app.InTownAsync("erlangen", db => db.Categories.Where(c => c.Key == "fahrraeder").Select(c => c.Id).SingleAsync());
        var district = await app.InTownAsync("erlangen", db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync());
        return new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(ListingType.Offer),
            ["Input.CategoryId"] = category.ToString(),
            ["Input.Title"] = title,
            ["Input.Description"] = description,
            ["Input.DistrictId"] = district.ToString(),
            ["Input.MeetingPoint"] = meetingPoint ?? "",
            ["publish"] = "true",
        };
    }

    private Task<Listing?> ListingAsync(string title) =>
        app.InTownAsync("erlangen", db => db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Title == title));

    private async Task<HttpClient> MemberAsync() => await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen", "warn"));

    [Fact]
    public async Task PhoneNumberInTheDescription_IsWarnedAbout_NothingIsPublished_UntilThePosterPublishesAnyway()
    {
        var client = await MemberAsync();
        var form = await OfferAsync("Kinderfahrrad mit Nummer", "Gut erhalten. Bitte anrufen unter 0151 23456789, ab 18 Uhr.");

        var response = await client.SubmitAsync("/listings/new", "[data-testid=listing-form]", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var warning = page.TestId("privacy-warning-description");
        Assert.Contains("Alle können das lesen", warning);
        Assert.Contains("Telefonnummer", warning);
        Assert.Null(page.QuerySelector("[data-testid=privacy-warning-meeting-point]"));
        Assert.Null(await ListingAsync("Kinderfahrrad mit Nummer"));

        // The form came back filled in; ticking "publish anyway" and sending it again publishes.
        var again = page.QuerySelector<IHtmlFormElement>("[data-testid=listing-form]")!;
        Assert.Equal("Gut erhalten. Bitte anrufen unter 0151 23456789, ab 18 Uhr.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Description")!.Value);
        var published = await client.SubmitAsync(again, "/listings/new",
            new Dictionary<string, string> { ["Input.PublishAnyway"] = "true", ["publish"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(ListingStatus.Published, (await ListingAsync("Kinderfahrrad mit Nummer"))!.Status);
    }

    [Fact]
    public async Task EmailAndStreetInTheMeetingPoint_AreWarnedAboutAtThatField()
    {
        var client = await MemberAsync();
        var form = await OfferAsync("Fahrradanhänger abzuholen", "Ein Anhänger für zwei Kinder, abzuholen am Wochenende.",
            "Hauptstr. 5, Mail an anna.muster@example.org");

        var response = await client.SubmitAsync("/listings/new", "[data-testid=listing-form]", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var warning = page.TestId("privacy-warning-meeting-point");
        Assert.Contains("E-Mail-Adresse", warning);
        Assert.Contains("Straße mit Hausnummer", warning);
        Assert.Null(page.QuerySelector("[data-testid=privacy-warning-description]"));
        Assert.NotNull(page.QuerySelector("[data-testid=listing-publish-anyway]"));
        Assert.Null(await ListingAsync("Fahrradanhänger abzuholen"));
    }

    [Fact]
    public async Task ADraft_IsSavedWithoutWarning_ItIsNotPublic()
    {
        var client = await MemberAsync();
        var form = await OfferAsync("Entwurf mit Adresse", "Abholung in der Musterstraße 12, bitte vorher melden.");
        form["publish"] = "false";

        var response = await client.SubmitAsync("/listings/new", "[data-testid=listing-form]", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ListingStatus.Draft, (await ListingAsync("Entwurf mit Adresse"))!.Status);
    }

    [Fact]
    public async Task EditingAPublishedListing_ToAddAnAddress_IsWarnedAbout_AndTheOldTextStays()
    {
        var poster = await app.NewMemberAsync("erlangen", "warnedit");
        var id = await app.CreateListingAsync("erlangen", poster, title: "Laufrad zu verschenken");
        var client = await app.SignedInAsync("erlangen", poster);

        var response = await client.SubmitAsync($"/listings/{id}/edit", "[data-testid=listing-form]",
            new Dictionary<string, string> { ["Input.Description"] = "Steht bei mir in der Hauptstraße 7a im Hof." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Straße mit Hausnummer", (await Html.ParseAsync(response)).TestId("privacy-warning-description"));
        Assert.Equal("Gut erhalten, bitte selbst abholen.", (await ListingAsync("Laufrad zu verschenken"))!.Description);
    }
}
