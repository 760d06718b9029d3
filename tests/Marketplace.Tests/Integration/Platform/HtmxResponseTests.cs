using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Tests.Integration.Hours;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>
/// The one response shape of pages that answer htmx: Vary on every response, the fragment (200, or 422 with the messages)
/// for htmx and post-redirect-get without it, the outcome inside the fragment, a short alert instead of a whole error
/// page, and hx-* addresses taken from the same page and handler as the form's own.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class HtmxResponseTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";

    private async Task<HttpClient> ClientAsync(string? userName) =>
        userName is null ? app.TownClient(Town) : await app.SignedInAsync(Town, userName);

    [Theory]
    [InlineData("erlangen-mitglied", "/me/hours")]
    [InlineData("erlangen-admin", "/town/districts")]
    [InlineData("erlangen-admin", "/town/rent-limits")]
    [InlineData("erlangen-koordination", "/coordination/moderation")]
    [InlineData("erlangen-koordination", "/coordination/hours")]
    [InlineData("erlangen-koordination", "/coordination/inquiries")]
    [InlineData(null, "/listings")]
    [InlineData(null, "/organisations")]
    [InlineData(null, "/courses")]
    public async Task PageThatAnswersHtmx_VariesOnHxRequest_WithAndWithoutHtmx(string? userName, string path)
    {
        var client = await ClientAsync(userName);

        var page = await client.GetAsync(path);
        var fragment = await client.HtmxAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Single(page.Headers.Vary, v => v == "HX-Request");
        Assert.Single(fragment.Headers.Vary, v => v == "HX-Request");
    }

    [Fact]
    public async Task InvalidPost_Is422_ThePageWithoutHtmx_TheFragmentWithIt_BothVaryOnHxRequest()
    {
        var client = await ClientAsync("erlangen-mitglied");
        var form = (await client.GetPageAsync("/me/hours")).Form("[data-testid=hours-form]");
        var empty = new Dictionary<string, string> { ["Input.Activity"] = "" };

        var page = await client.SubmitAsync(form, "/me/hours", empty);
        var fragment = await client.HtmxSubmitAsync(form, empty);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fragment.StatusCode);
        Assert.StartsWith("<div id=\"my-hours\">", (await fragment.Content.ReadAsStringAsync()).Trim());
        Assert.Single(page.Headers.Vary, v => v == "HX-Request");
        Assert.Single(fragment.Headers.Vary, v => v == "HX-Request");
    }

    [Fact]
    public async Task Members_InvalidInviteWithHtmx_Is422_WithTheEditorFragmentAndTheMessageAtTheField()
    {
        var admin = await app.NewMemberAsync(Town, "oa");
        var id = await app.CreateOrganisationAsync(Town, admin, OrganisationSetup.UniqueName("Tafel"), OrganisationStatus.Approved);
        var client = await ClientAsync(admin);
        var form = (await client.GetPageAsync($"/organisations/{id}/members")).Form("[data-testid=invite-form]");

        var response = await client.HtmxSubmitAsync(form, new Dictionary<string, string> { ["Invite.Email"] = "kaputt" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"member-editor\">", html.Trim());
        Assert.DoesNotContain("<html", html);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Invite.Email"));
    }

    [Fact]
    public async Task RentLimitSavedWithHtmx_TheFragmentSaysSo_AndWithoutHtmxTheRedirectedPageDoes()
    {
        var client = await ClientAsync("erlangen-admin");
        var form = (await client.GetPageAsync("/town/rent-limits")).Form("[data-testid=rent-limit-add-form]");

        var fragment = await client.HtmxSubmitAsync(form, new Dictionary<string, string> { ["Input.HouseholdSize"] = "11", ["Input.MaxWarmRent"] = "1500" });
        var redirect = await client.SubmitAsync(form, "/town/rent-limits", new Dictionary<string, string> { ["Input.HouseholdSize"] = "12", ["Input.MaxWarmRent"] = "1600" });

        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Contains("gespeichert", (await Html.ParseAsync(fragment)).TestId("rent-limit-done"));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var page = await client.GetPageAsync(redirect.Headers.Location!.OriginalString);
        Assert.Contains("gespeichert", page.TestId("status-message"));
        Assert.Null(page.QuerySelector("[data-testid=rent-limit-done]"));
    }

    [Fact]
    public async Task InquiryHandledWithHtmx_TheFragmentSaysSo()
    {
        var inquiry = await InquiryAsync();
        var client = await ClientAsync("erlangen-koordination");
        var row = (await client.GetPageAsync("/coordination/inquiries")).QuerySelector($"[data-testid=inquiry-row][data-inquiry-id='{inquiry}']")!;

        var response = await client.HtmxSubmitAsync(row.Form("[data-testid=inquiry-handle-form]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("erledigt", (await Html.ParseAsync(response)).TestId("inquiry-done"));
    }

    [Fact]
    public async Task HtmxRequest_WithoutALogin_SendsTheBrowserToTheLoginPage_InsteadOfSwappingItIntoTheTarget()
    {
        var client = app.TownClient(Town);

        var plain = await client.GetAsync("/me/hours");
        var htmx = await client.HtmxAsync(HttpMethod.Get, "/me/hours");

        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Contains("/account/login", plain.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, htmx.StatusCode);
        var target = Assert.Single(htmx.Headers.GetValues("HX-Redirect"));
        Assert.Contains("/account/login", target);
        Assert.Contains("ReturnUrl=%2Fme%2Fhours", target);
    }

    [Fact]
    public async Task HtmxRequest_ForAnUnknownAddress_GetsAShortAlert_NotAWholePage()
    {
        var response = await app.TownClient(Town).HtmxAsync(HttpMethod.Get, "/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        Assert.DoesNotContain("site-header", html);
        var alert = Assert.Single((await Html.ParseAsync(response)).QuerySelectorAll("[role=alert]"));
        Assert.Contains("Seite nicht gefunden", alert.TextContent);
        Assert.Single(response.Headers.Vary, v => v == "HX-Request");
        // Into the page's alert slot, not in place of the form or list that asked: that target stays for the next request.
        Assert.Equal("#htmx-alert", Assert.Single(response.Headers.GetValues("HX-Retarget")));
        Assert.Equal("innerHTML", Assert.Single(response.Headers.GetValues("HX-Reswap")));
        Assert.NotNull((await app.TownClient(Town).GetPageAsync("/listings")).QuerySelector("#htmx-alert[aria-live]"));
    }

    [Fact]
    public async Task HtmxPost_ThatEndsInNotFound_GetsTheShortAlert()
    {
        var client = await ClientAsync("erlangen-admin");
        var token = await client.TokenAsync("/town/districts");

        var response = await client.HtmxAsync(HttpMethod.Post, "/town/districts?handler=Remove&id=987654",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        Assert.Single((await Html.ParseAsync(response)).QuerySelectorAll("[role=alert]"));
    }

    [Fact]
    public async Task PlainAndBoostedRequests_ForAnUnknownAddress_GetTheWholeErrorPage()
    {
        var client = app.TownClient(Town);
        var boosted = new HttpRequestMessage(HttpMethod.Get, "/gibt-es-nicht");
        boosted.Headers.Add("HX-Request", "true");
        boosted.Headers.Add("HX-Boosted", "true");

        foreach (var response in new[] { await client.GetAsync("/gibt-es-nicht"), await client.SendAsync(boosted) })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("<html", await response.Content.ReadAsStringAsync());
            var page = await Html.ParseAsync(response);
            Assert.NotNull(page.QuerySelector("[data-testid=error-404]"));
            Assert.NotNull(page.QuerySelector(".site-header"));
            Assert.Single(response.Headers.Vary, v => v == "HX-Request");
        }
    }

    /// <summary>Every htmx form of these pages sends to the very address it posts to without JavaScript.</summary>
    [Fact]
    public async Task HtmxForms_SendToTheAddressOfTheFormWithoutJavaScript()
    {
        var member = await app.NewMemberAsync(Town, "hx");
        var organisation = await app.OrganisationAsync(Town, member);
        await app.HoursAsync(Town, member, 2, organisationId: organisation);
        await InquiryAsync();
        var poster = await app.NewMemberAsync(Town, "hp");
        var listing = await app.CreateListingAsync(Town, poster);
        await Moderation.ModerationSteps.AddReportsAsync(app, Town, ReportTarget.Listing, listing.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await app.UserIdAsync(member));
        var memberClient = await ClientAsync(member);
        var conversation = await memberClient.StartConversationAsync(listing);
        var posterClient = await ClientAsync(poster);
        var organisationAdmin = await app.NewMemberAsync(Town, "oa");
        var managed = await app.CreateOrganisationAsync(Town, organisationAdmin, OrganisationSetup.UniqueName("Tafel"), OrganisationStatus.Approved);
        await app.AddMemberAsync(Town, managed, member, OrganisationRole.Member);
        await app.InTownAsync(Town, db =>
        {
            db.RentLimits.Add(new RentLimit { HouseholdSize = 5, MaxWarmRentCents = 90_000 });
            return db.SaveChangesAsync();
        });
        var admin = await ClientAsync("erlangen-admin");
        var coordinator = await ClientAsync("erlangen-koordination");
        var anonymous = app.TownClient(Town);

        (HttpClient Client, string Path, int Forms)[] pages =
        [
            (memberClient, "/me/hours", 1),
            (memberClient, $"/messages/{conversation}", 1),
            (posterClient, $"/messages/{conversation}", 1),
            (admin, "/town/districts", 3),
            (admin, "/town/rent-limits", 3),
            (coordinator, "/coordination/moderation", 1),
            (coordinator, "/coordination/hours", 2),
            (coordinator, "/coordination/inquiries", 1),
            (await ClientAsync(organisationAdmin), $"/organisations/{managed}/members", 5),
            (anonymous, "/listings", 1),
            (anonymous, "/organisations", 1),
            (anonymous, "/courses", 1),
        ];
        foreach (var (client, path, forms) in pages)
        {
            var page = await client.GetPageAsync(path);
            var htmxForms = page.Forms.Where(f => f.HasAttribute("hx-post") || f.HasAttribute("hx-get")).ToList();
            Assert.True(htmxForms.Count >= forms, $"{path}: {htmxForms.Count} htmx forms");
            Assert.All(htmxForms, form =>
            {
                var method = form.HasAttribute("hx-post") ? "post" : "get";
                Assert.Equal(method, form.Method, ignoreCase: true);
                Assert.False(string.IsNullOrEmpty(form.GetAttribute("action")), $"{path}: a form without action");
                Assert.Equal(form.GetAttribute("action"), form.GetAttribute("hx-" + method));
            });
        }
    }

    /// <summary>One way to write an htmx address: the Htmx.TagHelpers attributes (hx-page, hx-page-handler, hx-route-*).</summary>
    [Fact]
    public void HtmxAddresses_ComeFromTheTagHelper_NeverFromLiteralsOrComputedStrings()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.WebProject, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => HtmxAddress().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.WebProject, x.file)}:{x.index + 1}")
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex("""\bhx-(get|post|put|patch|delete)\s*=""")]
    private static partial Regex HtmxAddress();

    /// <summary>An open inquiry about a listing in office mode (housing is mediated by default); returns its id.</summary>
    private async Task<int> InquiryAsync()
    {
        var poster = await app.NewMemberAsync(Town, "ip");
        var listing = await app.CreateListingAsync(Town, poster, ListingType.Request, "Suche Wohnung für zwei", categoryKey: "wohnung");
        var asker = await app.UserIdAsync(await app.NewMemberAsync(Town, "ia"));
        return await app.InTownAsync(Town, async db =>
        {
            var inquiry = db.OfficeInquiries.Add(new OfficeInquiry
            {
                ListingId = listing,
                UserId = asker,
                Message = "Ich hätte ein Zimmer frei.",
                CreatedAt = DateTimeOffset.UtcNow,
            }).Entity;
            await db.SaveChangesAsync();
            return inquiry.Id;
        });
    }
}
