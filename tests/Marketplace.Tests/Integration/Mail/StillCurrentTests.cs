using System.Net;
using AngleSharp.Html.Parser;
using Marketplace.Web.Domain;
using Marketplace.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Marketplace.Tests.Integration.Mail;

[Trait("Category", "Database")]
public sealed class StillCurrentTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<(string Poster, int ListingId, MimeMessage Mail)> ReminderAsync(TimeSpan endsIn)
    {
        var poster = await app.NewMemberAsync("erlangen", "sc");
        var listingId = await app.CreateListingAsync("erlangen", poster, ListingType.Offer, "Kinderwagen",
            configure: l => l.ExpiresAt = DateTimeOffset.UtcNow + endsIn);
        await RunHourlyAsync();
        return (poster, listingId, await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster)));
    }

    private async Task RunHourlyAsync()
    {
        var erlangen = await app.TownIdAsync("erlangen");
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExpireListingsJob>().RunForTownAsync(erlangen);
        await app.MailSettledAsync();
    }

    /// <summary>The one-click links of the mail by their label, as paths on the town's host.</summary>
    private static Dictionary<string, string> OneClickLinks(MimeMessage mail) =>
        new HtmlParser().ParseDocument(mail.HtmlBody!).QuerySelectorAll("[data-part=action]")
            .Select(a => new Uri(a.GetAttribute("href")!))
            .Where(u => u.AbsolutePath.StartsWith("/listings/still-current/", StringComparison.Ordinal))
            .Select((u, i) => (Key: new[] { "renew", "fulfil", "close" }[i], u.AbsolutePath))
            .ToDictionary(x => x.Key, x => x.AbsolutePath);

    private Task<Listing> ListingAsync(int id) => app.InTownAsync("erlangen", db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));

    [Fact]
    public async Task ThreeDaysBefore_ThePosterGetsOneMail_AndRenew_WorksWithoutLogin_Once()
    {
        var (poster, listingId, mail) = await ReminderAsync(TimeSpan.FromDays(2));
        Assert.Contains("Kinderwagen", mail.Subject);
        Assert.Contains("/unsubscribe/", mail.Headers["List-Unsubscribe"]);
        var links = OneClickLinks(mail);
        Assert.Equal(3, links.Count);
        var before = (await ListingAsync(listingId)).ExpiresAt!.Value;

        // Another hourly run: no second reminder for the same end date.
        await RunHourlyAsync();
        Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(poster)));

        var stranger = app.TownClient("erlangen");
        var page = await stranger.GetPageAsync(links["renew"]);
        Assert.NotNull(page.QuerySelector("[data-testid=still-current-confirm]"));
        Assert.Equal(before, (await ListingAsync(listingId)).ExpiresAt);

        var done = await stranger.SubmitAsync(links["renew"], "[data-testid=still-current-form]");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.NotNull((await Html.ParseAsync(done)).QuerySelector("[data-testid=still-current-done]"));
        var renewed = await ListingAsync(listingId);
        Assert.True(renewed.ExpiresAt > before.AddDays(20));

        // Used: every link of the mail now says so and changes nothing.
        foreach (var link in new[] { links["renew"], links["close"] })
        {
            var again = await stranger.GetAsync(link);
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
            Assert.NotNull((await Html.ParseAsync(again)).QuerySelector("[data-testid=still-current-used]"));
        }

        var token = await MessagesTestData.TokenAsync(stranger, "/");
        var replay = await stranger.PostAsync(links["close"], new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        var after = await ListingAsync(listingId);
        Assert.Equal(ListingStatus.Published, after.Status);
        Assert.Equal(renewed.ExpiresAt, after.ExpiresAt);
    }

    [Fact]
    public async Task TwoClicksAtOnce_OnDifferentLinksOfOneMail_OnlyOneActs()
    {
        var (_, listingId, mail) = await ReminderAsync(TimeSpan.FromDays(2));
        var links = OneClickLinks(mail);
        async Task<HttpResponseMessage> ClickAsync(string path)
        {
            var client = app.TownClient("erlangen");
            var token = await MessagesTestData.TokenAsync(client, path);
            return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        }

        var answers = await Task.WhenAll(ClickAsync(links["fulfil"]), ClickAsync(links["close"]));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Gone], answers.Select(a => a.StatusCode).Order());
        var status = (await ListingAsync(listingId)).Status;
        Assert.Contains(status, new[] { ListingStatus.Fulfilled, ListingStatus.Closed });
        Assert.Equal(status == ListingStatus.Fulfilled ? 1 : 0, await app.InTownAsync("erlangen", db => db.Matches.CountAsync(m => m.ListingId == listingId)));
    }

    [Fact]
    public async Task Fulfil_MarksItFulfilled_AndCountsAMatch()
    {
        var (_, listingId, mail) = await ReminderAsync(TimeSpan.FromDays(1));

        var done = await app.TownClient("erlangen").SubmitAsync(OneClickLinks(mail)["fulfil"], "[data-testid=still-current-form]");

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(ListingStatus.Fulfilled, (await ListingAsync(listingId)).Status);
        Assert.True(await app.InTownAsync("erlangen", db => db.Matches.AnyAsync(m => m.ListingId == listingId)));
    }

    [Fact]
    public async Task ExpiredLink_AfterFourteenDays_SaysSo_AndChangesNothing()
    {
        var (_, listingId, mail) = await ReminderAsync(TimeSpan.FromDays(2));
        await app.InTownAsync("erlangen", db => db.OneClickTokens.Where(t => t.TargetId == listingId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var client = app.TownClient("erlangen");
        var path = OneClickLinks(mail)["close"];

        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.NotNull((await Html.ParseAsync(page)).QuerySelector("[data-testid=still-current-expired]"));
        var token = await MessagesTestData.TokenAsync(client, "/");
        var post = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Equal(ListingStatus.Published, (await ListingAsync(listingId)).Status);
    }

    [Fact]
    public async Task TamperedLink_OrOnAnotherTownsHost_IsInvalid_AndChangesNothing()
    {
        var (_, listingId, mail) = await ReminderAsync(TimeSpan.FromDays(2));
        var path = OneClickLinks(mail)["close"];
        var tampered = path[..^4] + (path.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        foreach (var (slug, url) in new[] { ("erlangen", tampered), ("potsdam", path) })
        {
            var client = app.TownClient(slug);
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.NotNull((await Html.ParseAsync(page)).QuerySelector("[data-testid=still-current-invalid]"));
            var token = await MessagesTestData.TokenAsync(client, "/");
            Assert.Equal(HttpStatusCode.NotFound,
                (await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode);
        }

        Assert.Equal(ListingStatus.Published, (await ListingAsync(listingId)).Status);
        Assert.False(await app.InTownAsync("erlangen", db => db.OneClickTokens.AnyAsync(t => t.TargetId == listingId && t.UsedAt != null)));
    }

    [Fact]
    public async Task PosterWhoTurnedRemindersOff_GetsNone_AndListingsFurtherOut_NotYet()
    {
        var optedOut = await app.NewMemberAsync("erlangen", "so");
        var optedOutId = await app.UserIdAsync(optedOut);
        await app.InTownAsync("erlangen", db =>
        {
            db.NotificationSettings.Add(new NotificationSettings { UserId = optedOutId, ListingReminders = false });
            return db.SaveChangesAsync();
        });
        await app.CreateListingAsync("erlangen", optedOut, configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddDays(2));
        var later = await app.NewMemberAsync("erlangen", "sl");
        await app.CreateListingAsync("erlangen", later, configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddDays(5));

        await RunHourlyAsync();

        Assert.Empty(app.Smtp.MessagesTo(MessagesTestData.EmailOf(optedOut)));
        Assert.Empty(app.Smtp.MessagesTo(MessagesTestData.EmailOf(later)));
    }
}
