using System.Net;
using Marketplace.Web.Domain;
using Marketplace.Web.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Coordination;

/// <summary>Volunteers opt in to be suggested; the office sees them (every look logged) and records police clearances as two dates.</summary>
[Trait("Category", "Database")]
public sealed class VolunteerRegistryTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<Dictionary<string, string>> ProfileFormAsync(string slug)
    {
        var ids = await app.InTownAsync(slug, async db => new
        {
            Skill = await db.Categories.Where(c => c.Key == "hausaufgabenhilfe").Select(c => c.Id).SingleAsync(),
            District = await db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync(),
        });
        return new Dictionary<string, string>
        {
            ["Input.SkillCategoryIds"] = ids.Skill.ToString(), ["Input.DistrictIds"] = ids.District.ToString(), ["Input.Languages[fa]"] = "Native",
            ["Input.Availability"] = "2", ["Input.HoursPerMonth"] = "6", ["Input.Mobility"] = "Bike",
        };
    }

    [Fact]
    public async Task AVolunteersProfile_IsListedForTheOffice_AndOpeningItIsAudited()
    {
        var volunteer = await app.NewMemberAsync("erlangen", "ehrenamt");
        var client = await app.SignedInAsync("erlangen", volunteer);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/me/volunteer", "[data-testid=volunteer-form]", await ProfileFormAsync("erlangen"))).StatusCode);

        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        var list = await coordinator.GetPageAsync("/coordination/volunteers?language=fa");
        var row = list.QuerySelectorAll("[data-testid=volunteer-row]").Single(r => r.TextContent.Contains(volunteer));
        var href = row.QuerySelector("a")!.GetAttribute("href")!;

        var profile = await coordinator.GetPageAsync(href);
        Assert.Contains("Hausaufgabenhilfe", profile.TestId("volunteer-profile"));
        Assert.Contains("Muttersprache", profile.TestId("volunteer-profile"));
        var userId = await app.UserIdAsync(volunteer);
        Assert.Contains(await app.InTownAsync("erlangen", db => db.AuditEntries.Where(a => a.SubjectId == userId).Select(a => a.Action).ToListAsync()),
            a => a == AuditAction.ViewedVolunteer);
    }

    [Fact]
    public async Task AProfileWithoutSkillOrDistrict_IsRefusedAtTheField_AndNothingIsSaved()
    {
        var volunteer = await app.NewMemberAsync("erlangen", "ehrenamt");
        var client = await app.SignedInAsync("erlangen", volunteer);
        var form = await ProfileFormAsync("erlangen");
        form.Remove("Input.SkillCategoryIds");
        form["Input.DistrictIds"] = (await app.InTownAsync("potsdam", db => db.Districts.Select(d => d.Id).FirstAsync())).ToString();

        var response = await client.SubmitAsync("/me/volunteer", "[data-testid=volunteer-form]", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(page.FieldError("Input.SkillCategoryIds")));
        Assert.False(string.IsNullOrWhiteSpace(page.FieldError("Input.DistrictIds")));
        var userId = await app.UserIdAsync(volunteer);
        Assert.False(await app.InTownAsync("erlangen", db => db.VolunteerProfiles.AnyAsync(v => v.UserId == userId)));
    }

    [Fact]
    public async Task AClearance_IsRecordedAsDates_CountsForSuggestions_AndALapsedOneIsRefused()
    {
        var volunteer = await app.NewMemberAsync("erlangen", "ehrenamt");
        var profileId = await app.VolunteerAsync("erlangen", volunteer, "hausaufgabenhilfe", "de");
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        var url = $"/coordination/volunteers/{profileId}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var lapsed = await coordinator.SubmitAsync(url, "[data-testid=clearance-form]", new Dictionary<string, string>
        {
            ["Input.IssuedOn"] = today.AddYears(-6).ToString("yyyy-MM-dd"), ["Input.InspectedOn"] = today.AddDays(-1).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lapsed.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await Html.ParseAsync(lapsed)).FieldError("Input.IssuedOn")));

        var saved = await coordinator.SubmitAsync(url, "[data-testid=clearance-form]", new Dictionary<string, string>
        {
            ["Input.IssuedOn"] = today.AddDays(-20).ToString("yyyy-MM-dd"), ["Input.InspectedOn"] = today.AddDays(-1).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(today.AddDays(-20).AddYears(5).ToString("dd.MM.yyyy"), (await coordinator.GetPageAsync(url)).TestId("clearance-status"));

        // Homework help requires a clearance: the volunteer is suggested with it named as a reason.
        var requester = await app.NewMemberAsync("erlangen", "familie");
        var request = await app.CreateListingAsync("erlangen", requester, ListingType.Request, "Hilfe bei Mathe-Hausaufgaben", "hausaufgabenhilfe");
        var page = await coordinator.GetPageAsync($"/coordination/requests/{request}");
        var suggestion = page.QuerySelectorAll("[data-testid=suggestion]").Single(s => s.TextContent.Contains(volunteer));
        Assert.Contains(suggestion.QuerySelectorAll("[data-testid=suggestion-reason]"), r => r.GetAttribute("data-reason") == nameof(MatchReason.ClearancePresent));
    }

    [Fact]
    public async Task WithoutAClearance_AVolunteerIsNotSuggestedForWorkWithChildren()
    {
        var volunteer = await app.NewMemberAsync("erlangen", "ohnefz");
        await app.VolunteerAsync("erlangen", volunteer, "hausaufgabenhilfe", "de");
        var requester = await app.NewMemberAsync("erlangen", "familie");
        var request = await app.CreateListingAsync("erlangen", requester, ListingType.Request, "Hausaufgaben Deutsch", "hausaufgabenhilfe");

        var page = await (await app.SignedInAsync("erlangen", "erlangen-koordination")).GetPageAsync($"/coordination/requests/{request}");

        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=suggestion]"), s => s.TextContent.Contains(volunteer));
    }

    [Fact]
    public async Task ClearanceUpkeep_RemindsSixWeeksBefore_AndDeletesThreeMonthsAfterTheLastActivity()
    {
        var volunteer = await app.NewMemberAsync("erlangen", "erinnerung");
        await app.VolunteerAsync("erlangen", volunteer, "kinderbetreuung", "de");
        var userId = await app.UserIdAsync(volunteer);
        var coordinatorId = await app.UserIdAsync("erlangen-koordination");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.InTownAsync("erlangen", async db =>
        {
            db.PoliceClearances.Add(new PoliceClearance
            {
                VolunteerUserId = userId, InspectedByUserId = coordinatorId, IssuedOn = today.AddYears(-5).AddDays(30), InspectedOn = today.AddYears(-5).AddDays(31),
                RecordedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        await app.InTownServiceAsync<ClearanceUpkeep, int>("erlangen", c => c.RemindAsync());
        await app.InTownServiceAsync<ClearanceUpkeep, int>("erlangen", c => c.RemindAsync());
        await app.MailSettledAsync();
        Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(volunteer)), m => (m.Subject ?? "").Contains("Führungszeugnis"));

        Assert.Equal(0, await app.InTownServiceAsync<ClearanceUpkeep, int>("erlangen", c => c.DeleteExpiredRecordsAsync()));
        await app.InTownAsync("erlangen", async db =>
        {
            await db.VolunteerProfiles.Where(v => v.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(v => v.LastActivityAt, DateTimeOffset.UtcNow.AddDays(-100)));
            return await db.PoliceClearances.Where(c => c.VolunteerUserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordedAt, DateTimeOffset.UtcNow.AddDays(-100)));
        });
        Assert.True(await app.InTownServiceAsync<ClearanceUpkeep, int>("erlangen", c => c.DeleteExpiredRecordsAsync()) >= 1);
        Assert.False(await app.InTownAsync("erlangen", db => db.PoliceClearances.AnyAsync(c => c.VolunteerUserId == userId)));
    }

    [Fact]
    public async Task ClearanceUpkeep_KeepsTheClearanceOfAnOfferPoster_WhileTheirOfficeMatchIsOpen()
    {
        // Someone who offers homework help (no volunteer profile) and was matched by the office: the match still needs the clearance.
        var helper = await app.NewMemberAsync("erlangen", "anbieter");
        var family = await app.NewMemberAsync("erlangen", "familie");
        var offer = await app.CreateListingAsync("erlangen", helper, ListingType.Offer, "Nachhilfe Englisch", "hausaufgabenhilfe");
        var request = await app.CreateListingAsync("erlangen", family, ListingType.Request, "Englisch Klasse 7", "hausaufgabenhilfe");
        var userId = await app.UserIdAsync(helper);
        var coordinatorId = await app.UserIdAsync("erlangen-koordination");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.InTownAsync("erlangen", async db =>
        {
            db.PoliceClearances.Add(new PoliceClearance
            {
                VolunteerUserId = userId, InspectedByUserId = coordinatorId, IssuedOn = today.AddDays(-120), InspectedOn = today.AddDays(-110),
                RecordedAt = DateTimeOffset.UtcNow.AddDays(-100),
            });
            db.Matches.Add(new Match
            {
                ListingId = request, OfferListingId = offer, Source = MatchSource.Coordination, Status = MatchStatus.Accepted,
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-100), DecidedAt = DateTimeOffset.UtcNow.AddDays(-95),
            });
            return await db.SaveChangesAsync();
        });

        await app.InTownServiceAsync<ClearanceUpkeep, int>("erlangen", c => c.DeleteExpiredRecordsAsync());

        Assert.True(await app.InTownAsync("erlangen", db => db.PoliceClearances.AnyAsync(c => c.VolunteerUserId == userId)));
    }

    [Fact]
    public async Task AnotherTownsCoordinator_CannotSeeOrRecordAClearance()
    {
        var volunteer = await app.NewMemberAsync("erlangen", "fremd");
        var profileId = await app.VolunteerAsync("erlangen", volunteer, "kinderbetreuung", "de");
        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");

        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/coordination/volunteers/{profileId}")).StatusCode);
        var token = (await potsdam.GetPageAsync("/coordination/volunteers")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var post = await potsdam.PostAsync($"/coordination/volunteers/{profileId}?handler=Clearance", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.IssuedOn"] = "2026-01-01", ["Input.InspectedOn"] = "2026-01-02",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var userId = await app.UserIdAsync(volunteer);
        Assert.False(await app.InTownAsync("erlangen", db => db.PoliceClearances.AnyAsync(c => c.VolunteerUserId == userId)));
    }
}
