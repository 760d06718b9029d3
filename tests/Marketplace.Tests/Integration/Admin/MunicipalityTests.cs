using System.Net;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Admin;

[Trait("Category", "Database")]
public sealed class MunicipalityTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static Dictionary<string, string> NewTown(string slug, string coordinatorEmail, string districts = "Altstadt\nNordstadt\nSüdstadt") => new()
    {
        ["Input.Slug"] = slug,
        ["Settings.Name"] = "Bamberg",
        ["Settings.FederalState"] = nameof(FederalState.Bayern),
        ["Settings.TimeZoneId"] = "Europe/Berlin",
        ["Settings.DefaultCulture"] = "de",
        ["Settings.ContactEmail"] = "koordination@bamberg.example",
        ["Input.Districts"] = districts,
        ["Input.FirstCoordinatorEmail"] = coordinatorEmail,
    };

    private async Task<HttpClient> AdminAsync()
    {
        var client = app.PlatformClient();
        await client.LoginOkAsync(DemoData.PlatformAdminName);
        return client;
    }

    [Fact]
    public async Task NewMunicipalityForm_SaysTheFirstAddressGetsTheTownsAdministration()
    {
        var page = await (await AdminAsync()).GetPageAsync("/admin/municipalities/new");

        var label = page.QuerySelector("label[for=Input_FirstCoordinatorEmail]")!.TextContent;
        Assert.Contains("Verwaltung der Kommune", label);
        Assert.DoesNotContain("Koordinator", label);
    }

    [Fact]
    public async Task PlatformAdmin_CreatesTown_WithDistricts_FirstCoordinatorWithAccountBecomesTownAdminWhenSigningInThere()
    {
        var admin = await AdminAsync();

        var response = await admin.SubmitAsync("/admin/municipalities/new", "[data-testid=municipality-form]",
            NewTown("bamberg", DemoData.EmailOf("koeln-koordination")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await app.TownClient("bamberg").GetPageAsync("/");
        Assert.Equal("Bamberg", home.TestId("town-name"));
        Assert.Equal(["Altstadt", "Nordstadt", "Südstadt"], home.QuerySelectorAll("[data-testid=district-list] li").Select(li => li.TextContent));
        Assert.Equal(0, await app.InTownAsync("bamberg", db => db.Memberships.CountAsync()));
        var mail = await app.Smtp.WaitForAsync(DemoData.EmailOf("koeln-koordination"), m => m.Subject?.Contains("Bamberg") == true);
        Assert.Equal("http://bamberg.localhost/account/login", Accounts.LinkIn(mail, "/account/"));

        var coordinator = app.TownClient("bamberg");
        await coordinator.LoginOkAsync("koeln-koordination");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/town/settings")).StatusCode);
    }

    [Fact]
    public async Task FirstCoordinatorWithoutAccount_IsInvited_AndBecomesTownAdminAfterRegistering()
    {
        var admin = await AdminAsync();
        await admin.SubmitAsync("/admin/municipalities/new", "[data-testid=municipality-form]", NewTown("fuerth", "leitung@fuerth.example"));
        var invitation = await app.Smtp.WaitForAsync("leitung@fuerth.example");
        var register = Accounts.LinkIn(invitation, "/account/register");

        var client = app.TownClient("fuerth");
        Assert.Equal("http://fuerth.localhost/account/register", register);
        await client.SubmitAsync("/account/register", "[data-testid=register-form]", Accounts.Registration("fuerth-leitung", "leitung@fuerth.example"));
        var confirm = await app.Smtp.WaitForAsync("leitung@fuerth.example", m => m.TextBody?.Contains("confirm-email") == true);
        await client.GetAsync(Accounts.LinkIn(confirm, "/account/confirm-email"));
        await client.LoginOkAsync("fuerth-leitung", "ein langes Passwort");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/town/settings")).StatusCode);
        Assert.Equal(TownRole.TownAdmin, await app.InTownAsync("fuerth", db => db.Memberships.Where(m => m.User!.UserName == "fuerth-leitung").Select(m => m.Role).SingleAsync()));
    }

    [Theory]
    [InlineData("Bad Slug", "Kleinbuchstaben")]
    [InlineData("www", "reserviert")]
    [InlineData("erlangen", "schon vergeben")]
    public async Task InvalidOrTakenSlug_ShowsMessageAtField_CreatesNothing(string slug, string message)
    {
        var admin = await AdminAsync();
        var before = await app.InTownAsync(null, db => db.Tenants.CountAsync());

        var response = await admin.SubmitAsync("/admin/municipalities/new", "[data-testid=municipality-form]", NewTown(slug, "x@example.org"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).FieldError("Input.Slug"));
        Assert.Equal(before, await app.InTownAsync(null, db => db.Tenants.CountAsync()));
    }

    /// <summary>The town clock trusts the stored zone, so a zone this server does not know never gets saved.</summary>
    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("W. Europe Standard Time")]
    public async Task UnknownTimeZone_ShowsMessageAtField_CreatesNothing(string zone)
    {
        var admin = await AdminAsync();
        var before = await app.InTownAsync(null, db => db.Tenants.CountAsync());
        var form = NewTown("zeitlos", "x@example.org");
        form["Settings.TimeZoneId"] = zone;

        var response = await admin.SubmitAsync("/admin/municipalities/new", "[data-testid=municipality-form]", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Zeitzone", (await Html.ParseAsync(response)).FieldError("Settings.TimeZoneId"));
        Assert.Equal(before, await app.InTownAsync(null, db => db.Tenants.CountAsync()));
        Assert.False(await app.InTownAsync(null, db => db.Tenants.AnyAsync(t => t.Slug == "zeitlos")));
    }

    [Fact]
    public async Task Members_AreNotPlatformAdmins()
    {
        var client = app.PlatformClient();
        await client.LoginOkAsync("erlangen-admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/municipalities/new")).StatusCode);
    }

    [Fact]
    public async Task JobDashboard_DoesNotExistOnATownHost()
    {
        var client = app.TownClient("erlangen");
        await client.LoginOkAsync(DemoData.PlatformAdminName);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("erlangen").GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task JobDashboard_Anonymous_Gets401_WithALoginHint()
    {
        var response = await app.PlatformClient().GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-testid=error-401]"));
        Assert.Equal("Anmeldung erforderlich", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task JobDashboard_IsForPlatformAdminsOnly()
    {
        Assert.NotEqual(HttpStatusCode.OK, (await app.PlatformClient().GetAsync("/admin/jobs")).StatusCode);
        var townAdmin = app.PlatformClient();
        await townAdmin.LoginOkAsync("erlangen-admin");
        Assert.NotEqual(HttpStatusCode.OK, (await townAdmin.GetAsync("/admin/jobs")).StatusCode);

        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/jobs")).StatusCode);
    }
}
