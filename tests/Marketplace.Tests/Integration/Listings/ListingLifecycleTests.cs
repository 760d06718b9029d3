using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Listings;

[Trait("Category", "Database")]
public sealed class ListingLifecycleTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private Task<ListingStatus> StatusAsync(int id) => app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == id).Select(l => l.Status).SingleAsync());

    private async Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string action) =>
        await client.SubmitAsync($"/listings/{id}", $"form[action*='handler={action}']");

    [Fact]
    public async Task Poster_PausesResumesAndCloses()
    {
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Lebenszyklus");
        var owner = app.TownClient("erlangen");
        await owner.LoginOkAsync("erlangen-mitglied");

        await ActAsync(owner, id, "Pause");
        Assert.Equal(ListingStatus.Paused, await StatusAsync(id));
        await ActAsync(owner, id, "Resume");
        Assert.Equal(ListingStatus.Published, await StatusAsync(id));
        var question = await Html.ParseAsync(await ActAsync(owner, id, "Close"));
        Assert.Equal(ListingStatus.Published, await StatusAsync(id));
        await owner.SubmitAsync((IHtmlFormElement)question.QuerySelector("[data-testid=confirmation-form]")!, $"/listings/{id}");
        Assert.Equal(ListingStatus.Closed, await StatusAsync(id));
        Assert.Null((await owner.GetPageAsync($"/listings/{id}")).QuerySelector("form[action*='handler=Pause']"));
    }

    [Fact]
    public async Task RenewingAnExpiredListing_PublishesItForTheTownsLifetime()
    {
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Verlängerbar",
            configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddDays(-2));
        var owner = app.TownClient("erlangen");
        await owner.LoginOkAsync("erlangen-mitglied");

        await ActAsync(owner, id, "Renew");

        var expires = await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == id).Select(l => l.ExpiresAt).SingleAsync());
        Assert.InRange(expires!.Value, DateTimeOffset.UtcNow.AddDays(27), DateTimeOffset.UtcNow.AddDays(29));
    }

    [Fact]
    public async Task RenewingAFreshListing_MovesItsEndByTheRunLength_AndSaysTheNewDate()
    {
        var end = DateTimeOffset.UtcNow.AddDays(28).AddHours(-1);
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Gerade erst eingestellt",
            configure: l => l.ExpiresAt = end);
        var owner = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var response = await ActAsync(owner, id, "Renew");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var expires = (await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == id).Select(l => l.ExpiresAt).SingleAsync()))!.Value;
        Assert.InRange(expires, end.AddDays(28).AddMinutes(-1), end.AddDays(28).AddMinutes(1));
        var newDate = TimeZoneInfo.ConvertTime(expires, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))
            .ToString("d", System.Globalization.CultureInfo.GetCultureInfo("de-DE"));
        var page = await owner.GetPageAsync($"/listings/{id}");
        Assert.Contains(newDate, page.TestId("status-message"));
        Assert.Contains(newDate, page.TestId("listing-until"));

        // Renewed two run lengths ahead, it is not offered again until one remains.
        Assert.Null(page.QuerySelector("[data-testid=listing-renew]"));
    }

    [Fact]
    public async Task Fulfilled_WithAConversationPartner_RecordsAMatch()
    {
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Erledigt mit Lena");
        var lena = await app.UserIdAsync("lena");
        await app.InTownAsync("erlangen", async db =>
        {
            db.Conversations.Add(new Conversation { ListingId = id, OwnerUserId = await app.UserIdAsync("erlangen-mitglied"), RespondentUserId = lena });
            return await db.SaveChangesAsync();
        });
        var owner = app.TownClient("erlangen");
        await owner.LoginOkAsync("erlangen-mitglied");

        var response = await owner.SubmitAsync($"/listings/{id}", "[data-testid=fulfil-form]", new Dictionary<string, string> { ["counterpartUserId"] = lena });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ListingStatus.Fulfilled, await StatusAsync(id));
        var match = await app.InTownAsync("erlangen", db => db.Matches.SingleAsync(m => m.ListingId == id));
        Assert.Equal(lena, match.CounterpartUserId);
        Assert.NotNull(match.ConversationId);
    }

    [Fact]
    public async Task SomeoneElse_CannotChangeTheListing()
    {
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Nicht deins");
        var owner = app.TownClient("erlangen");
        await owner.LoginOkAsync("erlangen-mitglied");
        var ownerPage = await owner.GetPageAsync($"/listings/{id}");
        var token = ownerPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var other = app.TownClient("erlangen");
        await other.LoginOkAsync("erlangen-koordination");
        var otherToken = (await other.GetPageAsync($"/listings/{id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await other.PostAsync($"/listings/{id}?handler=Close",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = otherToken }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ListingStatus.Published, await StatusAsync(id));
        Assert.NotEmpty(token);
    }
}
