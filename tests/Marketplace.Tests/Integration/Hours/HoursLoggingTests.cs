using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Hours;

/// <summary>A member logs hours at /me/hours: against one of their matches or an organisation they belong to.</summary>
[Trait("Category", "Database")]
public sealed class HoursLoggingTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Form = "[data-testid=hours-form]";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Entry(string hours = "2,5", int? organisation = null, int? match = null, DateOnly? day = null,
        string activity = "Lesepatenschaft in der Stadtbücherei") => new()
        {
            ["Input.WorkedOn"] = Day(day ?? HoursSetup.TownToday()),
            ["Input.Hours"] = hours,
            ["Input.Activity"] = activity,
            ["Input.OrganisationId"] = organisation?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["Input.MatchId"] = match?.ToString(CultureInfo.InvariantCulture) ?? "",
        };

    [Fact]
    public async Task Member_LogsHoursForTheirOrganisation_TheEntryIsPendingAndListed_AndTheirProfileCountsItAsActivity()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var volunteerId = await app.UserIdAsync(volunteer);
        var longAgo = DateTimeOffset.UtcNow.AddMonths(-5);
        await app.InTownAsync("erlangen", async db =>
        {
            db.VolunteerProfiles.Add(new VolunteerProfile { UserId = volunteerId, CreatedAt = longAgo, UpdatedAt = longAgo, LastActivityAt = longAgo });
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInAsync("erlangen", volunteer);

        var response = await client.SubmitAsync("/me/hours", Form, Entry("2,5", organisation: organisation));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/me/hours");
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=hours-row]"));
        Assert.Equal("2,5", row.QuerySelector("[data-testid=hours-row-hours]")!.TextContent.Trim());
        Assert.Equal("offen", row.QuerySelector("[data-testid=hours-row-status]")!.TextContent.Trim());
        Assert.Contains("Lesepatenschaft in der Stadtbücherei", row.TextContent);
        var saved = await app.InTownAsync("erlangen", db => db.VolunteerHours.AsNoTracking().SingleAsync(h => h.UserId == volunteerId));
        Assert.Equal((150, HoursStatus.Pending, organisation, (int?)null), (saved.Minutes, saved.Status, saved.OrganisationId, saved.MatchId));
        var profile = await app.InTownAsync("erlangen", db => db.VolunteerProfiles.AsNoTracking().SingleAsync(p => p.UserId == volunteerId));
        Assert.True(profile.LastActivityAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task BothSidesOfAnAcceptedMatch_CanLogHoursAgainstIt_AProposalIsNotOffered()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var poster = await app.VolunteerAsync("erlangen");
        var accepted = await app.MatchAsync("erlangen", volunteer, MatchStatus.Accepted, poster);
        var proposed = await app.MatchAsync("erlangen", volunteer, MatchStatus.Proposed);

        var client = await app.SignedInAsync("erlangen", volunteer);
        var options = (await client.GetPageAsync("/me/hours")).QuerySelectorAll("[data-testid=hours-match] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(accepted.ToString(CultureInfo.InvariantCulture), options);
        Assert.DoesNotContain(proposed.ToString(CultureInfo.InvariantCulture), options);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/me/hours", Form, Entry("1.5", match: accepted))).StatusCode);
        var posterClient = await app.SignedInAsync("erlangen", poster);
        Assert.Equal(HttpStatusCode.Redirect, (await posterClient.SubmitAsync("/me/hours", Form, Entry("0,75", match: accepted))).StatusCode);

        var logged = await app.InTownAsync("erlangen", db => db.VolunteerHours.AsNoTracking().Where(h => h.MatchId == accepted).Select(h => h.Minutes).ToListAsync());
        Assert.Equal([45, 90], logged.Order());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.SubmitAsync("/me/hours", Form, Entry(match: proposed))).StatusCode);
    }

    public static TheoryData<int, string, string> BadEntries => new()
    {
        { 1, "2", "Input.WorkedOn" },      // tomorrow
        { -370, "2", "Input.WorkedOn" },   // more than a year back
        { 0, "0,3", "Input.Hours" },       // not a quarter hour
        { 0, "24,25", "Input.Hours" },
        { 0, "0", "Input.Hours" },
        { 0, "viel", "Input.Hours" },
        { 0, "", "Input.Hours" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task BadDateOrHours_AreRefusedAtTheField_AndNothingIsSaved(int days, string hours, string field)
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var client = await app.SignedInAsync("erlangen", volunteer);

        var response = await client.SubmitAsync("/me/hours", Form, Entry(hours, organisation: organisation, day: HoursSetup.TownToday().AddDays(days)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError(field));
        Assert.Equal("Lesepatenschaft in der Stadtbücherei", page.QuerySelector<IHtmlInputElement>("[data-testid=hours-activity]")!.Value);
        Assert.Equal(0, await app.CountHoursAsync("erlangen", volunteer));
    }

    [Fact]
    public async Task NeitherMatchNorOrganisation_OrBoth_IsRefusedAtTheField()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var match = await app.MatchAsync("erlangen", volunteer);
        var client = await app.SignedInAsync("erlangen", volunteer);

        var neither = await client.SubmitAsync("/me/hours", Form, Entry());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, neither.StatusCode);
        Assert.Contains("Vermittlung oder eine Organisation", (await Html.ParseAsync(neither)).FieldError("Input.MatchId"));

        var both = await client.SubmitAsync("/me/hours", Form, Entry(organisation: organisation, match: match));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, both.StatusCode);
        Assert.NotNull((await Html.ParseAsync(both)).FieldError("Input.OrganisationId"));
        Assert.Equal(0, await app.CountHoursAsync("erlangen", volunteer));
    }

    [Fact]
    public async Task SomeoneElsesMatchOrOrganisation_IsRefused_AndNothingIsSaved()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var stranger = await app.VolunteerAsync("erlangen");
        var theirMatch = await app.MatchAsync("erlangen", stranger);
        var theirOrganisation = await app.OrganisationAsync("erlangen", stranger);
        var client = await app.SignedInAsync("erlangen", volunteer);

        var match = await client.SubmitAsync("/me/hours", Form, Entry(match: theirMatch));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, match.StatusCode);
        Assert.NotNull((await Html.ParseAsync(match)).FieldError("Input.MatchId"));

        var organisation = await client.SubmitAsync("/me/hours", Form, Entry(organisation: theirOrganisation));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, organisation.StatusCode);
        Assert.NotNull((await Html.ParseAsync(organisation)).FieldError("Input.OrganisationId"));
        Assert.Equal(0, await app.CountHoursAsync("erlangen", volunteer));
    }

    [Fact]
    public async Task APotsdamMember_CannotLogHoursAgainstAnErlangenMatchOrOrganisation()
    {
        var erlangenVolunteer = await app.VolunteerAsync("erlangen");
        var erlangenMatch = await app.MatchAsync("erlangen", erlangenVolunteer);
        var erlangenOrganisation = await app.OrganisationAsync("erlangen", erlangenVolunteer);
        var potsdamVolunteer = await app.VolunteerAsync("potsdam");
        var client = await app.SignedInAsync("potsdam", potsdamVolunteer);

        foreach (var (values, field) in new[] { (Entry(match: erlangenMatch), "Input.MatchId"), (Entry(organisation: erlangenOrganisation), "Input.OrganisationId") })
        {
            var response = await client.SubmitAsync("/me/hours", Form, values);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.NotNull((await Html.ParseAsync(response)).FieldError(field));
        }

        Assert.Equal(0, await app.CountHoursAsync("potsdam", potsdamVolunteer));
        Assert.Equal(0, await app.InTownAsync(null, db => db.VolunteerHours.IgnoreQueryFilters().CountAsync(h => h.MatchId == erlangenMatch)));
    }

    [Fact]
    public async Task WithHtmx_TheFormAndListComeBackAsAFragment()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var client = await app.SignedInAsync("erlangen", volunteer);
        var form = (await client.GetPageAsync("/me/hours")).QuerySelector<IHtmlFormElement>(Form)!;

        var refused = await client.HtmxSubmitAsync(form, Entry("25", organisation: organisation));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).FieldError("Input.Hours"));

        var saved = await client.HtmxSubmitAsync(form, Entry("3", organisation: organisation));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var fragment = await Html.ParseAsync(saved);
        Assert.Null(fragment.QuerySelector("header.site-header"));
        Assert.Single(fragment.QuerySelectorAll("[data-testid=hours-row]"));
        Assert.False(string.IsNullOrEmpty(fragment.TestId("hours-done")));
    }

    [Fact]
    public async Task OnlyMembers_OpenMyHours()
    {
        var anonymous = app.TownClient("erlangen");
        var response = await anonymous.GetAsync("/me/hours");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
