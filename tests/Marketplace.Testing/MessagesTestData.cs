using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Testing;

/// <summary>Fresh members (so counts and mails of one test do not mix with another's) and the conversation steps a browser takes.</summary>
public static class MessagesTestData
{
    /// <summary>A confirmed account that is a member of the town; returns its user name (its e-mail is {name}@test.example).</summary>
    public static async Task<string> NewMemberAsync(this MarketplaceFactory app, string slug, string prefix, string? phone = null, string? culture = null)
    {
        var userName = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 9, 30)];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                UserName = userName, Email = EmailOf(userName), EmailConfirmed = true, PhoneNumber = phone, PreferredCulture = culture,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(user, DemoData.Password);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        }

        var userId = await app.UserIdAsync(userName);
        await app.InTownAsync(slug, async db =>
        {
            db.Memberships.Add(new TenantMembership { UserId = userId, Role = TownRole.Member, JoinedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return userName;
    }

    public static string EmailOf(string userName) => $"{userName}@test.example";

    /// <summary>Writes the first message on the listing without JavaScript and returns the conversation's id.</summary>
    public static async Task<int> StartConversationAsync(this HttpClient client, int listingId, string body = "Hallo, ich kann am Samstag helfen.")
    {
        var response = await client.SubmitAsync($"/messages/start/{listingId}", "[data-testid=start-form]",
            new Dictionary<string, string> { ["Input.Body"] = body });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return ConversationIdIn(response.Headers.Location!);
    }

    public static int ConversationIdIn(Uri location)
    {
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        Assert.StartsWith("/messages/", path, StringComparison.OrdinalIgnoreCase);
        return int.Parse(path["/messages/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<HttpResponseMessage> ReplyAsync(this HttpClient client, int conversationId, string body) =>
        client.SubmitAsync($"/messages/{conversationId}", "[data-testid=send-form]", new Dictionary<string, string> { ["Input.Body"] = body });

    /// <summary>The antiforgery token of any form on the page (the logout form is on every page), for requests a form does not offer.</summary>
    /// <summary>
    /// An antiforgery token for this client. A page a signed-out reader only looks at carries none, so without a token
    /// on <paramref name="url"/> it is taken from the login form.
    /// </summary>
    public static async Task<string> TokenAsync(this HttpClient client, string url = "/")
    {
        var page = await client.GetPageAsync(url);
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")
            ?? (await client.GetPageAsync("/account/login")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]");
        return token!.Value;
    }

    public static Task<HttpResponseMessage> HtmxAsync(this HttpClient client, HttpMethod method, string url, IDictionary<string, string>? form = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        request.Headers.Add("HX-Request", "true");
        return client.SendAsync(request);
    }

    public static Task<int> MessageCountAsync(this MarketplaceFactory app, string slug, int conversationId) =>
        app.InTownAsync(slug, db => db.Messages.CountAsync(m => m.ConversationId == conversationId));

    /// <summary>Unread count shown on the member's conversation list for the conversation (0 when no badge).</summary>
    public static async Task<int> UnreadOnListAsync(this HttpClient client, int conversationId)
    {
        var page = await client.GetPageAsync("/messages");
        var row = page.QuerySelectorAll("[data-testid=conversation-row]").Single(r => r.GetAttribute("data-conversation-id") == conversationId.ToString());
        return row.QuerySelector("[data-testid=unread-count]") is { } badge ? int.Parse(badge.TextContent.Trim()) : 0;
    }
}
