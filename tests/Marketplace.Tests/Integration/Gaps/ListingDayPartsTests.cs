using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Gaps;

/// <summary>Listings say when: the form's day-part boxes are saved (plain POST, no JavaScript), shown on the listing and kept on edit.</summary>
[Trait("Category", "Database")]
public sealed class ListingDayPartsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";

    [Fact]
    public async Task NewListing_SavesTheTickedDayParts_IgnoresUnknownValues_ShowsThem_AndEditChangesThem()
    {
        var member = await app.SignedInAsync(Town, await app.NewMemberAsync(Town, "wann"));
        var title = $"Hilfe beim Umzug {Guid.NewGuid():N}"[..30];
        var category = await app.InTownAsync(Town, db => db.Categories.Where(c => c.Key == "fahrraeder").Select(c => c.Id).SingleAsync());
        var district = await app.InTownAsync(Town, db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync());

        var form = (await member.GetPageAsync("/listings/new")).QuerySelector("[data-testid=listing-day-parts]")!;
        Assert.NotNull(form.QuerySelector("legend"));
        Assert.Equal(4, form.QuerySelectorAll("input[type=checkbox][name='Input.DayParts']").Length);

        var created = await member.SubmitAsync("/listings/new", "[data-testid=listing-form]", new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(ListingType.Offer), ["Input.CategoryId"] = category.ToString(), ["Input.Title"] = title,
            ["Input.Description"] = "Ich helfe gern beim Tragen von Kisten.", ["Input.DistrictId"] = district.ToString(),
            ["Input.DayParts"] = "Morning|Weekend|64|Mitternacht", ["publish"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var listing = await app.InTownAsync(Town, db => db.Listings.Where(l => l.Title == title).Select(l => new { l.Id, l.DayParts }).SingleAsync());
        var id = listing.Id;
        Assert.Equal(DayParts.Morning | DayParts.Weekend, listing.DayParts);
        var shown = (await member.GetPageAsync(created.Headers.Location!.OriginalString)).QuerySelector("[data-testid=listing-day-parts]")!.TextContent;
        Assert.Contains("vormittags", shown);
        Assert.Contains("am Wochenende", shown);
        Assert.DoesNotContain("abends", shown);

        var edit = await member.GetPageAsync($"/listings/{id}/edit");
        Assert.True(((IHtmlInputElement)edit.QuerySelector("[data-testid=listing-day-part-Morning]")!).IsChecked);
        Assert.False(((IHtmlInputElement)edit.QuerySelector("[data-testid=listing-day-part-Evening]")!).IsChecked);
        var saved = await member.SubmitAsync($"/listings/{id}/edit", "[data-testid=listing-form]", new Dictionary<string, string> { ["Input.DayParts"] = "Evening" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(DayParts.Evening, await app.InTownAsync(Town, db => db.Listings.Where(l => l.Id == id).Select(l => l.DayParts).SingleAsync()));

        await member.SubmitAsync($"/listings/{id}/edit", "[data-testid=listing-form]", new Dictionary<string, string> { ["Input.DayParts"] = "" });
        Assert.Equal(DayParts.None, await app.InTownAsync(Town, db => db.Listings.Where(l => l.Id == id).Select(l => l.DayParts).SingleAsync()));
        Assert.Null((await member.GetPageAsync($"/listings/{id}")).QuerySelector("[data-testid=listing-day-parts]"));
    }
}
