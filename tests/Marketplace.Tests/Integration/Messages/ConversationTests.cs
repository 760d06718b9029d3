using System.Net;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Messages;

[Trait("Category", "Database")]
public sealed class ConversationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task StartingAConversation_AboutAnOrganisationsListing_NamesTheOrganisation_NotTheAccountThatPostedIt()
    {
        var poster = await app.NewMemberAsync("erlangen", "orgposter");
        var organisationName = OrganisationSetup.UniqueName("Kleiderkammer");
        var organisation = await app.CreateOrganisationAsync("erlangen", poster, organisationName, OrganisationStatus.Approved);
        var listingId = await app.CreateListingAsync("erlangen", poster, configure: l => l.OrganisationId = organisation);
        var client = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen", "reader"));

        var about = (await client.GetPageAsync($"/messages/start/{listingId}")).TestId("start-listing");

        Assert.Contains(organisationName, about);
        Assert.DoesNotContain(poster, about);
    }

    [Fact]
    public async Task StartingAConversation_MailsThePoster_WithLink_WithoutTheMessageText()
    {
        var owner = await app.NewMemberAsync("erlangen", "owner");
        var listingId = await app.CreateListingAsync("erlangen", owner, ListingType.Request, title: "Begleitung zum Arzt");
        var helper = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var start = await helper.GetPageAsync($"/messages/start/{listingId}");
        Assert.Equal("Ich kann helfen", start.QuerySelector("h1")!.TextContent.Trim());
        var id = await helper.StartConversationAsync(listingId, "Ich habe Dienstag Zeit, Geheimtext 4711.");

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(owner));
        Assert.Contains("Begleitung zum Arzt", mail.Subject);
        Assert.Contains("erlangen-mitglied", mail.TextBody);
        Assert.Equal($"http://erlangen.localhost/messages/{id}", Accounts.LinkIn(mail, $"/messages/{id}"));
        Assert.DoesNotContain("Geheimtext 4711", mail.TextBody);
        Assert.Contains("meldet sich", mail.Subject);

        var ownerClient = await app.SignedInAsync("erlangen", owner);
        var thread = await ownerClient.GetPageAsync(new Uri(Accounts.LinkIn(mail, $"/messages/{id}")).PathAndQuery);
        var message = Assert.Single(thread.QuerySelectorAll("[data-testid=message]"));
        Assert.Contains("Geheimtext 4711", message.TextContent);
        Assert.Contains("erlangen-mitglied", thread.TestId("other-side"));
    }

    [Fact]
    public async Task OnAnOffer_TheButtonSaysInterested_AndAnExistingConversationIsReused()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-koordination", ListingType.Offer, title: "Deutschkurs am Abend");
        var member = await app.NewMemberAsync("erlangen", "interest");
        var client = await app.SignedInAsync("erlangen", member);

        Assert.Equal("Ich habe Interesse", (await client.GetPageAsync($"/messages/start/{listingId}")).QuerySelector("h1")!.TextContent.Trim());
        var id = await client.StartConversationAsync(listingId);

        var again = await client.GetAsync($"/messages/start/{listingId}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(id, MessagesTestData.ConversationIdIn(again.Headers.Location!));
        Assert.Equal(1, await app.InTownAsync("erlangen", db => db.Conversations.CountAsync(c => c.ListingId == listingId)));
    }

    [Fact]
    public async Task TownSetting_On_MailQuotesTheMessage_InTheRecipientsLanguage()
    {
        await app.InTownAsync(null, async db =>
        {
            var koeln = await db.Tenants.SingleAsync(t => t.Slug == "koeln");
            koeln.MailIncludesMessageText = true;
            return await db.SaveChangesAsync();
        });
        var owner = await app.NewMemberAsync("koeln", "koelsch", culture: "en");
        var listingId = await app.CreateListingAsync("koeln", owner, ListingType.Request, title: "Hilfe beim Umzug");
        var helper = await app.SignedInAsync("koeln", await app.NewMemberAsync("koeln", "helfer"));

        await helper.StartConversationAsync(listingId, "Ich bringe einen Bulli mit.\nSamstag 10 Uhr?");

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(owner));
        Assert.Contains("Someone responded", mail.Subject);
        Assert.Contains("Ich bringe einen Bulli mit.\nSamstag 10 Uhr?", mail.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("http://koeln.localhost/messages/", mail.TextBody);
    }

    [Fact]
    public async Task Reply_WithoutJavaScript_RedirectsToThread_AndMailsTheOtherSide_ButNotForEveryFollowUp()
    {
        var owner = await app.NewMemberAsync("erlangen", "replyowner");
        var respondent = await app.NewMemberAsync("erlangen", "replyhelper");
        var listingId = await app.CreateListingAsync("erlangen", owner, ListingType.Request);
        var helper = await app.SignedInAsync("erlangen", respondent);
        var ownerClient = await app.SignedInAsync("erlangen", owner);
        var id = await helper.StartConversationAsync(listingId, "Erste Nachricht");
        await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(owner));

        var reply = await ownerClient.ReplyAsync(id, "Danke!\nWann passt es Ihnen?");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Equal($"/messages/{id}", reply.Headers.Location!.OriginalString);

        var mailToHelper = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(respondent));
        Assert.Contains("Neue Nachricht", mailToHelper.Subject);
        Assert.Equal($"http://erlangen.localhost/messages/{id}", Accounts.LinkIn(mailToHelper, $"/messages/{id}"));

        // Follow-ups within ten minutes of the sender's previous message send no further mail.
        Assert.Equal(HttpStatusCode.Redirect, (await helper.ReplyAsync(id, "Morgen um 9?")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ownerClient.ReplyAsync(id, "Passt.")).StatusCode);
        await app.MailSettledAsync();
        Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(owner)));
        Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(respondent)));

        // After a quiet quarter of an hour, the next one does.
        await app.InTownAsync("erlangen", async db =>
        {
            await foreach (var message in db.Messages.Where(m => m.ConversationId == id).AsAsyncEnumerable())
            {
                message.SentAt = message.SentAt.AddMinutes(-15);
            }

            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await helper.ReplyAsync(id, "Bin unterwegs.")).StatusCode);
        await app.MailSettledAsync();
        Assert.Equal(2, app.Smtp.MessagesTo(MessagesTestData.EmailOf(owner)).Count);

        var thread = await helper.GetPageAsync($"/messages/{id}");
        var bodies = thread.QuerySelectorAll("[data-testid=message-body-text]").Select(b => b.TextContent).ToList();
        Assert.Equal(["Erste Nachricht", "Danke!\nWann passt es Ihnen?", "Morgen um 9?", "Passt.", "Bin unterwegs."], bodies);
    }

    [Fact]
    public async Task Reply_WithHtmx_ReturnsTheThreadFragment_AndInvalidInputComesBackAs422AtTheField()
    {
        var owner = await app.NewMemberAsync("erlangen", "htmxowner");
        var listingId = await app.CreateListingAsync("erlangen", owner);
        var helper = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen", "htmxhelper"));
        var id = await helper.StartConversationAsync(listingId, "Hallo");
        var token = await helper.TokenAsync($"/messages/{id}");

        var sent = await helper.HtmxAsync(HttpMethod.Post, $"/messages/{id}?handler=Send",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Body"] = "<b>fett</b> & mehr" });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var html = await sent.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"conversation-thread\">", html.Trim());
        Assert.DoesNotContain("<html", html);
        Assert.DoesNotContain("<b>fett</b>", html);
        var fragment = await Html.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });
        Assert.Equal(2, fragment.QuerySelectorAll("[data-testid=message]").Length);
        Assert.Equal("<b>fett</b> & mehr", fragment.QuerySelectorAll("[data-testid=message-body-text]").Last().TextContent);
        Assert.Equal("", fragment.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Contains("HX-Request", sent.Headers.Vary);

        var empty = await helper.HtmxAsync(HttpMethod.Post, $"/messages/{id}?handler=Send",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Body"] = "   " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Nachricht", (await Html.ParseAsync(empty)).FieldError("Input.Body"));

        var tooLong = await helper.ReplyAsync(id, new string('x', Message.BodyMaxLength + 1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("4000", (await Html.ParseAsync(tooLong)).FieldError("Input.Body"));
        Assert.Equal(2, await app.MessageCountAsync("erlangen", id));

        // A browser sends line breaks as CR LF: 4000 characters as counted in the text area still fit.
        var full = await helper.ReplyAsync(id, string.Join("\r\n", Enumerable.Repeat(new string('y', 99), 40)));
        Assert.Equal(HttpStatusCode.Redirect, full.StatusCode);
    }

    [Fact]
    public async Task UnreadCounts_ShowMessagesFromTheOtherSide_UntilTheThreadIsOpened_NewestActivityFirst()
    {
        var owner = await app.NewMemberAsync("erlangen", "unreadowner");
        var first = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen", "first"));
        var second = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen", "second"));
        var ownerClient = await app.SignedInAsync("erlangen", owner);
        var bike = await app.CreateListingAsync("erlangen", owner, ListingType.Offer, title: "Fahrrad");
        var sofa = await app.CreateListingAsync("erlangen", owner, ListingType.Offer, title: "Sofa");

        var bikeChat = await first.StartConversationAsync(bike, "Ist das Fahrrad noch da?");
        await first.ReplyAsync(bikeChat, "Ich könnte es heute abholen.");
        var sofaChat = await second.StartConversationAsync(sofa, "Passt das Sofa in einen Kombi?");

        Assert.Equal(2, await ownerClient.UnreadOnListAsync(bikeChat));
        Assert.Equal(1, await ownerClient.UnreadOnListAsync(sofaChat));
        Assert.Equal(0, await first.UnreadOnListAsync(bikeChat));
        var rows = (await ownerClient.GetPageAsync("/messages")).QuerySelectorAll("[data-testid=conversation-row]");
        Assert.Equal(["Sofa", "Fahrrad"], rows.Select(r => r.QuerySelector("[data-testid=conversation-listing]")!.TextContent.Trim()));
        Assert.Contains(rows, r => r.TextContent.Contains("first-", StringComparison.Ordinal));
        Assert.DoesNotContain("@test.example", rows[0].OuterHtml);

        await ownerClient.GetPageAsync($"/messages/{bikeChat}");
        Assert.Equal(0, await ownerClient.UnreadOnListAsync(bikeChat));
        Assert.Equal(1, await ownerClient.UnreadOnListAsync(sofaChat));

        await ownerClient.ReplyAsync(bikeChat, "Ja, bis 18 Uhr.");
        Assert.Equal(1, await first.UnreadOnListAsync(bikeChat));
        Assert.Equal(0, await ownerClient.UnreadOnListAsync(bikeChat));
        rows = (await ownerClient.GetPageAsync("/messages")).QuerySelectorAll("[data-testid=conversation-row]");
        Assert.Equal("Fahrrad", rows[0].QuerySelector("[data-testid=conversation-listing]")!.TextContent.Trim());
    }

    [Fact]
    public async Task HiddenMessage_ShowsAPlaceholder_NotItsText_AndIsNotCountedUnread()
    {
        var owner = await app.NewMemberAsync("erlangen", "hiddenowner");
        var listingId = await app.CreateListingAsync("erlangen", owner);
        var helper = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen", "rude"));
        var id = await helper.StartConversationAsync(listingId, "Beleidigung 0815");
        await app.InTownAsync("erlangen", async db =>
        {
            (await db.Messages.SingleAsync(m => m.ConversationId == id)).IsHidden = true;
            return await db.SaveChangesAsync();
        });
        var ownerClient = await app.SignedInAsync("erlangen", owner);

        Assert.Equal(0, await ownerClient.UnreadOnListAsync(id));
        var response = await ownerClient.GetAsync($"/messages/{id}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Beleidigung 0815", html);
        var page = await Html.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });
        Assert.Contains("ausgeblendet", page.TestId("message-hidden"));
        Assert.Single(page.QuerySelectorAll("[data-testid=message]"));
    }

    [Fact]
    public async Task ContactDetails_AreHidden_UntilTheirOwnerSharesThem()
    {
        var owner = await app.NewMemberAsync("erlangen", "phoneowner", phone: "+49 9131 555123");
        var respondent = await app.NewMemberAsync("erlangen", "nophone");
        var listingId = await app.CreateListingAsync("erlangen", owner, ListingType.Request);
        var helper = await app.SignedInAsync("erlangen", respondent);
        var ownerClient = await app.SignedInAsync("erlangen", owner);
        var id = await helper.StartConversationAsync(listingId);

        var before = await helper.GetAsync($"/messages/{id}");
        var beforeHtml = await before.Content.ReadAsStringAsync();
        Assert.DoesNotContain(MessagesTestData.EmailOf(owner), beforeHtml);
        Assert.DoesNotContain("555123", beforeHtml);
        Assert.Contains(owner, (await Html.ParseAsync(new HttpResponseMessage { Content = new StringContent(beforeHtml) })).TestId("nothing-shared"));

        Assert.Equal(HttpStatusCode.Redirect, (await ownerClient.SubmitAsync($"/messages/{id}", "[data-testid=share-email-form]")).StatusCode);
        var afterEmail = await helper.GetPageAsync($"/messages/{id}");
        Assert.Equal(MessagesTestData.EmailOf(owner), afterEmail.TestId("shared-email"));
        Assert.Null(afterEmail.QuerySelector("[data-testid=shared-phone]"));

        Assert.Equal(HttpStatusCode.Redirect, (await ownerClient.SubmitAsync($"/messages/{id}", "[data-testid=share-phone-form]")).StatusCode);
        Assert.Equal("+49 9131 555123", (await helper.GetPageAsync($"/messages/{id}")).TestId("shared-phone"));

        // Sharing is one-sided: the owner still sees nothing of the respondent.
        var ownerView = await ownerClient.GetPageAsync($"/messages/{id}");
        Assert.Null(ownerView.QuerySelector("[data-testid=shared-email]"));
        Assert.NotNull(ownerView.QuerySelector("[data-testid=my-email-shared]"));
        Assert.DoesNotContain(MessagesTestData.EmailOf(respondent), ownerView.DocumentElement.OuterHtml);

        // Without a stored phone number the button explains itself, and a forced post is refused at the form.
        var helperView = await helper.GetPageAsync($"/messages/{id}");
        Assert.True(helperView.QuerySelector("[data-testid=share-phone]")!.HasAttribute("disabled"));
        Assert.Contains("keine Telefonnummer", helperView.TestId("no-phone-stored"));
        var token = await helper.TokenAsync($"/messages/{id}");
        var forced = await helper.PostAsync($"/messages/{id}?handler=SharePhone",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        Assert.Contains("keine Telefonnummer", (await Html.ParseAsync(forced)).TestId("share-errors"));
        Assert.False(await app.InTownAsync("erlangen", db => db.Conversations.Where(c => c.Id == id).Select(c => c.RespondentSharesPhone).SingleAsync()));
    }

    [Fact]
    public async Task MeetingPoint_IsShownInTheConversation_ToBothSides_AndNowhereElse()
    {
        const string meetingPoint = "Hinterhof Glockenstraße 7, Klingel Müller";
        var owner = await app.NewMemberAsync("erlangen", "meetowner");
        var listingId = await app.CreateListingAsync("erlangen", owner, configure: l => l.MeetingPoint = meetingPoint);
        var helper = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen", "meethelper"));

        var startHtml = await (await helper.GetAsync($"/messages/start/{listingId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Glockenstraße", startHtml);
        var id = await helper.StartConversationAsync(listingId);

        Assert.Equal(meetingPoint, (await helper.GetPageAsync($"/messages/{id}")).TestId("meeting-point"));
        var ownerClient = await app.SignedInAsync("erlangen", owner);
        Assert.Equal(meetingPoint, (await ownerClient.GetPageAsync($"/messages/{id}")).TestId("meeting-point"));
        Assert.DoesNotContain("Glockenstraße", await (await ownerClient.GetAsync("/messages")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Glockenstraße", await (await app.TownClient("erlangen").GetAsync("/")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Glockenstraße", (await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(owner))).TextBody);
    }

    [Fact]
    public async Task OwnListing_CannotBeAnswered()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-mitglied", ListingType.Request, title: "Eigenes Gesuch");
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var get = await client.GetAsync($"/messages/start/{listingId}");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        var page = await Html.ParseAsync(get);
        Assert.Contains("eigener Beitrag", page.TestId("start-refusal"));
        Assert.Null(page.QuerySelector("[data-testid=start-form]"));

        var post = await client.PostAsync($"/messages/start/{listingId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.TokenAsync(),
            ["Input.Body"] = "An mich selbst",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.Conversations.CountAsync(c => c.ListingId == listingId)));
    }

    [Theory]
    [InlineData(ListingStatus.Draft, false)]
    [InlineData(ListingStatus.Closed, false)]
    [InlineData(ListingStatus.Published, true)]
    public async Task UnpublishedOrHiddenListings_CannotBeAnswered(ListingStatus status, bool hidden)
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-koordination", configure: l =>
        {
            l.Status = status;
            l.IsHidden = hidden;
        });
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/messages/start/{listingId}")).StatusCode);
        var post = await client.PostAsync($"/messages/start/{listingId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.TokenAsync(),
            ["Input.Body"] = "Hallo",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.Conversations.CountAsync(c => c.ListingId == listingId)));
    }

    [Fact]
    public async Task Outsider_Gets404_OnThread_Posting_Sharing_AndHtmxFragments()
    {
        var owner = await app.NewMemberAsync("erlangen", "privateowner");
        var listingId = await app.CreateListingAsync("erlangen", owner);
        var helper = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen", "privatehelper"));
        var id = await helper.StartConversationAsync(listingId, "Nur für uns zwei");
        var outsider = await app.SignedInAsync("erlangen", "erlangen-koordination");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await outsider.TokenAsync(), ["Input.Body"] = "Eingemischt" };

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/messages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/messages/{id}?handler=Send", new FormUrlEncodedContent(form))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/messages/{id}?handler=ShareEmail", new FormUrlEncodedContent(form))).StatusCode);
        var fragment = await outsider.HtmxAsync(HttpMethod.Get, $"/messages/{id}");
        Assert.Equal(HttpStatusCode.NotFound, fragment.StatusCode);
        Assert.DoesNotContain("Nur für uns zwei", await fragment.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.HtmxAsync(HttpMethod.Post, $"/messages/{id}?handler=Send", form)).StatusCode);
        // The demo towns have conversations of their own; this one must not be among them.
        Assert.DoesNotContain((await outsider.GetPageAsync("/messages")).QuerySelectorAll("[data-testid=conversation-row]"),
            row => row.GetAttribute("data-conversation-id") == id.ToString());

        Assert.Equal(1, await app.MessageCountAsync("erlangen", id));
        Assert.False(await app.InTownAsync("erlangen", db => db.Conversations.Where(c => c.Id == id).Select(c => c.OwnerSharesEmail || c.RespondentSharesEmail).SingleAsync()));
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin()
    {
        var response = await app.TownClient("erlangen").GetAsync("/messages");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }
}
