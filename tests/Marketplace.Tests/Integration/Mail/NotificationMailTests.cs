using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Mail;

[Trait("Category", "Database")]
public sealed class NotificationMailTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<(string Poster, string Helper, int ListingId)> RequestWithHelperAsync(string posterCulture)
    {
        var poster = await app.NewMemberAsync("erlangen", "np", culture: posterCulture);
        var helper = await app.NewMemberAsync("erlangen", "nh");
        var listingId = await app.CreateListingAsync("erlangen", poster, ListingType.Request, title: "Begleitung zur Ausländerbehörde");
        return (poster, helper, listingId);
    }

    [Fact]
    public async Task Response_ReachesThePoster_InTheirLanguage_WithBothBodies_TownColour_AndOneClickUnsubscribe()
    {
        await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "erlangen")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AccentColour, "#8a1538")));
        var (poster, helper, listingId) = await RequestWithHelperAsync("en");

        await (await app.SignedInAsync("erlangen", helper)).StartConversationAsync(listingId);

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        Assert.Equal([MessagesTestData.EmailOf(poster)], mail.To.Mailboxes.Select(m => m.Address));
        // The town's name and the title are user text, isolated by FSI … PDI (Bidi).
        Assert.Equal("\u2068Erlangen\u2069: Someone responded to “\u2068Begleitung zur Ausländerbehörde\u2069”", mail.Subject);
        Assert.Equal("en", mail.Body!.Headers["Content-Language"]);
        Assert.Contains("Open the conversation", mail.TextBody);
        Assert.Contains("/messages/", mail.TextBody);
        var html = new HtmlParser().ParseDocument(mail.HtmlBody!);
        Assert.Contains("#8a1538", html.QuerySelector("[data-part=town]")!.GetAttribute("style"));
        Assert.Contains("/messages/", html.QuerySelector("[data-part=action]")!.GetAttribute("href"));
        Assert.DoesNotContain("Hallo, ich kann am Samstag helfen.", mail.TextBody);

        var unsubscribe = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(unsubscribe, html.QuerySelector("[data-part=unsubscribe]")!.GetAttribute("href"));
        Assert.Contains(unsubscribe, mail.TextBody);
        Assert.False(string.IsNullOrEmpty(mail.MessageId));
    }

    [Fact]
    public async Task NewMessageMails_NameTheWayToTheConversationOnce_InBothBodies()
    {
        var (poster, helper, listingId) = await RequestWithHelperAsync("de");
        var helperClient = await app.SignedInAsync("erlangen", helper);
        var conversation = await helperClient.StartConversationAsync(listingId);
        var start = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        await (await app.SignedInAsync("erlangen", poster)).ReplyAsync(conversation, "Gern, am Samstag passt.");
        var reply = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(helper));

        foreach (var mail in new[] { start, reply })
        {
            Assert.Single(Regex.Matches(mail.TextBody!, "Zum Gespräch"));
            Assert.Single(Regex.Matches(new HtmlParser().ParseDocument(mail.HtmlBody!).Body!.TextContent, "Zum Gespräch"));
        }
    }

    [Fact]
    public async Task OneClickUnsubscribe_ByTheMailProgram_WithoutLogin_StopsTheNextNotificationAtOnce()
    {
        var (poster, helper, listingId) = await RequestWithHelperAsync("de");
        var helperClient = await app.SignedInAsync("erlangen", helper);
        var conversationId = await helperClient.StartConversationAsync(listingId);
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        var unsubscribe = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));

        // What a mail program does for RFC 8058: a POST with this body, no cookies, no antiforgery token.
        var anonymous = app.TownClient("erlangen");
        var response = await anonymous.PostAsync(unsubscribe.PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("[data-testid=unsubscribe-done]"));

        await app.InTownAsync("erlangen", async db =>
        {
            await foreach (var message in db.Messages.Where(m => m.ConversationId == conversationId).AsAsyncEnumerable())
            {
                message.SentAt = message.SentAt.AddHours(-1);
            }

            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await helperClient.ReplyAsync(conversationId, "Noch eine Frage.")).StatusCode);
        await app.MailSettledAsync();
        Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(poster)));
        var settings = await (await app.SignedInAsync("erlangen", poster)).GetPageAsync("/me/notifications");
        Assert.Null(settings.QuerySelector("[data-testid=notify-messages]")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task UnsubscribeLink_OpenedInTheBrowser_AsksFirst_ThenTheButtonStopsIt()
    {
        var (poster, helper, listingId) = await RequestWithHelperAsync("de");
        await (await app.SignedInAsync("erlangen", helper)).StartConversationAsync(listingId);
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        var path = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;
        var browser = app.TownClient("erlangen");

        var page = await browser.GetPageAsync(path);
        Assert.NotNull(page.QuerySelector("[data-testid=unsubscribe-form]"));
        var posterId = await app.UserIdAsync(poster);
        Assert.False(await app.InTownAsync("erlangen", db => db.NotificationSettings.AnyAsync(n => n.UserId == posterId && !n.MessageMails)));

        var done = await browser.SubmitAsync(path, "[data-testid=unsubscribe-form]");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.True(await app.InTownAsync("erlangen", db => db.NotificationSettings.AnyAsync(n => n.UserId == posterId && !n.MessageMails)));
    }

    [Fact]
    public async Task UnsubscribeLink_Altered_OrOnAnotherTownsHost_IsAClearNotFound_AndChangesNothing()
    {
        var (poster, helper, listingId) = await RequestWithHelperAsync("de");
        await (await app.SignedInAsync("erlangen", helper)).StartConversationAsync(listingId);
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        var path = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>')).AbsolutePath;
        var altered = path[..^3] + (path.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");

        foreach (var (slug, url) in new[] { ("erlangen", altered), ("potsdam", path) })
        {
            var response = await app.TownClient(slug).PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>()));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("[data-testid=unsubscribe-invalid]"));
        }

        var posterId = await app.UserIdAsync(poster);
        Assert.False(await app.InTownAsync("erlangen", db => db.NotificationSettings.AnyAsync(n => n.UserId == posterId)));
    }
}
