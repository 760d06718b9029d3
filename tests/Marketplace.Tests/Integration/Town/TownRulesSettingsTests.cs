using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Town;

/// <summary>The town's rules in its settings: how long listings stay up, when reports hide one, whether mails quote messages.</summary>
[Trait("Category", "Database")]
public sealed class TownRulesSettingsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private Task<Tenant> TownAsync(string slug) => app.InTownAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug));

    private async Task<HttpClient> TownAdminAsync(string slug)
    {
        var client = app.TownClient(slug);
        await client.LoginOkAsync($"{slug}-admin");
        return client;
    }

    [Fact]
    public async Task TownAdmin_ChangesListingLifetimeReportsAndMailQuoting_TheyAreSavedAndShownAgain()
    {
        var client = await TownAdminAsync("potsdam");

        var response = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Input.ListingLifetimeDays"] = "60",
            ["Input.ReportsToHide"] = "5",
            ["Input.MailIncludesMessageText"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var town = await TownAsync("potsdam");
        Assert.Equal(60, town.ListingLifetimeDays);
        Assert.Equal(5, town.ReportsToHide);
        Assert.True(town.MailIncludesMessageText);

        var page = await client.GetPageAsync("/town/settings");
        Assert.Equal("60", page.QuerySelector("[data-testid=settings-listing-lifetime]")!.GetAttribute("value"));
        Assert.Equal("5", page.QuerySelector("[data-testid=settings-reports-to-hide]")!.GetAttribute("value"));
        Assert.True(((IHtmlInputElement)page.QuerySelector("[data-testid=settings-mail-quotes]")!).IsChecked);
        Assert.False(string.IsNullOrWhiteSpace(page.TestId("settings-mail-quotes-hint")));

        // Unticking sends only the hidden "false", as a browser does.
        response = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Input.MailIncludesMessageText"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await TownAsync("potsdam")).MailIncludesMessageText);
        Assert.Equal(60, (await TownAsync("potsdam")).ListingLifetimeDays);
    }

    [Theory]
    [InlineData("6", "3", "Input.ListingLifetimeDays")]
    [InlineData("366", "3", "Input.ListingLifetimeDays")]
    [InlineData("viele", "3", "Input.ListingLifetimeDays")]
    [InlineData("28", "0", "Input.ReportsToHide")]
    [InlineData("28", "21", "Input.ReportsToHide")]
    [InlineData("28", "", "Input.ReportsToHide")]
    public async Task OutOfRangeRules_ShowTheMessageAtTheField_AndNothingIsSaved(string lifetime, string reports, string field)
    {
        var client = await TownAdminAsync("koeln");
        var before = await TownAsync("koeln");

        var response = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kölle",
            ["Input.ListingLifetimeDays"] = lifetime,
            ["Input.ReportsToHide"] = reports,
            ["Input.MailIncludesMessageText"] = (!before.MailIncludesMessageText).ToString().ToLowerInvariant(),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError(field));
        var after = await TownAsync("koeln");
        Assert.Equal("Köln", after.Name);
        Assert.Equal(before.ListingLifetimeDays, after.ListingLifetimeDays);
        Assert.Equal(before.ReportsToHide, after.ReportsToHide);
        Assert.Equal(before.MailIncludesMessageText, after.MailIncludesMessageText);
    }

    [Fact]
    public async Task MailColourAndDigestHour_AreSaved_AndABadColourOrHourIsRefusedAtTheField()
    {
        var client = await TownAdminAsync("erlangen");

        var saved = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Input.AccentColour"] = "#1A7F37", ["Input.DigestHour"] = "18",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var town = await TownAsync("erlangen");
        Assert.Equal(("#1a7f37", 18), (town.AccentColour, town.DigestHour));

        foreach (var (colour, hour, field) in new[] { ("rot; background:url(x)", "7", "Input.AccentColour"), ("#00ff00", "24", "Input.DigestHour") })
        {
            var refused = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
            {
                ["Input.AccentColour"] = colour, ["Input.DigestHour"] = hour,
            });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.NotNull((await Html.ParseAsync(refused)).FieldError(field));
        }

        Assert.Equal(("#1a7f37", 18), ((await TownAsync("erlangen")).AccentColour, (await TownAsync("erlangen")).DigestHour));
    }

    [Fact]
    public async Task RangeMessage_NamesTheLimits()
    {
        var client = await TownAdminAsync("koeln");

        var response = await client.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Input.ListingLifetimeDays"] = "400",
            ["Input.ReportsToHide"] = "50",
        });

        var page = await Html.ParseAsync(response);
        Assert.Contains("365", page.FieldError("Input.ListingLifetimeDays"));
        Assert.Contains("20", page.FieldError("Input.ReportsToHide"));
    }

    [Fact]
    public async Task NewMunicipalityForm_OffersTheDefaults_AndTheNewTownGetsThem()
    {
        var admin = app.PlatformClient();
        await admin.LoginOkAsync(DemoData.PlatformAdminName);
        var form = await admin.GetPageAsync("/admin/municipalities/new");
        Assert.Equal("28", form.QuerySelector("[data-testid=settings-listing-lifetime]")!.GetAttribute("value"));
        Assert.Equal("3", form.QuerySelector("[data-testid=settings-reports-to-hide]")!.GetAttribute("value"));
        Assert.False(((IHtmlInputElement)form.QuerySelector("[data-testid=settings-mail-quotes]")!).IsChecked);

        var response = await admin.SubmitAsync("/admin/municipalities/new", "[data-testid=municipality-form]", new Dictionary<string, string>
        {
            ["Input.Slug"] = "wuerzburg",
            ["Settings.Name"] = "Würzburg",
            ["Settings.FederalState"] = nameof(FederalState.Bayern),
            ["Settings.ContactEmail"] = "koordination@wuerzburg.example",
            ["Input.Districts"] = "Altstadt\nZellerau",
            ["Input.FirstCoordinatorEmail"] = "leitung@wuerzburg.example",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var town = await TownAsync("wuerzburg");
        Assert.Equal(28, town.ListingLifetimeDays);
        Assert.Equal(3, town.ReportsToHide);
        Assert.False(town.MailIncludesMessageText);
    }
}
