using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Town;

[Trait("Category", "Database")]
public sealed class TownAdministrationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private Task<TownRole> RoleAsync(string slug, string userName) =>
        app.InTownAsync(slug, db => db.Memberships.Where(m => m.User!.UserName == userName).Select(m => m.Role).SingleAsync());

    private async Task<HttpClient> TownAdminAsync(string slug = "koeln")
    {
        var client = app.TownClient(slug);
        await client.LoginOkAsync($"{slug}-admin");
        return client;
    }

    [Fact]
    public async Task TownAdmin_EditsSettings_HomePageShowsThem()
    {
        var client = await TownAdminAsync("potsdam");

        var response = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Input.ContactEmail"] = "ehrenamt@potsdam.example",
            ["Input.Description"] = "Neue Beschreibung des Hilfenetzes.",
            ["Input.DefaultCulture"] = "en",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await app.TownClient("potsdam").GetPageAsync("/");
        Assert.Contains("ehrenamt@potsdam.example", home.TestId("town-contact"));
        Assert.Equal("Neue Beschreibung des Hilfenetzes.", home.TestId("town-description"));
        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Settings_WithUnknownTimeZoneAndBadEmail_ShowMessagesAtFields_ChangeNothing()
    {
        var client = await TownAdminAsync();

        var response = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kölle",
            ["Input.TimeZoneId"] = "Mars/Olympus",
            ["Input.ContactEmail"] = "kaputt",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Zeitzone", page.FieldError("Input.TimeZoneId"));
        Assert.Contains("E-Mail", page.FieldError("Input.ContactEmail"));
        Assert.Equal("Köln", await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "koeln").Select(t => t.Name).SingleAsync()));
        Assert.Equal("Europe/Berlin", await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "koeln").Select(t => t.TimeZoneId).SingleAsync()));
    }

    [Fact]
    public async Task Districts_AddRenameRemove_WithoutJavaScript()
    {
        var client = await TownAdminAsync();

        var added = await client.SubmitAsync("/town/districts", "[data-testid=district-add-form]", new Dictionary<string, string> { ["Name"] = "Deutz" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await client.GetPageAsync("/town/districts");
        var row = page.QuerySelectorAll("[data-testid=district-row]").Single(r => r.QuerySelector("input[name=Name]")!.GetAttribute("value") == "Deutz");

        var renamed = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelectorAll("form")[0], "/town/districts",
            new Dictionary<string, string> { ["Name"] = "Köln-Deutz" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("Köln-Deutz", (await app.TownClient("koeln").GetPageAsync("/")).TestId("district-list"));

        page = await client.GetPageAsync("/town/districts");
        row = page.QuerySelectorAll("[data-testid=district-row]").Single(r => r.QuerySelector("input[name=Name]")!.GetAttribute("value") == "Köln-Deutz");
        var question = await Html.ParseAsync(await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelectorAll("form")[1], "/town/districts"));
        var removed = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)question.QuerySelector("[data-testid=confirmation-form]")!, "/town/districts");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("Deutz", (await app.TownClient("koeln").GetPageAsync("/")).TestId("district-list"));
    }

    [Fact]
    public async Task Districts_DuplicateName_WithHtmx_Returns422Fragment_WithMessage()
    {
        var client = await TownAdminAsync();
        var page = await client.GetPageAsync("/town/districts");
        var token = page.QuerySelector("[data-testid=district-add-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/town/districts?handler=Add")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Name"] = "Ehrenfeld" }),
        };
        request.Headers.Add("HX-Request", "true");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"district-editor\">", html.Trim());
        Assert.DoesNotContain("<html", html);
        Assert.Contains("gibt es schon", (await Html.ParseAsync(response)).FieldError("Name"));
        Assert.Equal(1, await app.InTownAsync("koeln", db => db.Districts.CountAsync(d => d.Name == "Ehrenfeld")));
    }

    private Task<int> AddDistrictAsync(string slug, string name) =>
        app.InTownAsync(slug, async db =>
        {
            var district = new District { Name = name, SortOrder = 1000 };
            db.Districts.Add(district);
            await db.SaveChangesAsync();
            return district.Id;
        });

    private static IHtmlFormElement RowForm(IDocument page, int districtId, int index) =>
        (IHtmlFormElement)page.QuerySelectorAll("[data-testid=district-row]").Single(r => r.QuerySelector($"#district-{districtId}") is not null)
            .QuerySelectorAll("form")[index];

    [Fact]
    public async Task Districts_RenameWithHtmx_ShowsTheNewName_AndLeavesTheAddFieldEmpty()
    {
        var id = await AddDistrictAsync("koeln", "Rheinufer");
        var client = await TownAdminAsync();
        var page = await client.GetPageAsync("/town/districts");

        var response = await client.HtmxSubmitAsync(RowForm(page, id, 0), new Dictionary<string, string> { ["Name"] = "Rheinufer-Süd" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await Html.ParseAsync(response);
        Assert.Equal("Rheinufer-Süd", fragment.QuerySelector($"#district-{id}")!.GetAttribute("value"));
        Assert.Equal("", fragment.QuerySelector("[data-testid=district-name]")!.GetAttribute("value") ?? "");
        Assert.Equal("Rheinufer-Süd", await app.InTownAsync("koeln", db => db.Districts.Where(d => d.Id == id).Select(d => d.Name).SingleAsync()));
    }

    [Fact]
    public async Task Districts_RenameToAnExistingName_ShowsTheMessageInThatRow()
    {
        var id = await AddDistrictAsync("koeln", "Ufer-Nord");
        await AddDistrictAsync("koeln", "Ufer-Ost");
        var client = await TownAdminAsync();
        var page = await client.GetPageAsync("/town/districts");

        var response = await client.HtmxSubmitAsync(RowForm(page, id, 0), new Dictionary<string, string> { ["Name"] = "Ufer-Ost" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = await Html.ParseAsync(response);
        var row = fragment.QuerySelectorAll("[data-testid=district-row]").Single(r => r.QuerySelector($"#district-{id}") is not null);
        Assert.Contains("gibt es schon", row.TextContent);
        Assert.Null(fragment.FieldError("Name"));
        Assert.Equal("", fragment.QuerySelector("[data-testid=district-name]")!.GetAttribute("value") ?? "");
        Assert.Equal("Ufer-Nord", await app.InTownAsync("koeln", db => db.Districts.Where(d => d.Id == id).Select(d => d.Name).SingleAsync()));
    }

    [Fact]
    public async Task Districts_RemoveOneUsedByAListing_SaysItIsInUse_AndKeepsIt()
    {
        await app.CreateListingAsync("koeln", "koeln-mitglied");
        var used = await app.InTownAsync("koeln", db => db.Districts.OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).FirstAsync());
        var client = await TownAdminAsync();
        var page = await client.GetPageAsync("/town/districts");

        var response = await client.SubmitAsync(RowForm(page, used.Id, 1), "/town/districts");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var after = await Html.ParseAsync(response);
        var row = after.QuerySelectorAll("[data-testid=district-row]").Single(r => r.QuerySelector($"#district-{used.Id}") is not null);
        Assert.Contains($"„{used.Name}“ wird noch verwendet", row.TextContent);
        Assert.DoesNotContain("Bitte füllen", after.Body!.TextContent);
        Assert.True(await app.InTownAsync("koeln", db => db.Districts.AnyAsync(d => d.Id == used.Id)));
    }

    [Fact]
    public async Task CoordinatorsPage_SaysWhatEachRoleMayDo()
    {
        var page = await (await TownAdminAsync()).GetPageAsync("/town/coordinators");

        var hint = page.TestId("appoint-role-hint");
        Assert.Contains("Koordination:", hint);
        Assert.Contains("Verwaltung der Kommune:", hint);
        Assert.Contains("Einstellungen", hint);
    }

    [Fact]
    public async Task TownAdmin_AppointsMemberWithAccount_RoleWaitsForTheirSignIn_AndNothingRevealsTheirName()
    {
        var client = await TownAdminAsync();

        var response = await client.SubmitAsync("/town/coordinators", "[data-testid=appoint-form]", new Dictionary<string, string>
        {
            ["Input.Email"] = "koeln-mitglied@demo.example",
            ["Input.Role"] = nameof(TownRole.Coordinator),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TownRole.Member, await RoleAsync("koeln", "koeln-mitglied"));
        var page = await client.GetPageAsync("/town/coordinators");
        Assert.Equal("koeln-mitglied@demo.example wurde eingeladen.", page.TestId("status-message"));
        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=staff-row]"), r => r.TextContent.Contains("koeln-mitglied"));
        Assert.Contains(page.QuerySelectorAll("[data-testid=pending-row]"), r => r.TextContent.Contains("koeln-mitglied@demo.example"));
        var mail = await app.Smtp.WaitForAsync("koeln-mitglied@demo.example", m => m.Subject?.Contains("ernannt") == true);
        Assert.Contains("Koordination", mail.TextBody);
        Assert.Equal("http://koeln.localhost/account/login", Accounts.LinkIn(mail, "/account/"));

        var coordinator = app.TownClient("koeln");
        await coordinator.LoginOkAsync("koeln-mitglied");
        Assert.Equal(TownRole.Coordinator, await RoleAsync("koeln", "koeln-mitglied"));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/town/settings")).StatusCode);
    }

    [Fact]
    public async Task Appointment_ForAnUnconfirmedAccount_LinksToLogin_AndTakesEffectWhenTheAddressIsConfirmed()
    {
        var person = app.TownClient("koeln");
        await person.SubmitAsync("/account/register", "[data-testid=register-form]", Accounts.Registration("koeln-neu", "koeln-neu@example.org"));
        var confirmation = await app.Smtp.WaitForAsync("koeln-neu@example.org", m => m.TextBody?.Contains("confirm-email") == true);
        var client = await TownAdminAsync();

        await client.SubmitAsync("/town/coordinators", "[data-testid=appoint-form]", new Dictionary<string, string>
        {
            ["Input.Email"] = "koeln-neu@example.org",
            ["Input.Role"] = nameof(TownRole.Coordinator),
        });

        var invitation = await app.Smtp.WaitForAsync("koeln-neu@example.org", m => m.Subject?.Contains("ernannt") == true);
        Assert.Equal("http://koeln.localhost/account/login", Accounts.LinkIn(invitation, "/account/"));
        Assert.Equal(TownRole.Member, await RoleAsync("koeln", "koeln-neu"));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(Accounts.LinkIn(confirmation, "/account/confirm-email"))).StatusCode);
        Assert.Equal(TownRole.Coordinator, await RoleAsync("koeln", "koeln-neu"));
    }

    [Fact]
    public async Task AppointmentMail_IsInTheRecipientsLanguage_IncludingTheRoleName()
    {
        await app.TownClient("koeln").SubmitAsync("/account/register?culture=en", "[data-testid=register-form]",
            Accounts.Registration("english-speaker", "english-speaker@example.org"));
        var client = await TownAdminAsync();

        await client.SubmitAsync("/town/coordinators", "[data-testid=appoint-form]", new Dictionary<string, string>
        {
            ["Input.Email"] = "english-speaker@example.org",
            ["Input.Role"] = nameof(TownRole.TownAdmin),
        });

        var mail = await app.Smtp.WaitForAsync("english-speaker@example.org", m => m.Subject?.Contains("appointed") == true);
        Assert.Contains("Town administrator", mail.TextBody);
        Assert.DoesNotContain("Verwaltung", mail.TextBody);
    }

    [Fact]
    public async Task LastTownAdmin_CannotBeRevoked()
    {
        var client = await TownAdminAsync("erlangen");
        var page = await client.GetPageAsync("/town/coordinators");
        var adminRow = page.QuerySelectorAll("[data-testid=staff-row]").Single(r => r.TextContent.Contains("erlangen-admin"));

        var response = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)adminRow.QuerySelector("form")!, "/town/coordinators");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(TownRole.TownAdmin, await app.InTownAsync("erlangen", db => db.Memberships.Where(m => m.User!.UserName == "erlangen-admin").Select(m => m.Role).SingleAsync()));
    }

    [Theory]
    [InlineData("erlangen-mitglied")]
    [InlineData("erlangen-koordination")]
    public async Task MembersAndCoordinators_Get403OnTownAdministration(string userName)
    {
        var client = app.TownClient("erlangen");
        await client.LoginOkAsync(userName);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/town/settings")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin()
    {
        var response = await app.TownClient("erlangen").GetAsync("/town/settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }
}
