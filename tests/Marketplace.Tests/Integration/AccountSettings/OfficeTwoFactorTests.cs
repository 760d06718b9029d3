using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.AccountSettings;

/// <summary>Potsdam requires two-factor sign-in for its office in this class; Erlangen does not; Köln's admin switches it on.</summary>
[Trait("Category", "Database")]
public sealed class OfficeTwoFactorTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.InTownAsync(null, db =>
        db.Tenants.Where(t => t.Slug == "potsdam").ExecuteUpdateAsync(s => s.SetProperty(t => t.OfficeRequiresTwoFactor, true)));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ACoordinatorWithoutTwoFactor_IsSentToSetItUp_WithTheReason_AndAfterwardsReachesTheOffice()
    {
        var coordinator = await app.NewCoordinatorAsync("potsdam", "pflicht");
        var client = await app.SignedInAsync("potsdam", coordinator);

        var office = await client.GetAsync("/coordination/requests");

        Assert.Equal(HttpStatusCode.Redirect, office.StatusCode);
        var target = office.Headers.Location!.OriginalString;
        Assert.StartsWith("/me/account/two-factor", target, StringComparison.OrdinalIgnoreCase);
        var setup = await client.GetPageAsync(target);
        Assert.Contains("Potsdam", setup.TestId("office-requires-2fa"));
        Assert.Contains("Koordinierung", setup.TestId("office-requires-2fa"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);

        var (_, _, continueTo) = await client.TurnOnTwoFactorAsync(target);

        Assert.Equal("/coordination/requests", continueTo);
        Assert.Null((await client.GetPageAsync(target)).QuerySelector("[data-testid=office-requires-2fa]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/coordination/requests")).StatusCode);
    }

    [Fact]
    public async Task ATownAdminWithoutTwoFactor_IsSentToSetItUp_FromTheTownPagesToo()
    {
        var admin = await app.NewCoordinatorAsync("potsdam", "verwaltung", TownRole.TownAdmin);
        var client = await app.SignedInAsync("potsdam", admin);

        var settings = await client.GetAsync("/town/settings");

        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        Assert.StartsWith("/me/account/two-factor", settings.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnHtmxRequestOfTheOffice_IsRedirectedAsAWholePage()
    {
        var coordinator = await app.NewCoordinatorAsync("potsdam", "htmxpflicht");
        var client = await app.SignedInAsync("potsdam", coordinator);

        var response = await client.HtmxAsync(HttpMethod.Get, "/coordination/requests");

        Assert.StartsWith("/me/account/two-factor", response.Headers.GetValues("HX-Redirect").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InATownThatDoesNotRequireIt_ACoordinatorWithoutTwoFactor_ReachesTheOffice()
    {
        var coordinator = await app.NewCoordinatorAsync("erlangen", "freiwillig");
        var client = await app.SignedInAsync("erlangen", coordinator);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/coordination/requests")).StatusCode);
    }

    [Fact]
    public async Task TheTownAdmin_TurnsTheRequirementOn_OnlyOnceTheirOwnAccountUsesTwoFactor()
    {
        var admin = await app.NewCoordinatorAsync("koeln", "einschalter", TownRole.TownAdmin);
        var client = await app.SignedInAsync("koeln", admin);
        var values = new Dictionary<string, string> { ["Input.OfficeRequiresTwoFactor"] = "true" };

        var refused = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", values);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).FieldError("Input.OfficeRequiresTwoFactor"));
        Assert.False(await RequiredInAsync("koeln"));

        await client.TurnOnTwoFactorAsync();
        var saved = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", values);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await RequiredInAsync("koeln"));
        Assert.NotNull((await client.GetPageAsync("/town/settings")).QuerySelector("[data-testid=settings-office-2fa][checked]"));
        await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "koeln").ExecuteUpdateAsync(s => s.SetProperty(t => t.OfficeRequiresTwoFactor, false)));
    }

    private Task<bool> RequiredInAsync(string slug) =>
        app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == slug).Select(t => t.OfficeRequiresTwoFactor).SingleAsync());
}
