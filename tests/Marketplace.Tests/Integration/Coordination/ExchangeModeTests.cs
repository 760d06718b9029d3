using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Coordination;

/// <summary>
/// Town admins decide per category whether members answer each other or go through the coordination office; in office
/// mode the public sees only category, district, title and dates.
/// </summary>
[Trait("Category", "Database")]
public sealed class ExchangeModeTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Page = "/coordination/categories";
    private const string Description = "Gut erhalten, bitte selbst abholen.";

    private Task<Category> CategoryAsync(string slug, string key) =>
        app.InTownAsync(slug, db => db.Categories.AsNoTracking().SingleAsync(c => c.Key == key));

    private Task<List<AuditEntry>> AuditAsync(string slug, AuditAction action, int categoryId) =>
        app.InTownAsync(slug, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == action && a.SubjectType == "category" && a.SubjectId == categoryId.ToString()).ToListAsync());

    private static IElement Row(IDocument page, int id) =>
        page.QuerySelector($"[data-testid=category-row][data-category-id='{id}']") ?? throw new InvalidOperationException($"No row {id}.");

    private static IHtmlFormElement? ExchangeForm(IDocument page, int id) =>
        (IHtmlFormElement?)Row(page, id).QuerySelector("[data-testid=category-exchange-form]");

    private async Task<HttpResponseMessage> SetExchangeAsync(HttpClient admin, int categoryId, string mode, bool? clearance = null)
    {
        var page = await admin.GetPageAsync(Page);
        var values = new Dictionary<string, string> { ["Exchange.Mode"] = mode };
        if (clearance is { } required)
        {
            values["Exchange.RequiresClearance"] = required ? "true|false" : "false";
        }

        return await admin.SubmitAsync(ExchangeForm(page, categoryId)!, Page, values);
    }

    /// <summary>Records the listing as taken in by the office for someone without an account, not claimed yet.</summary>
    private async Task UnclaimedIntakeAsync(int listingId, string referenceCode)
    {
        var coordinatorId = await app.UserIdAsync("erlangen-koordination");
        await app.InTownAsync("erlangen", db =>
        {
            db.IntakeContacts.Add(new IntakeContact
            {
                ListingId = listingId, Name = "Frau A.", Culture = "de", ReferenceCode = referenceCode, CreatedByUserId = coordinatorId,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task TownAdmin_SwitchesCategoryToMediated_MemberSeesOnlyTheSummary_PosterAndCoordinatorSeeEverything()
    {
        var poster = await app.NewMemberAsync("erlangen", "mediated");
        var listingId = await app.CreateListingAsync("erlangen", poster, title: "Kommode abzugeben", categoryKey: "moebel");
        var category = await CategoryAsync("erlangen", "moebel");
        var admin = await app.SignedInAsync("erlangen", "erlangen-admin");
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var before = await member.GetPageAsync($"/listings/{listingId}");
        Assert.Contains(Description, before.TestId("listing-description"));
        Assert.NotNull(before.QuerySelector("[data-testid=respond-button]"));

        var page = await admin.GetPageAsync(Page);
        Assert.Equal("direkt zwischen Mitgliedern", Row(page, category.Id).TestIdIn("category-mode"));
        var response = await SetExchangeAsync(admin, category.Id, nameof(ExchangeMode.Mediated));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ExchangeMode.Mediated, (await CategoryAsync("erlangen", "moebel")).ExchangeMode);
        var entry = Assert.Single(await AuditAsync("erlangen", AuditAction.ChangedExchangeMode, category.Id));
        Assert.Equal("moebel: PeerToPeer → Mediated", entry.Detail);
        Assert.Equal(await app.UserIdAsync("erlangen-admin"), entry.ActorUserId);
        Assert.Equal("über die Koordinierungsstelle", Row(await admin.GetPageAsync(Page), category.Id).TestIdIn("category-mode"));

        var seen = await member.GetPageAsync($"/listings/{listingId}");
        Assert.Equal("Kommode abzugeben", seen.TestId("listing-title"));
        Assert.NotNull(seen.QuerySelector("[data-testid=listing-category]"));
        Assert.NotNull(seen.QuerySelector("[data-testid=listing-district]"));
        Assert.NotNull(seen.QuerySelector("[data-testid=listing-summary-only]"));
        Assert.Null(seen.QuerySelector("[data-testid=listing-description]"));
        Assert.Null(seen.QuerySelector("[data-testid=listing-poster]"));
        Assert.DoesNotContain(Description, seen.Body!.TextContent);
        Assert.DoesNotContain(poster, seen.Body!.TextContent);
        Assert.Null(seen.QuerySelector("[data-testid=respond-button]"));
        Assert.NotNull(seen.QuerySelector("[data-testid=inquire-form]"));

        var own = await (await app.SignedInAsync("erlangen", poster)).GetPageAsync($"/listings/{listingId}");
        Assert.Contains(Description, own.TestId("listing-description"));
        Assert.NotNull(own.QuerySelector("[data-testid=owner-actions]"));
        Assert.Null(own.QuerySelector("[data-testid=inquire-form]"));

        var office = await (await app.SignedInAsync("erlangen", "erlangen-koordination")).GetPageAsync($"/listings/{listingId}");
        Assert.Contains(Description, office.TestId("listing-description"));
        Assert.Equal(poster, office.TestId("listing-poster"));
    }

    [Fact]
    public async Task MediatedListing_InBrowse_ShowsNoPoster_AndStartingAConversationLeadsToTheListing()
    {
        var poster = await app.NewMemberAsync("erlangen", "browse");
        var listingId = await app.CreateListingAsync("erlangen", poster, ListingType.Request, title: "Quokka-Zimmer zur Untermiete gesucht", categoryKey: "wohnung");
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var results = await member.GetPageAsync("/listings?q=Quokka");
        var card = Assert.Single(results.QuerySelectorAll("[data-testid=listing-card]"));
        Assert.Equal("Quokka-Zimmer zur Untermiete gesucht", card.TestIdIn("listing-title"));
        Assert.NotNull(card.QuerySelector("[data-testid=listing-via-office]"));
        Assert.Null(card.QuerySelector("[data-testid=listing-poster]"));
        Assert.DoesNotContain(poster, card.TextContent);

        var start = await member.GetAsync($"/messages/start/{listingId}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal($"/listings/{listingId}", start.Headers.Location!.OriginalString, ignoreCase: true);
        var token = await member.TokenAsync();
        await member.PostAsync($"/messages/start/{listingId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Body"] = "Hallo" }));
        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.Conversations.CountAsync(c => c.ListingId == listingId)));
    }

    [Fact]
    public async Task Search_FindsAListingInOfficeMode_ByItsTitleOnly_NeverByItsHiddenDescription()
    {
        var poster = await app.NewMemberAsync("erlangen", "hidden");
        await app.CreateListingAsync("erlangen", poster, title: "Wombat-Wohnung frei", categoryKey: "wohnung",
            configure: l => l.Description = "Im Haus Ginsterweg 12, zweiter Stock, Klingel Numbat.");
        await app.CreateListingAsync("erlangen", poster, title: "Wombat-Sessel abzugeben", categoryKey: "fahrraeder",
            configure: l => l.Description = "Abholung am Ginsterweg, Klingel Numbat.");
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        async Task<string[]> TitlesFor(string words) => (await member.GetPageAsync($"/listings?q={words}"))
            .QuerySelectorAll("[data-testid=listing-card]").Select(c => c.TestIdIn("listing-title")).Order().ToArray();

        Assert.Equal(["Wombat-Sessel abzugeben", "Wombat-Wohnung frei"], await TitlesFor("Wombat"));
        Assert.Equal(["Wombat-Sessel abzugeben"], await TitlesFor("Ginsterweg"));
        Assert.Equal(["Wombat-Sessel abzugeben"], await TitlesFor("Numbat"));
        Assert.Empty(await TitlesFor("zweiter Stock"));
        Assert.Equal(["Wombat-Wohnung frei"], await TitlesFor("WOMBAT wohnung"));
        // One word from the title and one only from the description: the description must not complete the match.
        Assert.Empty(await TitlesFor("Wohnung Ginsterweg"));

        // An intake request nobody has claimed is in office mode too, whatever its category.
        var intake = await app.CreateListingAsync("erlangen", "erlangen-koordination", ListingType.Request, title: "Wombat-Umzugshilfe",
            categoryKey: "fahrraeder", configure: l => l.Description = "Frau A. wohnt im Quendelweg.");
        Assert.Equal(["Wombat-Sessel abzugeben", "Wombat-Umzugshilfe", "Wombat-Wohnung frei"], await TitlesFor("Wombat"));
        Assert.Equal(["Wombat-Umzugshilfe"], await TitlesFor("Quendelweg"));
        await UnclaimedIntakeAsync(intake, "WOMBAT01");
        Assert.Empty(await TitlesFor("Quendelweg"));
        Assert.Contains("Wombat-Umzugshilfe", await TitlesFor("Umzugshilfe"));
    }

    [Fact]
    public async Task PeerToPeerListing_StaysAsBefore_DescriptionPosterAndRespondButton()
    {
        var poster = await app.NewMemberAsync("erlangen", "peer");
        var listingId = await app.CreateListingAsync("erlangen", poster, categoryKey: "fahrraeder");
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var page = await member.GetPageAsync($"/listings/{listingId}");

        Assert.Contains(Description, page.TestId("listing-description"));
        Assert.Equal(poster, page.TestId("listing-poster"));
        Assert.NotNull(page.QuerySelector("[data-testid=respond-button]"));
        Assert.Null(page.QuerySelector("[data-testid=inquire]"));
        Assert.Null(page.QuerySelector("[data-testid=listing-via-office]"));
    }

    [Fact]
    public async Task UnclaimedIntake_PutsAPeerListingIntoOfficeMode_UntilItIsClaimed()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-koordination", ListingType.Request, title: "Hilfe beim Umzug",
            categoryKey: "fahrraeder");
        await UnclaimedIntakeAsync(listingId, "TEST0001");
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        var page = await member.GetPageAsync($"/listings/{listingId}");
        Assert.Null(page.QuerySelector("[data-testid=listing-description]"));
        Assert.NotNull(page.QuerySelector("[data-testid=inquire-form]"));

        await app.InTownAsync("erlangen", async db =>
        {
            var intake = await db.IntakeContacts.SingleAsync(i => i.ListingId == listingId);
            intake.ClaimedAt = DateTimeOffset.UtcNow;
            intake.ClaimedByUserId = await app.UserIdAsync("erlangen-mitglied");
            return await db.SaveChangesAsync();
        });
        page = await member.GetPageAsync($"/listings/{listingId}");
        Assert.Contains(Description, page.TestId("listing-description"));
        Assert.NotNull(page.QuerySelector("[data-testid=respond-button]"));
    }

    [Fact]
    public async Task MediatedListing_PhotosAreServedToThePosterOnly()
    {
        var poster = await app.NewMemberAsync("erlangen", "photo");
        var listingId = await app.CreateListingAsync("erlangen", poster, categoryKey: "wohnung", title: "Zimmer frei",
            configure: l => l.Photos.Add(new ListingPhoto { ContentType = "image/jpeg", Data = TestPhotos.Jpeg(40, 30), Width = 40, Height = 30 }));
        var photoId = await app.InTownAsync("erlangen", db => db.ListingPhotos.Where(p => p.ListingId == listingId).Select(p => p.Id).SingleAsync());

        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");
        Assert.Empty((await member.GetPageAsync($"/listings/{listingId}")).QuerySelectorAll("[data-testid=listing-photo]"));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/listings/photo/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("erlangen").GetAsync($"/listings/photo/{photoId}")).StatusCode);
        var own = await app.SignedInAsync("erlangen", poster);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/listings/photo/{photoId}")).StatusCode);
    }

    [Fact]
    public async Task TownAdmin_RequiresClearance_ShownToCoordinators_AndAudited()
    {
        var category = await CategoryAsync("potsdam", "schule");
        Assert.False(category.RequiresClearance);
        var admin = await app.SignedInAsync("potsdam", "potsdam-admin");

        var response = await SetExchangeAsync(admin, category.Id, category.ExchangeMode.ToString(), clearance: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await CategoryAsync("potsdam", "schule")).RequiresClearance);
        var entry = Assert.Single(await AuditAsync("potsdam", AuditAction.ChangedExchangeMode, category.Id));
        Assert.Equal("schule: clearance no → yes", entry.Detail);
        var coordinatorPage = await (await app.SignedInAsync("potsdam", "potsdam-koordination")).GetPageAsync(Page);
        Assert.Equal("Führungszeugnis nötig", Row(coordinatorPage, category.Id).TestIdIn("category-clearance"));
        Assert.Null(ExchangeForm(coordinatorPage, category.Id));

        // Unticking posts only the hidden "false", as a browser does.
        response = await SetExchangeAsync(admin, category.Id, category.ExchangeMode.ToString(), clearance: false);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await CategoryAsync("potsdam", "schule")).RequiresClearance);
        Assert.Equal(2, (await AuditAsync("potsdam", AuditAction.ChangedExchangeMode, category.Id)).Count);
    }

    [Fact]
    public async Task Coordinator_CannotChangeModeOrClearance_403_AndNothingChanges()
    {
        var category = await CategoryAsync("koeln", "wohnen");
        var coordinator = await app.SignedInAsync("koeln", "koeln-koordination");
        var page = await coordinator.GetPageAsync(Page);
        Assert.Equal("über die Koordinierungsstelle", Row(page, category.Id).TestIdIn("category-mode"));
        Assert.Null(ExchangeForm(page, category.Id));

        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var response = await coordinator.PostAsync($"{Page}?handler=Exchange&id={category.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Exchange.Mode"] = nameof(ExchangeMode.PeerToPeer), ["Exchange.RequiresClearance"] = "true",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await CategoryAsync("koeln", "wohnen");
        Assert.Equal(ExchangeMode.Mediated, after.ExchangeMode);
        Assert.False(after.RequiresClearance);
        Assert.Empty(await AuditAsync("koeln", AuditAction.ChangedExchangeMode, category.Id));
    }

    [Fact]
    public async Task UnknownMode_IsRefusedAtTheField_422_AndNothingChanges()
    {
        var category = await CategoryAsync("koeln", "fahrraeder");
        var admin = await app.SignedInAsync("koeln", "koeln-admin");

        var response = await SetExchangeAsync(admin, category.Id, "Manchmal", clearance: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError("Exchange.Mode"));
        var after = await CategoryAsync("koeln", "fahrraeder");
        Assert.Equal(category.ExchangeMode, after.ExchangeMode);
        Assert.False(after.RequiresClearance);
    }

    [Fact]
    public async Task PotsdamAdmin_CannotSetAnErlangenCategory_404()
    {
        var erlangen = await CategoryAsync("erlangen", "sachspenden");
        var admin = await app.SignedInAsync("potsdam", "potsdam-admin");
        var token = await admin.TokenAsync(Page);

        var response = await admin.PostAsync($"{Page}?handler=Exchange&id={erlangen.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Exchange.Mode"] = nameof(ExchangeMode.Mediated),
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ExchangeMode.PeerToPeer, (await CategoryAsync("erlangen", "sachspenden")).ExchangeMode);
    }
}
