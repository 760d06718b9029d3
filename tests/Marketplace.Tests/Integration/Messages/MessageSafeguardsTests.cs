using System.Net;
using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Messages;
using Marketplace.Web.Pages.Messages;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Messages;

/// <summary>Blocked members, the per-account limit, and isolation between towns.</summary>
[Trait("Category", "Database")]
public sealed class MessageSafeguardsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task BlockedMember_CanRead_ButCannotSendStartOrShare()
    {
        var owner = await app.NewMemberAsync("erlangen", "blockowner");
        var listingId = await app.CreateListingAsync("erlangen", owner, ListingType.Request);
        var otherListingId = await app.CreateListingAsync("erlangen", owner, ListingType.Offer, title: "Zweiter Beitrag");
        var member = await app.NewMemberAsync("erlangen", "blocked");
        var client = await app.SignedInAsync("erlangen", member);
        var id = await client.StartConversationAsync(listingId, "Vor der Sperre");
        var memberId = await app.UserIdAsync(member);
        await app.InTownAsync("erlangen", async db =>
        {
            var membership = await db.Memberships.SingleAsync(m => m.UserId == memberId);
            membership.BlockedAt = DateTimeOffset.UtcNow;
            membership.BlockedReason = "Test";
            return await db.SaveChangesAsync();
        });

        var thread = await client.GetPageAsync($"/messages/{id}");
        Assert.Contains("Vor der Sperre", thread.TestId("message-body-text"));
        Assert.Contains("gesperrt", thread.TestId("blocked-notice"));
        Assert.Null(thread.QuerySelector("[data-testid=send-form]"));
        Assert.Null(thread.QuerySelector("[data-testid=share-email-form]"));

        var token = await client.TokenAsync();
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Body"] = "Trotzdem" };
        var send = await client.PostAsync($"/messages/{id}?handler=Send", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        Assert.Contains("gesperrt", (await Html.ParseAsync(send)).TestId("blocked-notice"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.HtmxAsync(HttpMethod.Post, $"/messages/{id}?handler=Send", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/messages/{id}?handler=ShareEmail", new FormUrlEncodedContent(form))).StatusCode);
        Assert.Equal(1, await app.MessageCountAsync("erlangen", id));

        var start = await client.GetAsync($"/messages/start/{otherListingId}");
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Contains("gesperrt", (await Html.ParseAsync(start)).TestId("start-refusal"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/messages/start/{otherListingId}", new FormUrlEncodedContent(form))).StatusCode);
        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.Conversations.CountAsync(c => c.ListingId == otherListingId)));
        Assert.False(await app.InTownAsync("erlangen", db => db.Conversations.Where(c => c.Id == id).Select(c => c.RespondentSharesEmail).SingleAsync()));
    }

    [Fact]
    public async Task RateLimit_ThirtyMessagesInTenMinutes_TheNextIsRefusedAtTheForm_AndNotSaved()
    {
        var owner = await app.NewMemberAsync("erlangen", "busyowner");
        var listingId = await app.CreateListingAsync("erlangen", owner, ListingType.Request);
        var secondListingId = await app.CreateListingAsync("erlangen", owner, ListingType.Offer, title: "Noch ein Beitrag");
        var member = await app.NewMemberAsync("erlangen", "chatty");
        var client = await app.SignedInAsync("erlangen", member);
        var id = await client.StartConversationAsync(listingId, "Nachricht 1");
        var memberId = await app.UserIdAsync(member);
        await app.InTownAsync("erlangen", async db =>
        {
            for (var i = 2; i <= MessageRules.MessagesPerWindow; i++)
            {
                db.Messages.Add(new Message { ConversationId = id, SenderUserId = memberId, Body = $"Nachricht {i}", SentAt = DateTimeOffset.UtcNow });
            }

            return await db.SaveChangesAsync();
        });

        var refused = await client.ReplyAsync(id, "Nachricht 31");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("warten", (await Html.ParseAsync(refused)).FieldError("Input.Body"));
        Assert.Equal(MessageRules.MessagesPerWindow, await app.MessageCountAsync("erlangen", id));

        var startRefused = await client.SubmitAsync($"/messages/start/{secondListingId}", "[data-testid=start-form]",
            new Dictionary<string, string> { ["Input.Body"] = "Neues Gespräch" });
        Assert.Equal(HttpStatusCode.TooManyRequests, startRefused.StatusCode);
        Assert.Contains("warten", (await Html.ParseAsync(startRefused)).FieldError("Input.Body"));
        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.Conversations.CountAsync(c => c.ListingId == secondListingId)));

        // Once the oldest of them is more than ten minutes old, writing works again.
        await app.InTownAsync("erlangen", async db =>
        {
            var oldest = await db.Messages.Where(m => m.SenderUserId == memberId).OrderBy(m => m.Id).FirstAsync();
            oldest.SentAt = DateTimeOffset.UtcNow.AddMinutes(-11);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await client.ReplyAsync(id, "Nachricht 31")).StatusCode);
    }

    [Fact]
    public async Task RateLimit_CountsOnlyTheAccountsOwnMessages()
    {
        var owner = await app.NewMemberAsync("erlangen", "quietowner");
        var listingId = await app.CreateListingAsync("erlangen", owner, ListingType.Request);
        var helper = await app.NewMemberAsync("erlangen", "loud");
        var id = await (await app.SignedInAsync("erlangen", helper)).StartConversationAsync(listingId);
        var helperId = await app.UserIdAsync(helper);
        await app.InTownAsync("erlangen", async db =>
        {
            for (var i = 0; i < MessageRules.MessagesPerWindow; i++)
            {
                db.Messages.Add(new Message { ConversationId = id, SenderUserId = helperId, Body = "viel", SentAt = DateTimeOffset.UtcNow });
            }

            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Redirect, (await (await app.SignedInAsync("erlangen", owner)).ReplyAsync(id, "Ich darf noch")).StatusCode);
    }

    [Fact]
    public async Task ErlangenConversation_Is404OnPotsdamsHost_ForAMemberOfBothTowns()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-mitglied", ListingType.Request, title: "Nur in Erlangen");
        var erlangen = await app.SignedInAsync("erlangen", DemoData.MultiTownUserName);
        var id = await erlangen.StartConversationAsync(listingId, "Aus Erlangen");
        var potsdam = await app.SignedInAsync("potsdam", DemoData.MultiTownUserName);
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await potsdam.TokenAsync(), ["Input.Body"] = "Aus Potsdam" };

        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/messages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.PostAsync($"/messages/{id}?handler=Send", new FormUrlEncodedContent(form))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.PostAsync($"/messages/{id}?handler=ShareEmail", new FormUrlEncodedContent(form))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.HtmxAsync(HttpMethod.Get, $"/messages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.HtmxAsync(HttpMethod.Post, $"/messages/{id}?handler=Send", form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/messages/start/{listingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.PostAsync($"/messages/start/{listingId}", new FormUrlEncodedContent(form))).StatusCode);
        // The demo towns have conversations of their own; this one must not be among them.
        Assert.DoesNotContain((await potsdam.GetPageAsync("/messages")).QuerySelectorAll("[data-testid=conversation-row]"),
            row => row.GetAttribute("data-conversation-id") == id.ToString());

        Assert.Equal(1, await app.MessageCountAsync("erlangen", id));
        Assert.Equal(1, await app.InTownAsync("erlangen", db => db.Conversations.CountAsync(c => c.ListingId == listingId)));
        Assert.Single((await erlangen.GetPageAsync($"/messages/{id}")).QuerySelectorAll("[data-testid=message]"));
    }

    [Fact]
    public async Task UnreadBadge_CountsAllConversations_OfTheSignedInMember_InThisTownOnly()
    {
        var owner = await app.NewMemberAsync("erlangen", "badgeowner");
        var ownerId = await app.UserIdAsync(owner);
        foreach (var title in new[] { "Eins", "Zwei" })
        {
            var listingId = await app.CreateListingAsync("erlangen", owner, title: title);
            var helper = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen", "badgehelp"));
            var id = await helper.StartConversationAsync(listingId, "Hallo");
            await helper.ReplyAsync(id, "Noch da?");
        }

        Assert.Equal(4, await UnreadForAsync("erlangen", ownerId));
        Assert.Equal(0, await UnreadForAsync("potsdam", ownerId));
    }

    [Fact]
    public async Task UnreadBadge_IsEmpty_WhenSignedOut()
    {
        Assert.Equal(0, await UnreadForAsync("erlangen", null));
    }

    /// <summary>The service the navigation badge uses, as it runs for a request of this user on the town's host.</summary>
    private Task<int> UnreadForAsync(string slug, string? userId) =>
        app.InTownAsync(slug, async db =>
        {
            var http = new DefaultHttpContext();
            if (userId is not null)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));
            }

            var accessor = new HttpContextAccessor { HttpContext = http };
            var tenant = (ITenantContext)new TenantContextProbe(db);
            // A provider of the test's own context: the instance given is not disposed with it.
            await using var services = new ServiceCollection().AddSingleton(db).BuildServiceProvider();
            // A cache of its own: each count is read afresh, as after a write on this instance.
            using var views = new MemberViewCache();
            return await new UnreadMessages(services, new CurrentMember(accessor, tenant, services), tenant, views, accessor).CountAsync();
        });

    /// <summary>CurrentMember only asks whether a town is set; the data context already acts for it.</summary>
    private sealed class TenantContextProbe(AppDbContext db) : ITenantContext
    {
        public TenantInfo? Tenant => new(db.CurrentTenantId, "", "", "de", "Europe/Berlin");
        public bool IsPlatformHost => false;
    }
}
