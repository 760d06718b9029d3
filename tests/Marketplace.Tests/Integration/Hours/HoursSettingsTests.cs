using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Hours;

/// <summary>The town admin sets the hourly rate for volunteering and how long a police clearance counts, at /town/settings.</summary>
[Trait("Category", "Database")]
public sealed class HoursSettingsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Form = "[data-testid=settings-form]";

    private Task<Tenant> TownAsync(string slug) => app.InTownAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug));

    [Fact]
    public async Task TheDefaults_AreShown_AndANewRateAndValidity_AreSaved_AndValueTheHours()
    {
        var client = await app.SignedInAsync("koeln", "koeln-admin");
        var form = await client.GetPageAsync("/town/settings");
        Assert.Equal("15,00", form.QuerySelector<IHtmlInputElement>("[data-testid=settings-hourly-rate]")!.Value);
        Assert.Equal("5", form.QuerySelector<IHtmlInputElement>("[data-testid=settings-clearance-years]")!.Value);

        var response = await client.SubmitAsync("/town/settings", Form, new Dictionary<string, string>
        {
            ["Input.HourlyRate"] = "17,50", ["Input.ClearanceValidYears"] = "3",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var town = await TownAsync("koeln");
        Assert.Equal((17_50L, 3), (town.HourlyRateCents, town.ClearanceValidYears));
        var again = await client.GetPageAsync("/town/settings");
        Assert.Equal("17,50", again.QuerySelector<IHtmlInputElement>("[data-testid=settings-hourly-rate]")!.Value);

        var volunteer = await app.VolunteerAsync("koeln");
        var organisation = await app.OrganisationAsync("koeln", volunteer);
        await app.HoursAsync("koeln", volunteer, 2m, HoursStatus.Approved, organisation);
        var office = await app.SignedInAsync("koeln", "koeln-koordination");
        Assert.Equal("35,00 €", HoursSetup.Plain((await office.GetPageAsync("/coordination/hours")).TestId("hours-value")));

        // The value of the Köln method: 8,120 h at 15 EUR.
        Assert.Equal(121_800_00L, HoursValue.Of(8_120 * 60, HoursValue.DefaultHourlyRateCents));
    }

    [Theory]
    [InlineData("1000,01", "5", "Input.HourlyRate")]
    [InlineData("zehn", "5", "Input.HourlyRate")]
    [InlineData("-1", "5", "Input.HourlyRate")]
    [InlineData("", "5", "Input.HourlyRate")]
    [InlineData("15", "0", "Input.ClearanceValidYears")]
    [InlineData("15", "11", "Input.ClearanceValidYears")]
    [InlineData("15", "", "Input.ClearanceValidYears")]
    public async Task OutOfRange_IsRefusedAtTheField_AndNothingIsSaved(string rate, string years, string field)
    {
        var client = await app.SignedInAsync("potsdam", "potsdam-admin");
        var before = await TownAsync("potsdam");

        var response = await client.SubmitAsync("/town/settings", Form, new Dictionary<string, string>
        {
            ["Input.HourlyRate"] = rate, ["Input.ClearanceValidYears"] = years, ["Input.DigestHour"] = "9",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError(field));
        var after = await TownAsync("potsdam");
        Assert.Equal((before.HourlyRateCents, before.ClearanceValidYears, before.DigestHour), (after.HourlyRateCents, after.ClearanceValidYears, after.DigestHour));
    }

    [Fact]
    public async Task ACoordinator_CannotChangeTheRate()
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-koordination");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/town/settings")).StatusCode);
    }
}
