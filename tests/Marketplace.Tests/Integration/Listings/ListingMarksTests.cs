using System.Globalization;
using AngleSharp.Dom;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>
/// The small marks around a listing (where it is, that a verified organisation posted it, whether the rent is within
/// the town's limit) are the site's own SVG icons beside words that say the same, never emoji: emoji depend on the
/// reader's fonts and showed as empty boxes on a plain Debian browser, and a screen reader reads them out by name.
/// </summary>
[Trait("Category", "Database")]
public sealed class ListingMarksTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "potsdam";

    /// <summary>A published housing offer of a verified organisation, with a town rent limit below and one above its rent.</summary>
    private async Task<(int Id, string Title, string District)> VerifiedHousingOfferAsync()
    {
        var admin = await app.NewMemberAsync(Town, "marks");
        var organisation = await app.CreateOrganisationAsync(Town, admin, OrganisationSetup.UniqueName("Wohnpaten"), OrganisationStatus.Approved);
        var title = "Angebot " + Guid.NewGuid().ToString("N")[..8];
        var id = await app.CreateListingAsync(Town, admin, title: title, configure: l =>
        {
            l.OrganisationId = organisation;
            l.Rooms = 1;
            l.WarmRentCents = 500_00;
        });
        var district = await app.InTownAsync(Town, async db =>
        {
            db.RentLimits.RemoveRange(db.RentLimits);
            db.RentLimits.AddRange(new RentLimit { HouseholdSize = 1, MaxWarmRentCents = 450_00 }, new RentLimit { HouseholdSize = 2, MaxWarmRentCents = 600_00 });
            await db.SaveChangesAsync();
            return await db.Listings.Where(l => l.Id == id).Select(l => l.District!.Name).SingleAsync();
        });
        return (id, title, district);
    }

    /// <summary>The mark holds one decorative icon of the interface sprite and says in words what the icon shows.</summary>
    private static void AssertIconBesideText(IElement mark, string symbol, string text)
    {
        var icon = Assert.Single(mark.QuerySelectorAll("svg"));
        Assert.Equal("true", icon.GetAttribute("aria-hidden"));
        Assert.Matches($"^/icons/interface\\.svg\\?v=[^#]+#{symbol}$", icon.QuerySelector("use")!.GetAttribute("href"));
        Assert.Contains(text, mark.TextContent);
    }

    /// <summary>No pictograph in the text: emoji (outside the BMP, so surrogates in .NET strings) and other symbols like ✔ ✘.</summary>
    private static void AssertNoEmoji(IElement scope)
    {
        var symbols = scope.TextContent.Where(c => char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol).ToList();
        Assert.True(symbols.Count == 0, $"pictographs in the text: {string.Concat(symbols)}");
    }

    [Fact]
    public async Task Card_ShowsTheDistrictAndTheVerifiedMark_AsIconsBesideText_WithoutEmoji()
    {
        var (id, title, district) = await VerifiedHousingOfferAsync();

        var page = await app.TownClient(Town).GetPageAsync("/listings?q=" + Uri.EscapeDataString(title));

        var card = page.QuerySelectorAll("[data-testid=listing-card]").Single(c => c.QuerySelector($"a[href='/listings/{id}']") is not null);
        var place = card.QuerySelector("[data-testid=listing-district]")!;
        AssertIconBesideText(place, "map-pin", district);
        Assert.Equal(district, place.QuerySelector("bdi")!.TextContent);
        // The pin said "this is the place"; the words say it to a screen reader.
        Assert.Equal("Stadtteil", place.QuerySelector(".visually-hidden")!.TextContent.Trim());
        AssertIconBesideText(card.QuerySelector("[data-testid=verified-badge]")!, "rosette-discount-check", "geprüfte Organisation");
        AssertNoEmoji(card);
    }

    [Fact]
    public async Task ListingPage_ShowsTheDistrictTheVerifiedMarkAndTheRentCheck_AsIconsBesideText_WithoutEmoji()
    {
        var (id, _, district) = await VerifiedHousingOfferAsync();

        var page = await app.TownClient(Town).GetPageAsync($"/listings/{id}");

        var listing = page.QuerySelector("[data-testid=listing-details]")!;
        AssertIconBesideText(listing.QuerySelector("[data-testid=listing-district]")!, "map-pin", district);
        AssertIconBesideText(listing.QuerySelector("[data-testid=verified-badge]")!, "rosette-discount-check", "geprüfte Organisation");
        var checks = listing.QuerySelectorAll("[data-testid=rent-check] li").ToList();
        Assert.Equal(2, checks.Count);
        AssertIconBesideText(checks[0], "x", "über der Mietobergrenze (SGB II) für 1 Person(en)");
        AssertIconBesideText(checks[1], "check", "im Rahmen der Mietobergrenze (SGB II) für 2 Person(en)");
        AssertNoEmoji(listing);
    }
}
