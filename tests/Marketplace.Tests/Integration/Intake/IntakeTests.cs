using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Marketplace.Web.Intake;
using Marketplace.Web.Pages.Coordination.Intake;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Intake;

/// <summary>
/// Assisted intake: a coordinator records a request for someone without an account, prints the slip in the person's
/// language, looks the person up (logged), and the person later takes the request over with the code.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class IntakeTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string NewPage = "/coordination/intake/new";

    private Task<HttpClient> CoordinatorAsync(string slug = "erlangen") => app.SignedInAsync(slug, $"{slug}-koordination");

    /// <summary>Fills the intake form with the town's first category and district; returns the response.</summary>
    private static async Task<HttpResponseMessage> SubmitIntakeAsync(HttpClient client, Action<Dictionary<string, string>>? change = null)
    {
        var page = await client.GetPageAsync(NewPage);
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid=intake-form]")!;
        string First(string testId) => page.QuerySelector($"[data-testid={testId}] option[value]:not([value=''])")!.GetAttribute("value")!;
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "Amina Haddad",
            ["Input.Contact"] = "0151 2345678",
            ["Input.Culture"] = "de",
            ["Input.CategoryId"] = First("intake-category"),
            ["Input.DistrictId"] = First("intake-district"),
            ["Input.Title"] = "Begleitung zum Jobcenter gesucht",
            ["Input.Description"] = "Termin am Dienstagvormittag, Hilfe beim Ausfüllen der Formulare.",
            ["Input.Languages"] = "ar|de",
        };
        change?.Invoke(values);
        return await client.SubmitAsync(form, NewPage, values);
    }

    /// <summary>Records an intake and returns its id (from the redirect to its slip).</summary>
    private async Task<int> RecordIntakeAsync(string slug = "erlangen", string culture = "de", string title = "Begleitung zum Jobcenter gesucht")
    {
        var client = await CoordinatorAsync(slug);
        var response = await SubmitIntakeAsync(client, v => { v["Input.Culture"] = culture; v["Input.Title"] = title; });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = SlipPath().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location!.OriginalString);
        return int.Parse(match.Groups["id"].Value);
    }

    private Task<IntakeContact> IntakeAsync(string slug, int id) =>
        app.InTownAsync(slug, db => db.IntakeContacts.AsNoTracking().SingleAsync(i => i.Id == id));

    private Task<Listing> ListingAsync(string slug, int id) =>
        app.InTownAsync(slug, db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));

    [Fact]
    public async Task Coordinator_RecordsARequest_ItIsPublishedUnderTheOffice_WithACodeOnTheSlip_AndAnAuditEntry()
    {
        var client = await CoordinatorAsync();

        var response = await SubmitIntakeAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(SlipPath().Match(response.Headers.Location!.OriginalString).Groups["id"].Value);
        var intake = await IntakeAsync("erlangen", id);
        Assert.Equal(("Amina Haddad", "0151 2345678", "de"), (intake.Name, intake.Contact, intake.Culture));
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", intake.ReferenceCode);
        Assert.Null(intake.ClaimedAt);

        var listing = await ListingAsync("erlangen", intake.ListingId);
        var coordinatorId = await app.UserIdAsync("erlangen-koordination");
        Assert.Equal((ListingType.Request, ListingStatus.Published, OfficeStatus.New), (listing.Type, listing.Status, listing.OfficeStatus));
        Assert.Equal(coordinatorId, listing.PosterUserId);
        Assert.Equal(",ar,de,", listing.Languages);
        var lifetime = await app.InTownAsync("erlangen", db => db.Tenants.Where(t => t.Slug == "erlangen").Select(t => t.ListingLifetimeDays).SingleAsync());
        Assert.Equal(listing.PublishedAt!.Value.AddDays(lifetime), listing.ExpiresAt);

        var entry = await app.InTownAsync("erlangen", db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditAction.CreatedIntake && a.SubjectType == "intake" && a.SubjectId == id.ToString()));
        Assert.Equal(coordinatorId, entry.ActorUserId);
        Assert.DoesNotContain("Amina", entry.Detail ?? "");

        var slip = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(ReferenceCodes.Display(intake.ReferenceCode), slip.TestId("intake-code"));
        Assert.Equal("Begleitung zum Jobcenter gesucht", slip.TestId("intake-slip-title"));
        Assert.Equal("Erlangen", slip.TestId("intake-slip-town"));
        Assert.Contains("http://erlangen.localhost/claim", slip.TestId("intake-slip-next-step"));
        Assert.False(string.IsNullOrWhiteSpace(slip.TestId("intake-slip-office")));
        Assert.Equal("ltr", slip.DocumentElement.GetAttribute("dir"));
        Assert.DoesNotContain("Amina", slip.TestId("intake-slip"));
        Assert.DoesNotContain("0151", slip.TestId("intake-slip"));

        // The list names no one: a name is seen only on the (logged) detail page.
        var list = await client.GetPageAsync("/coordination/intake");
        var row = list.QuerySelector($"[data-testid=intake-row][data-id='{id}']")!;
        Assert.Contains(ReferenceCodes.Display(intake.ReferenceCode), row.TextContent);
        Assert.Equal("nein", row.QuerySelector("[data-testid=intake-row-claimed]")!.TextContent.Trim());
        Assert.DoesNotContain("Amina", list.Body!.TextContent);
    }

    [Theory]
    [InlineData("Input.Name", "")]
    [InlineData("Input.Title", "Hi")]
    [InlineData("Input.Culture", "xx")]
    [InlineData("Input.Languages", "klingonisch")]
    public async Task BadInput_ShowsTheMessageAtTheField_AndNothingIsSaved(string field, string value)
    {
        var client = await CoordinatorAsync("koeln");
        var before = await app.InTownAsync("koeln", async db => (await db.Listings.CountAsync(), await db.IntakeContacts.CountAsync(), await db.AuditEntries.CountAsync()));

        var response = await SubmitIntakeAsync(client, v => v[field] = value);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError(field));
        var after = await app.InTownAsync("koeln", async db => (await db.Listings.CountAsync(), await db.IntakeContacts.CountAsync(), await db.AuditEntries.CountAsync()));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task AnotherTownsCategoryOrDistrict_IsRefusedAtTheField()
    {
        var potsdamCategory = await app.InTownAsync("potsdam", db => db.Categories.Select(c => c.Id).FirstAsync());
        var potsdamDistrict = await app.InTownAsync("potsdam", db => db.Districts.Select(d => d.Id).FirstAsync());
        var client = await CoordinatorAsync("koeln");

        var response = await SubmitIntakeAsync(client, v =>
        {
            v["Input.CategoryId"] = potsdamCategory.ToString();
            v["Input.DistrictId"] = potsdamDistrict.ToString();
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError("Input.CategoryId"));
        Assert.NotNull(page.FieldError("Input.DistrictId"));
    }

    [Fact]
    public async Task Slip_InArabic_ReadsRightToLeft_AndShowsTheCodeAndTheNextStep()
    {
        var id = await RecordIntakeAsync(culture: "ar");
        var intake = await IntakeAsync("erlangen", id);
        var client = await CoordinatorAsync();

        var slip = await client.GetPageAsync($"/coordination/intake/{id}/slip");

        Assert.Equal("rtl", slip.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ar", slip.DocumentElement.GetAttribute("lang"));
        Assert.Equal(ReferenceCodes.Display(intake.ReferenceCode), slip.TestId("intake-code"));
        Assert.Contains("http://erlangen.localhost/claim", slip.TestId("intake-slip-next-step"));
        // The coordinator's own pages stay in their language.
        var detail = await client.GetPageAsync($"/coordination/intake/{id}");
        Assert.Equal("ltr", detail.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task Slip_OpensAsAPageOfItsOwn_FromItsLinkAndAfterABoostedSave_WithItsStylesheetAndAPrintRuleForTheToolbar()
    {
        var id = await RecordIntakeAsync(culture: "ar");
        var client = await CoordinatorAsync();
        var slipPath = $"/coordination/intake/{id}/slip";

        var details = await client.GetPageAsync($"/coordination/intake/{id}");
        Assert.Equal("false", details.QuerySelector("[data-testid=intake-detail-slip]")!.GetAttribute("hx-boost"));

        // htmx following the boosted form's redirect would swap the body alone: it is told to load the slip as a page.
        var boosted = new HttpRequestMessage(HttpMethod.Get, slipPath);
        boosted.Headers.Add("HX-Request", "true");
        boosted.Headers.Add("HX-Boosted", "true");
        var response = await client.SendAsync(boosted);
        Assert.Equal(slipPath, Assert.Single(response.Headers.GetValues("HX-Redirect")));

        var slip = await client.GetPageAsync(slipPath);
        Assert.Equal("rtl", slip.DocumentElement.GetAttribute("dir"));
        Assert.NotNull(slip.QuerySelector("head link[rel=stylesheet][href^='/css/slip.css']"));
        Assert.Contains("slip-tools", slip.QuerySelector("[data-testid=intake-slip-tools]")!.ClassList);
        var css = await (await client.GetAsync("/css/slip.css")).Content.ReadAsStringAsync();
        Assert.Matches(@"@media print\s*\{[^}]*\.slip-tools\s*\{\s*display:\s*none", css);
    }

    [Fact]
    public async Task OpeningTheDetail_ShowsNameAndContact_AndLogsTheLookFirst()
    {
        var id = await RecordIntakeAsync();
        var client = await CoordinatorAsync();
        Task<int> LooksAsync() => app.InTownAsync("erlangen", db => db.AuditEntries
            .CountAsync(a => a.Action == AuditAction.ViewedIntakeContact && a.SubjectType == "intake" && a.SubjectId == id.ToString()));
        Assert.Equal(0, await LooksAsync());

        var page = await client.GetPageAsync($"/coordination/intake/{id}");

        Assert.Equal("Amina Haddad", page.TestId("intake-detail-name"));
        Assert.Equal("0151 2345678", page.TestId("intake-detail-contact"));
        Assert.Equal("nein", page.TestId("intake-detail-claimed"));
        var intake = await IntakeAsync("erlangen", id);
        Assert.Equal($"/coordination/requests/{intake.ListingId}", page.QuerySelector("[data-testid=intake-detail-request]")!.GetAttribute("href"));
        Assert.Equal($"/coordination/intake/{id}/slip", page.QuerySelector("[data-testid=intake-detail-slip]")!.GetAttribute("href"));
        Assert.Equal(1, await LooksAsync());
        var actor = await app.InTownAsync("erlangen", db => db.AuditEntries
            .Where(a => a.Action == AuditAction.ViewedIntakeContact && a.SubjectId == id.ToString()).Select(a => a.ActorUserId).SingleAsync());
        Assert.Equal(await app.UserIdAsync("erlangen-koordination"), actor);
    }

    [Fact]
    public async Task Member_ClaimsWithTheCode_TheRequestIsTheirs_AndTheCodeWorksOnlyOnce()
    {
        var id = await RecordIntakeAsync();
        var intake = await IntakeAsync("erlangen", id);
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");
        var typed = $" {intake.ReferenceCode[..4].ToLowerInvariant()} - {intake.ReferenceCode[4..]} ";

        var response = await member.SubmitAsync("/claim", "[data-testid=claim-form]", new Dictionary<string, string> { ["Input.Code"] = typed });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/listings/{intake.ListingId}", response.Headers.Location!.OriginalString);
        var listingPage = await member.GetPageAsync($"/listings/{intake.ListingId}");
        Assert.False(string.IsNullOrWhiteSpace(listingPage.TestId("status-message")));
        var memberId = await app.UserIdAsync("erlangen-mitglied");
        Assert.Equal(memberId, (await ListingAsync("erlangen", intake.ListingId)).PosterUserId);
        var claimed = await IntakeAsync("erlangen", id);
        Assert.NotNull(claimed.ClaimedAt);
        Assert.Equal(memberId, claimed.ClaimedByUserId);
        var myPage = await member.GetPageAsync("/me");
        Assert.Contains(myPage.QuerySelectorAll("[data-testid=my-listing] a"), a => a.GetAttribute("href") == $"/listings/{intake.ListingId}");

        // A second go with the same code, by anyone, changes nothing.
        var other = await app.SignedInAsync("erlangen", "erlangen-admin");
        var again = await other.SubmitAsync("/claim", "[data-testid=claim-form]", new Dictionary<string, string> { ["Input.Code"] = intake.ReferenceCode });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.NotNull((await Html.ParseAsync(again)).FieldError("Input.Code"));
        Assert.Equal(memberId, (await ListingAsync("erlangen", intake.ListingId)).PosterUserId);
        Assert.Equal(memberId, (await IntakeAsync("erlangen", id)).ClaimedByUserId);

        var detail = await (await CoordinatorAsync()).GetPageAsync($"/coordination/intake/{id}");
        Assert.Contains("erlangen-mitglied", detail.TestId("intake-detail-claimed"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD")]
    [InlineData("22222222")]
    [InlineData("OOOOIIII")]
    public async Task WrongCode_ShowsTheMessageAtTheField(string code)
    {
        var member = await app.SignedInAsync("koeln", "koeln-mitglied");

        var response = await member.SubmitAsync("/claim", "[data-testid=claim-form]", new Dictionary<string, string> { ["Input.Code"] = code });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.Code"));
    }

    [Fact]
    public async Task TwoClaimsAtOnce_OnlyOneWins()
    {
        var id = await RecordIntakeAsync("potsdam");
        var intake = await IntakeAsync("potsdam", id);
        var claimants = new List<(HttpClient Client, IHtmlFormElement Form)>();
        foreach (var name in new[] { "potsdam-mitglied", "potsdam-admin" })
        {
            var client = await app.SignedInAsync("potsdam", name);
            var page = await client.GetPageAsync("/claim");
            claimants.Add((client, page.QuerySelector<IHtmlFormElement>("[data-testid=claim-form]")!));
        }

        var responses = await Task.WhenAll(claimants.Select(c => c.Client.SubmitAsync(c.Form, "/claim",
            new Dictionary<string, string> { ["Input.Code"] = intake.ReferenceCode })));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.UnprocessableEntity], responses.Select(r => r.StatusCode).Order());
        var winner = responses[0].StatusCode == HttpStatusCode.Redirect ? "potsdam-mitglied" : "potsdam-admin";
        var winnerId = await app.UserIdAsync(winner);
        Assert.Equal(winnerId, (await IntakeAsync("potsdam", id)).ClaimedByUserId);
        Assert.Equal(winnerId, (await ListingAsync("potsdam", intake.ListingId)).PosterUserId);
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin_AndComesBackToClaim()
    {
        var response = await app.TownClient("erlangen").GetAsync("/claim");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Contains("/account/login", location);
        Assert.Contains("ReturnUrl=%2Fclaim", location);
    }

    [Fact]
    public async Task ErlangensCode_CannotBeClaimedInPotsdam()
    {
        var id = await RecordIntakeAsync();
        var intake = await IntakeAsync("erlangen", id);
        var member = await app.SignedInAsync("potsdam", "potsdam-mitglied");

        var response = await member.SubmitAsync("/claim", "[data-testid=claim-form]", new Dictionary<string, string> { ["Input.Code"] = intake.ReferenceCode });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.Code"));
        Assert.Null((await IntakeAsync("erlangen", id)).ClaimedAt);
        Assert.Equal(await app.UserIdAsync("erlangen-koordination"), (await ListingAsync("erlangen", intake.ListingId)).PosterUserId);
    }

    [Fact]
    public async Task PotsdamCoordinator_GetsNotFound_ForErlangensIntakeDetailAndSlip_AndNothingIsLogged()
    {
        var id = await RecordIntakeAsync();
        var potsdam = await CoordinatorAsync("potsdam");

        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/coordination/intake/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/coordination/intake/{id}/slip")).StatusCode);
        var list = await potsdam.GetPageAsync("/coordination/intake");
        Assert.Null(list.QuerySelector($"[data-testid=intake-row][data-id='{id}']"));
        var looks = await app.InTownAsync(null, db => db.AuditEntries.IgnoreQueryFilters()
            .CountAsync(a => a.Action == AuditAction.ViewedIntakeContact && a.SubjectId == id.ToString()));
        Assert.Equal(0, looks);
    }

    [Fact]
    public async Task Member_CannotOpenTheIntakePages()
    {
        var id = await RecordIntakeAsync();
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        foreach (var url in new[] { "/coordination/intake", NewPage, $"/coordination/intake/{id}", $"/coordination/intake/{id}/slip" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public void ReferenceCodes_AreEightCharactersWithoutLookAlikes_AndTypedCodesAreNormalized()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => ReferenceCodes.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", c));
        Assert.True(codes.Distinct().Count() > 1990);
        Assert.Equal("ABCD2345", ReferenceCodes.Normalize(" abcd-2345 "));
        Assert.Equal("ABCD2345", ReferenceCodes.Normalize("AB CD 23 45"));
        Assert.Null(ReferenceCodes.Normalize("ABCD234"));
        Assert.Null(ReferenceCodes.Normalize("ABCD234O"));
        Assert.Equal("ABCD-2345", ReferenceCodes.Display("ABCD2345"));
    }

    [GeneratedRegex(@"^/coordination/intake/(?<id>\d+)/slip$")]
    private static partial Regex SlipPath();
}
