using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>
/// Text users write keeps its own direction on a page of the other direction: an Arabic title on a German page and a
/// German title on an Arabic page sit in an element of their own (dir="auto" or bdi), so the sentence around them reads
/// right and the punctuation stays on its side.
/// </summary>
[Trait("Category", "Database")]
public sealed class UserTextDirectionTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string ArabicTitle = "مساعدة في ملء الاستمارات!";
    private const string GermanTitle = "Hilfe beim Umzug (Samstag)!";

    /// <summary>Some element within <paramref name="scope"/> holds exactly the text and isolates it.</summary>
    private static void AssertIsolated(IParentNode scope, string text)
    {
        var isolating = scope.QuerySelectorAll("[dir=auto], bdi").Where(e => e.TextContent.Trim() == text).ToList();
        Assert.True(isolating.Count > 0, $"“{text}” is not isolated in: {string.Join("\n", scope.QuerySelectorAll("*").Where(e => e.TextContent.Contains(text) && e.Children.Length == 0).Select(e => e.OuterHtml))}");
    }

    [Fact]
    public async Task ArabicTitle_OnGermanPages_IsIsolated_OnTheListDetailsAndMe()
    {
        var poster = await app.NewMemberAsync("erlangen", "bidi-ar");
        var id = await app.CreateListingAsync("erlangen", poster, title: ArabicTitle);
        var client = await app.SignedInAsync("erlangen", poster);

        var list = await client.GetPageAsync("/listings");
        Assert.Equal("ltr", list.DocumentElement.GetAttribute("dir"));
        AssertIsolated(list.QuerySelector($"[data-testid=listing-card]:has(a[href='/listings/{id}'])")!, ArabicTitle);

        var details = await client.GetPageAsync($"/listings/{id}");
        Assert.Equal("auto", details.QuerySelector("h1[data-testid=listing-title]")!.GetAttribute("dir"));
        Assert.Equal(ArabicTitle, details.QuerySelector("h1[data-testid=listing-title]")!.TextContent.Trim());
        // Ordinal: a culture-aware comparison ignores the invisible isolates.
        Assert.StartsWith("\u2068" + ArabicTitle + "\u2069 – ", details.Title, StringComparison.Ordinal);
        Assert.Equal("auto", details.QuerySelector("[data-testid=listing-description]")!.GetAttribute("dir"));

        var me = await client.GetPageAsync("/me");
        AssertIsolated(me.QuerySelector("[data-testid=my-listings]")!, ArabicTitle);
        AssertIsolated(me.QuerySelector("[data-testid=current-user]")!.ParentElement!, poster);
    }

    [Fact]
    public async Task GermanTitle_OnArabicPages_IsIsolated()
    {
        var poster = await app.NewMemberAsync("erlangen", "bidi-de");
        var id = await app.CreateListingAsync("erlangen", poster, title: GermanTitle);
        var client = app.TownClient("erlangen");

        var details = await client.GetPageAsync($"/listings/{id}?culture=ar");
        Assert.Equal("rtl", details.DocumentElement.GetAttribute("dir"));
        AssertIsolated(details.QuerySelector("[data-testid=listing-details]")!, GermanTitle);

        var list = await client.GetPageAsync("/listings?culture=ar");
        Assert.Equal("rtl", list.DocumentElement.GetAttribute("dir"));
        AssertIsolated(list.QuerySelector($"[data-testid=listing-card]:has(a[href='/listings/{id}'])")!, GermanTitle);
    }

    [Fact]
    public async Task ConversationRow_WithName_PutsTheNameInBdi_OnBothSides()
    {
        var poster = await app.NewMemberAsync("erlangen", "bidi-po");
        var helper = await app.NewMemberAsync("erlangen", "bidi-he");
        var listingId = await app.CreateListingAsync("erlangen", poster, ListingType.Request, title: ArabicTitle);
        var conversationId = await (await app.SignedInAsync("erlangen", helper)).StartConversationAsync(listingId);

        foreach (var (reader, other, culture) in new[] { (poster, helper, "de"), (helper, poster, "ar") })
        {
            var page = await (await app.SignedInAsync("erlangen", reader)).GetPageAsync("/messages?culture=" + culture);
            var row = page.QuerySelector($"[data-testid=conversation-row][data-conversation-id='{conversationId}']")!;
            Assert.Equal(other, row.QuerySelector("[data-testid=conversation-other] bdi")!.TextContent);
            AssertIsolated(row, ArabicTitle);
        }
    }

    [Fact]
    public async Task MessageNotificationMail_IsolatesTheListingTitle_InBdiInHtml_AndWithFsiPdiInText()
    {
        var poster = await app.NewMemberAsync("erlangen", "bidi-mp", culture: "de");
        var helper = await app.NewMemberAsync("erlangen", "bidi-mh");
        var listingId = await app.CreateListingAsync("erlangen", poster, ListingType.Request, title: ArabicTitle);

        await (await app.SignedInAsync("erlangen", helper)).StartConversationAsync(listingId);

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        var html = new HtmlParser().ParseDocument(mail.HtmlBody!);
        Assert.Contains(html.QuerySelectorAll("bdi"), b => b.TextContent == ArabicTitle);
        Assert.Contains(html.QuerySelectorAll("bdi"), b => b.TextContent == helper);
        Assert.DoesNotContain('\u2068', html.Body!.TextContent);
        Assert.Contains("\u2068" + ArabicTitle + "\u2069", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("\u2068" + ArabicTitle + "\u2069", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("/messages/", html.QuerySelector("[data-part=action]")!.GetAttribute("href"));
    }
}
