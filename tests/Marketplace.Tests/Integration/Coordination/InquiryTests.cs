using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Coordination;

/// <summary>"Ask the coordination office" on a listing in office mode, and the office's list of open inquiries.</summary>
[Trait("Category", "Database")]
public sealed class InquiryTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Inbox = "/coordination/inquiries";

    /// <summary>A published request in a category mediated by default (housing), by a fresh member.</summary>
    private async Task<(int ListingId, string Poster)> MediatedListingAsync(string slug, ListingType type = ListingType.Request,
        string title = "Suche Wohnung für drei Personen")
    {
        var poster = await app.NewMemberAsync(slug, "poster");
        return (await app.CreateListingAsync(slug, poster, type, title, categoryKey: "wohnung"), poster);
    }

    private Task<HttpResponseMessage> InquireAsync(HttpClient client, int listingId, string message) =>
        client.SubmitAsync($"/listings/{listingId}", "[data-testid=inquire-form]", new Dictionary<string, string> { ["Inquiry.Message"] = message });

    private Task<List<OfficeInquiry>> InquiriesAsync(string slug, int listingId) =>
        app.InTownAsync(slug, db => db.OfficeInquiries.AsNoTracking().Where(i => i.ListingId == listingId).ToListAsync());

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await client.TokenAsync();
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task Member_AsksTheOffice_AnInquiryIsRecorded_AndNoConversationWithThePoster()
    {
        var (listingId, _) = await MediatedListingAsync("erlangen");
        var asker = await app.NewMemberAsync("erlangen", "asker");
        var client = await app.SignedInAsync("erlangen", asker);

        var response = await InquireAsync(client, listingId, "Ich hätte eine Wohnung in Bruck frei.\nAb Juni.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/listings/{listingId}", response.Headers.Location!.OriginalString, ignoreCase: true);
        var inquiry = Assert.Single(await InquiriesAsync("erlangen", listingId));
        Assert.Equal(await app.UserIdAsync(asker), inquiry.UserId);
        Assert.Equal("Ich hätte eine Wohnung in Bruck frei.\nAb Juni.", inquiry.Message);
        Assert.Null(inquiry.HandledAt);
        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.Conversations.CountAsync(c => c.ListingId == listingId)));

        // Said once, where the question was asked.
        var page = await client.GetPageAsync($"/listings/{listingId}");
        Assert.Contains("meldet sich bei Ihnen", page.TestId("inquiry-sent"));
        Assert.Single(Regex.Matches(page.Body!.TextContent, "meldet sich bei Ihnen"));
        Assert.Null(page.QuerySelector("[data-testid=inquire-form]"));

        // A second post while the first is open adds nothing.
        var token = await client.TokenAsync($"/listings/{listingId}");
        await client.PostAsync($"/listings/{listingId}?handler=Inquire", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Inquiry.Message"] = "Noch einmal",
        }));
        Assert.Single(await InquiriesAsync("erlangen", listingId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task EmptyOrTooLongMessage_IsRefusedAtTheField_422_AndNothingIsSaved(string? message)
    {
        var (listingId, _) = await MediatedListingAsync("erlangen");
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var response = await InquireAsync(client, listingId, message ?? new string('x', OfficeInquiry.MessageMaxLength + 1));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError("Inquiry.Message"));
        Assert.NotNull(page.QuerySelector("[data-testid=inquire-form]"));
        Assert.Empty(await InquiriesAsync("erlangen", listingId));
    }

    [Fact]
    public async Task AnonymousVisitor_IsAskedToLogIn_AndCannotPost()
    {
        var (listingId, _) = await MediatedListingAsync("erlangen");
        var client = app.TownClient("erlangen");

        var page = await client.GetPageAsync($"/listings/{listingId}");

        Assert.Contains($"returnUrl=/listings/{listingId}", page.QuerySelector("[data-testid=login-to-inquire]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=inquire-form]"));
        Assert.Null(page.QuerySelector("[data-testid=login-to-respond]"));
        var response = await PostAsync(client, $"/listings/{listingId}?handler=Inquire", new() { ["Inquiry.Message"] = "Hallo" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await InquiriesAsync("erlangen", listingId));
    }

    [Fact]
    public async Task Poster_CannotInquireAboutTheirOwnListing_403()
    {
        var (listingId, poster) = await MediatedListingAsync("erlangen");
        var client = await app.SignedInAsync("erlangen", poster);

        var page = await client.GetPageAsync($"/listings/{listingId}");
        Assert.Null(page.QuerySelector("[data-testid=inquire]"));

        var response = await PostAsync(client, $"/listings/{listingId}?handler=Inquire", new() { ["Inquiry.Message"] = "Meins" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await InquiriesAsync("erlangen", listingId));
    }

    [Fact]
    public async Task BlockedMember_SeesWhy_AndCannotInquire_403()
    {
        var (listingId, _) = await MediatedListingAsync("erlangen");
        var blocked = await app.NewMemberAsync("erlangen", "blocked");
        var blockedId = await app.UserIdAsync(blocked);
        await app.InTownAsync("erlangen", async db =>
        {
            var membership = await db.Memberships.SingleAsync(m => m.UserId == blockedId);
            membership.BlockedAt = DateTimeOffset.UtcNow;
            membership.BlockedReason = "Test";
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInAsync("erlangen", blocked);

        var page = await client.GetPageAsync($"/listings/{listingId}");
        Assert.NotNull(page.QuerySelector("[data-testid=inquiry-refused]"));
        Assert.Null(page.QuerySelector("[data-testid=inquire-form]"));

        var response = await PostAsync(client, $"/listings/{listingId}?handler=Inquire", new() { ["Inquiry.Message"] = "Trotzdem" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await InquiriesAsync("erlangen", listingId));
    }

    [Fact]
    public async Task PeerToPeerListing_TakesNoInquiry_404()
    {
        var poster = await app.NewMemberAsync("erlangen", "peer");
        var listingId = await app.CreateListingAsync("erlangen", poster, categoryKey: "fahrraeder");
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var response = await PostAsync(client, $"/listings/{listingId}?handler=Inquire", new() { ["Inquiry.Message"] = "Hallo" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await InquiriesAsync("erlangen", listingId));
    }

    [Fact]
    public async Task Coordinator_SeesTheOpenInquiry_AndMarksItHandled()
    {
        var (requestId, _) = await MediatedListingAsync("potsdam", ListingType.Request, "Suche Zimmer am Stern");
        var (offerId, _) = await MediatedListingAsync("potsdam", ListingType.Offer, "Zimmer in Babelsberg frei");
        var asker = await app.NewMemberAsync("potsdam", "asker");
        var member = await app.SignedInAsync("potsdam", asker);
        Assert.Equal(HttpStatusCode.Redirect, (await InquireAsync(member, requestId, "Ich kenne jemanden mit einem Zimmer.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await InquireAsync(member, offerId, "Ist das Zimmer noch frei?")).StatusCode);
        var coordinator = await app.SignedInAsync("potsdam", "potsdam-koordination");

        var page = await coordinator.GetPageAsync(Inbox);

        var rows = page.QuerySelectorAll("[data-testid=inquiry-row]");
        Assert.Equal(2, rows.Length);
        Assert.Equal("Zimmer in Babelsberg frei", rows[0].TestIdIn("inquiry-listing")); // newest first
        Assert.Equal($"/listings/{offerId}", rows[0].QuerySelector("[data-testid=inquiry-listing]")!.GetAttribute("href"));
        Assert.Equal($"/coordination/requests/{requestId}", rows[1].QuerySelector("[data-testid=inquiry-listing]")!.GetAttribute("href"));
        Assert.Equal(asker, rows[1].TestIdIn("inquiry-user"));
        Assert.Equal("Ich kenne jemanden mit einem Zimmer.", rows[1].TestIdIn("inquiry-message"));

        var inquiryId = (await InquiriesAsync("potsdam", requestId)).Single().Id;
        var form = (IHtmlFormElement)rows[1].QuerySelector("[data-testid=inquiry-handle-form]")!;
        var response = await coordinator.SubmitAsync(form, Inbox);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var handled = (await InquiriesAsync("potsdam", requestId)).Single();
        Assert.NotNull(handled.HandledAt);
        Assert.Equal(await app.UserIdAsync("potsdam-koordination"), handled.HandledByUserId);
        var audit = await app.InTownAsync("potsdam", db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditAction.HandledInquiry && a.SubjectId == inquiryId.ToString()));
        Assert.Equal("inquiry", audit.SubjectType);
        Assert.Equal(handled.HandledByUserId, audit.ActorUserId);
        page = await coordinator.GetPageAsync(Inbox);
        Assert.Equal("Zimmer in Babelsberg frei", Assert.Single(page.QuerySelectorAll("[data-testid=inquiry-row]")).TestIdIn("inquiry-listing"));
        Assert.Equal(1, await app.InTownAsync("potsdam", db => Marketplace.Web.Listings.OfficeInquiries.Open(db).CountAsync()));

        // With htmx the list is swapped in place.
        var offerInquiry = (await InquiriesAsync("potsdam", offerId)).Single().Id;
        var fragment = await coordinator.HtmxAsync(HttpMethod.Post, $"{Inbox}?handler=Handle&id={offerInquiry}",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = await coordinator.TokenAsync(Inbox) });
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.NotNull((await Html.ParseAsync(fragment)).QuerySelector("[data-testid=inquiries-empty]"));
    }

    [Fact]
    public async Task Member_CannotOpenTheInquiryList_403()
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Inbox)).StatusCode);
    }

    [Fact]
    public async Task PotsdamCoordinator_GetsNotFound_ForErlangensInquiry_AndDoesNotSeeIt()
    {
        var (listingId, _) = await MediatedListingAsync("erlangen", title: "Erlanger Wohnungssuche");
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");
        Assert.Equal(HttpStatusCode.Redirect, (await InquireAsync(member, listingId, "Frage aus Erlangen")).StatusCode);
        var inquiryId = (await InquiriesAsync("erlangen", listingId)).Single().Id;
        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");

        var response = await PostAsync(potsdam, $"{Inbox}?handler=Handle&id={inquiryId}", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await InquiriesAsync("erlangen", listingId)).Single().HandledAt);
        Assert.DoesNotContain("Erlanger Wohnungssuche", (await potsdam.GetPageAsync(Inbox)).Body!.TextContent);

        // Nor can a Potsdam member inquire about the Erlangen listing through the Potsdam host.
        var potsdamMember = await app.SignedInAsync("potsdam", "potsdam-mitglied");
        response = await PostAsync(potsdamMember, $"/listings/{listingId}?handler=Inquire", new() { ["Inquiry.Message"] = "Hallo" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(await InquiriesAsync("erlangen", listingId));
    }
}
