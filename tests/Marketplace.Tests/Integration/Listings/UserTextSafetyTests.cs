using Marketplace.Web.Infrastructure;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>Hostile text in titles and descriptions is shown as text: no script, no javascript: link, no event handler.</summary>
[Trait("Category", "Database")]
public sealed class UserTextSafetyTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    public static readonly TheoryData<string> Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "[klick](javascript:alert(1))",
        "[klick](JaVaScRiPt:alert(1))",
        "[klick]( javascript:alert(1))",
        "[klick](java&#x09;script:alert(1))",
        "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![bild](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[ref]: javascript:alert(1)\n\n[klick][ref]",
        "<javascript:alert(1)>",
        "\"><script>alert(1)</script>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "`<script>` im Code ist ok",
    ];

    /// <summary>
    /// Nothing of the text became markup (no script, frame, image, javascript: link, event handler or style), and the text
    /// is on the page as text: an element that shows it has exactly the text the user wrote, so it was neither dropped
    /// nor encoded twice.
    /// </summary>
    private static void AssertInert(AngleSharp.Dom.IDocument page, string shownIn, string text)
    {
        Assert.Empty(page.QuerySelectorAll("main script, main iframe, main img:not([src^='/listings/photo/'])"));
        // The only pictures drawn in the page are the site's own icons: one <use> of a shipped sprite each.
        Assert.All(page.QuerySelectorAll("main svg"), svg => Assert.Matches(
            "^<use href=\"/icons/(categories|interface)\\.svg(\\?v=[^\"#]*)?#[a-z0-9-]+\"></use>$", svg.InnerHtml.Trim()));
        Assert.All(page.QuerySelectorAll("[href]"), a => Assert.DoesNotMatch("^\\s*(javascript|data|vbscript):", a.GetAttribute("href")!.ToLowerInvariant()));
        Assert.All(page.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.All(page.QuerySelectorAll("main [style]"), e => Assert.Fail("style attribute in user text: " + e.OuterHtml));
        Assert.Contains(text, page.QuerySelectorAll(shownIn).Select(e => e.TextContent.Trim()));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Payload_InTitleAndDescription_RendersInert(string payload)
    {
        var title = "T " + payload[..Math.Min(payload.Length, 100)];
        var id = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: title, configure: l => l.Description = payload);
        var client = app.TownClient("erlangen");

        AssertInert(await client.GetPageAsync($"/listings/{id}"), "h1[data-testid=listing-title]", title);
        AssertInert(await client.GetPageAsync("/listings"), $"[data-testid=listing-card] a[href='/listings/{id}']", title);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Payload_InAMessage_RendersInert_ForBothSides(string payload)
    {
        var title = "Nachrichtenziel " + payload[..Math.Min(payload.Length, 100)];
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: title);
        var conversationId = await app.InTownAsync("erlangen", async db =>
        {
            var conversation = new Marketplace.Web.Domain.Conversation
            {
                ListingId = listingId,
                OwnerUserId = await app.UserIdAsync("erlangen-mitglied"),
                RespondentUserId = await app.UserIdAsync("lena"),
                CreatedAt = DateTimeOffset.UtcNow,
                LastMessageAt = DateTimeOffset.UtcNow,
            };
            conversation.Messages.Add(new Marketplace.Web.Domain.Message { SenderUserId = conversation.RespondentUserId, Body = payload, SentAt = DateTimeOffset.UtcNow });
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            return conversation.Id;
        });
        var owner = app.TownClient("erlangen");
        await owner.LoginOkAsync("erlangen-mitglied");

        var page = await owner.GetPageAsync($"/messages/{conversationId}");

        AssertInert(page, "[data-testid=message-body-text]", payload.Trim());
        AssertInert(await owner.GetPageAsync("/messages"), $"[data-conversation-id='{conversationId}'] [data-testid=conversation-listing]", title);
    }

    [Fact]
    public void MarkdownLinks_GetNofollowUgc_AndKeepSafeTargets()
    {
        var html = UserMarkdown.Render("[Verein](https://example.org) und https://example.net").Value!;

        Assert.Contains("href=\"https://example.org\"", html);
        Assert.Contains("rel=\"nofollow ugc noopener\"", html);
        Assert.Contains("href=\"https://example.net\"", html);
    }
}
