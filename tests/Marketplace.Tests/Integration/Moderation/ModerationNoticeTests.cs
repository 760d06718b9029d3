using System.Globalization;
using System.Net;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Integration.Moderation;

/// <summary>
/// Once the office has decided on a listing, its poster reads the decision and its reason on the listing's page instead
/// of "hidden until the office has checked it", and gets it by mail in their language.
/// </summary>
[Trait("Category", "Database")]
public sealed class ModerationNoticeTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Slug = "erlangen";
    private const string Waiting = "bis die Koordinierungsstelle sie geprüft hat";

    private async Task<(string Poster, int ListingId)> ReportedListingAsync(string title, bool hidden, string? culture = null)
    {
        var poster = await app.NewMemberAsync(Slug, "gemeldet", culture: culture);
        var id = await app.CreateListingAsync(Slug, poster, title: title, configure: l => l.IsHidden = hidden);
        await app.AddReportsAsync(Slug, ReportTarget.Listing, id.ToString(CultureInfo.InvariantCulture), await app.UserIdAsync("lena"));
        return (poster, id);
    }

    [Fact]
    public async Task WhileTheOfficeHasNotDecided_TheHiddenListingsPosterReadsThatItWaits()
    {
        var (poster, id) = await ReportedListingAsync("Wartet auf Prüfung", hidden: true);

        var page = await (await app.SignedInAsync(Slug, poster)).GetPageAsync($"/listings/{id}");

        Assert.Contains(Waiting, page.TestId("listing-hidden"));
        Assert.Null(page.QuerySelector("[data-testid=listing-moderation]"));
    }

    [Fact]
    public async Task TheOfficeCloses_ThePosterReadsTheDecisionAndReason_OnThePageAndByMail()
    {
        var (poster, id) = await ReportedListingAsync("Handy gegen Vorkasse", hidden: true);
        var coordinator = await app.SignedInAsync(Slug, "erlangen-koordination");

        Assert.Equal(HttpStatusCode.Redirect,
            (await coordinator.DecideAsync(ReportTarget.Listing, id, ModerationActionKind.Close, "Vorkasse ist hier nicht erlaubt.")).StatusCode);

        var page = await (await app.SignedInAsync(Slug, poster)).GetPageAsync($"/listings/{id}");
        Assert.DoesNotContain(Waiting, page.QuerySelector("main")!.TextContent);
        var notice = page.TestId("listing-moderation");
        Assert.Contains("geschlossen", notice);
        Assert.Contains("Vorkasse ist hier nicht erlaubt.", notice);

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        Assert.Contains("Handy gegen Vorkasse", mail.Subject);
        Assert.Contains("geschlossen", mail.TextBody);
        Assert.Contains("Vorkasse ist hier nicht erlaubt.", mail.TextBody);
        Assert.Contains($"http://erlangen.localhost/listings/{id}", mail.TextBody);
    }

    [Fact]
    public async Task TheOfficeHidesAVisibleListing_ThePosterIsToldInTheirLanguage()
    {
        var (poster, id) = await ReportedListingAsync("Bike for sale", hidden: false, culture: "en");
        var coordinator = await app.SignedInAsync(Slug, "erlangen-koordination");

        await coordinator.DecideAsync(ReportTarget.Listing, id, ModerationActionKind.Hide, "Bitte ohne Telefonnummer im Titel.");

        var page = await (await app.SignedInAsync(Slug, poster)).GetPageAsync($"/listings/{id}");
        Assert.Contains("Bitte ohne Telefonnummer im Titel.", page.TestId("listing-moderation"));
        Assert.Null(page.QuerySelector("[data-testid=listing-hidden]"));
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        Assert.Contains("Bike for sale", mail.Subject);
        Assert.Contains("hidden", mail.TextBody);
        Assert.Contains("Bitte ohne Telefonnummer im Titel.", mail.TextBody);
    }

    [Fact]
    public async Task TheOfficeRestores_ThePosterIsToldItIsVisibleAgain()
    {
        var (poster, id) = await ReportedListingAsync("Gartenhilfe gesucht", hidden: true);
        var coordinator = await app.SignedInAsync(Slug, "erlangen-koordination");

        await coordinator.DecideAsync(ReportTarget.Listing, id, ModerationActionKind.Restore, "Geprüft: alles in Ordnung.");

        var page = await (await app.SignedInAsync(Slug, poster)).GetPageAsync($"/listings/{id}");
        Assert.Null(page.QuerySelector("[data-testid=listing-hidden]"));
        Assert.Contains("Geprüft: alles in Ordnung.", page.TestId("listing-moderation"));
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        Assert.Contains("Gartenhilfe gesucht", mail.Subject);
        Assert.Contains("wieder", mail.TextBody);
        Assert.Contains("Geprüft: alles in Ordnung.", mail.TextBody);
    }

    [Fact]
    public async Task OnlyThePoster_ReadsTheDecision()
    {
        var (_, id) = await ReportedListingAsync("Fahrradreparatur", hidden: true);
        var coordinator = await app.SignedInAsync(Slug, "erlangen-koordination");
        await coordinator.DecideAsync(ReportTarget.Listing, id, ModerationActionKind.Restore, "Interne Notiz zum Fall.");

        var stranger = await app.SignedInAsync(Slug, await app.NewMemberAsync(Slug));
        var page = await stranger.GetPageAsync($"/listings/{id}");

        Assert.Null(page.QuerySelector("[data-testid=listing-moderation]"));
        Assert.DoesNotContain("Interne Notiz", page.QuerySelector("main")!.TextContent);
    }
}
