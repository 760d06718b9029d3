using System.Net;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>Provider management under /courses/manage: who may create and edit, the forms' rules, runs and meetings.</summary>
[Trait("Category", "Database")]
public sealed class CatalogueManageTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";

    private static Dictionary<string, string> Course(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Kind"] = nameof(CourseKind.LanguageCourse),
        ["Input.LanguageCourseType"] = nameof(LanguageCourseType.ParentsWomen),
        ["Input.TargetLevel"] = nameof(CefrLevel.A1),
        ["Input.TeachingUnits"] = "300",
        ["Input.Languages"] = "de|ar",
        ["Input.Fee"] = "0",
        ["Input.ChildcareOffered"] = "true",
    };

    private async Task<(string Admin, int Organisation)> ProviderAsync(OrganisationStatus status = OrganisationStatus.Approved)
    {
        var admin = await app.NewMemberAsync(Town, "pa");
        return (admin, await app.CreateOrganisationAsync(Town, admin, OrganisationSetup.UniqueName("Sprachschule"), status));
    }

    private static int IdIn(HttpResponseMessage response, string prefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString.Split('?')[0];
        Assert.StartsWith(prefix, path);
        return int.Parse(path[prefix.Length..].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ProviderAdmin_CreatesACourseAndARun_WhichTheCatalogueThenLists()
    {
        var (admin, organisation) = await ProviderAsync();
        var client = await app.SignedInAsync(Town, admin);
        var district = await app.InTownAsync(Town, db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync());
        var title = OrganisationSetup.UniqueName("Elternkurs");

        var created = await client.SubmitAsync("/courses/manage/new", "[data-testid=course-form]",
            new Dictionary<string, string>(Course(title)) { ["Input.ProviderId"] = organisation.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var course = IdIn(created, "/courses/manage/");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var runCreated = await client.SubmitAsync($"/courses/manage/{course}/runs/new", "[data-testid=run-form]", new Dictionary<string, string>
        {
            ["Input.StartsOn"] = start.ToString("yyyy-MM-dd"),
            ["Input.EndsOn"] = start.AddDays(27).ToString("yyyy-MM-dd"),
            ["Input.Place"] = district.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.PlaceNote"] = "Familienzentrum",
            ["Input.MinParticipants"] = "5",
            ["Input.MaxParticipants"] = "15",
            ["Input.Weekdays"] = "Tuesday|Thursday",
            ["Input.StartsAt"] = "18:00",
            ["Input.EndsAt"] = "20:15",
            ["Input.UnitsPerMeeting"] = "3",
        });

        var run = IdIn(runCreated, "/courses/manage/runs/");
        var stored = await app.InTownAsync(Town, db => db.CourseRuns.Include(r => r.Meetings).Include(r => r.Course).SingleAsync(r => r.Id == run));
        Assert.Equal(organisation, stored.Course!.ProviderOrganisationId);
        Assert.Equal(["de", "ar"], stored.Course.InstructionLanguages);
        Assert.Equal(8, stored.Meetings.Count);
        Assert.All(stored.Meetings, m => Assert.Contains(m.Date.DayOfWeek, new[] { DayOfWeek.Tuesday, DayOfWeek.Thursday }));
        Assert.Equal(DayParts.Evening, stored.DayParts);
        Assert.Equal(15, stored.MaxParticipants);
        var ids = await app.TownClient(Town).CourseIdsAsync("/courses?type=ParentsWomen&daypart=Evening&childcare=true");
        Assert.Contains(course, ids);
        var edit = await client.GetPageAsync($"/courses/manage/runs/{run}/edit");
        Assert.Equal($"/courses/manage/runs/{run}/seats", edit.QuerySelector("[data-testid=run-seats-link]")!.GetAttribute("href"));
        Assert.Null(edit.QuerySelector("[data-testid=run-max]"));
        Assert.Contains("Straße", edit.TestId("place-note-hint"));
    }

    [Fact]
    public async Task MemberOfAnotherOrganisation_Gets404_OnEveryManagementPageOfTheCourse()
    {
        var (_, organisation) = await ProviderAsync();
        var (course, run) = await app.CourseAsync(Town, "Fremder Kurs", providerId: organisation);
        var (otherAdmin, _) = await ProviderAsync();
        var teacher = await app.NewMemberAsync(Town, "te");
        await app.AddMemberAsync(Town, organisation, teacher, OrganisationRole.Member);

        foreach (var user in new[] { otherAdmin, teacher, "erlangen-mitglied" })
        {
            var client = await app.SignedInAsync(Town, user);
            foreach (var path in new[] { $"/courses/manage/{course}", $"/courses/manage/{course}/runs/new", $"/courses/manage/runs/{run}/edit" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
            }

            var token = await client.TokenFromAsync("/courses");
            var post = await client.PostAsync($"/courses/manage/{course}?handler=Withdraw",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["withdraw"] = "true" }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            Assert.DoesNotContain(course, (await client.GetPageAsync("/courses/manage")).QuerySelectorAll("[data-testid=managed-course]")
                .Select(r => int.Parse(r.GetAttribute("data-course-id")!, System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.False(await app.InTownAsync(Town, db => db.Courses.Where(c => c.Id == course).Select(c => c.IsWithdrawn).SingleAsync()));
    }

    [Fact]
    public async Task UnapprovedOrganisation_CannotOffer_AndAMemberWithoutOrganisationGets404OnNew()
    {
        var (pendingAdmin, pending) = await ProviderAsync(OrganisationStatus.Pending);
        var (approvedAdmin, _) = await ProviderAsync();
        await app.AddMemberAsync(Town, pending, approvedAdmin, OrganisationRole.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Town, pendingAdmin)).GetAsync("/courses/manage/new")).StatusCode);
        var client = await app.SignedInAsync(Town, approvedAdmin);
        var form = await client.GetPageAsync("/courses/manage/new");
        Assert.DoesNotContain(form.QuerySelectorAll("[data-testid=course-provider-select] option"), o => o.GetAttribute("value") == pending.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var title = OrganisationSetup.UniqueName("Ungeprüft");
        var refused = await client.SubmitAsync("/courses/manage/new", "[data-testid=course-form]",
            new Dictionary<string, string>(Course(title)) { ["Input.ProviderId"] = pending.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var officeChoice = await client.SubmitAsync("/courses/manage/new", "[data-testid=course-form]",
            new Dictionary<string, string>(Course(title)) { ["Input.ProviderId"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).FieldError("Input.ProviderId"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, officeChoice.StatusCode);
        Assert.False(await app.InTownAsync(Town, db => db.Courses.AnyAsync(c => c.Title == title)));
    }

    [Fact]
    public async Task Office_EditsAnyCourseOfTheTown_AndWithdrawsIt()
    {
        var (_, organisation) = await ProviderAsync();
        var (course, _) = await app.CourseAsync(Town, "Kurs eines Trägers", providerId: organisation);
        var office = await app.SignedInAsync(Town, "erlangen-koordination");

        var saved = await office.SubmitAsync($"/courses/manage/{course}", "[data-testid=course-form]", new Dictionary<string, string>
        {
            ["Input.Title"] = "Vom Büro geändert", ["Input.Fee"] = "49,50",
        });
        var withdrawn = await office.SubmitAsync($"/courses/manage/{course}", "[data-testid=withdraw-form]");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var stored = await app.InTownAsync(Town, db => db.Courses.SingleAsync(c => c.Id == course));
        Assert.Equal("Vom Büro geändert", stored.Title);
        Assert.Equal(4_950, stored.FeeCents);
        Assert.Equal(organisation, stored.ProviderOrganisationId);
        Assert.True(stored.IsWithdrawn);
        Assert.Contains(course, (await office.GetPageAsync("/courses/manage")).QuerySelectorAll("[data-testid=managed-course]")
            .Select(r => int.Parse(r.GetAttribute("data-course-id")!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Office_RunsItsOwnCourse()
    {
        var office = await app.SignedInAsync(Town, "erlangen-koordination");
        var title = OrganisationSetup.UniqueName("Büro-Kurs");

        var created = await office.SubmitAsync("/courses/manage/new", "[data-testid=course-form]",
            new Dictionary<string, string>(Course(title)) { ["Input.ProviderId"] = "" });

        var course = IdIn(created, "/courses/manage/");
        Assert.Null(await app.InTownAsync(Town, db => db.Courses.Where(c => c.Id == course).Select(c => c.ProviderOrganisationId).SingleAsync()));
    }

    [Fact]
    public async Task InvalidCourse_Is422_WithMessagesAtTheFields_AndNothingWritten()
    {
        var office = await app.SignedInAsync(Town, "erlangen-koordination");
        var title = OrganisationSetup.UniqueName("Kaputt");

        var response = await office.SubmitAsync("/courses/manage/new", "[data-testid=course-form]", new Dictionary<string, string>(Course(title))
        {
            ["Input.TeachingUnits"] = "0",
            ["Input.Languages"] = "xx",
            ["Input.LanguageCourseType"] = "",
            ["Input.ContactEmail"] = "keine-adresse",
        });
        var shortTitle = await office.SubmitAsync("/courses/manage/new", "[data-testid=course-form]", new Dictionary<string, string>(Course("Ab")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError("Input.TeachingUnits"));
        Assert.NotNull(page.FieldError("Input.Languages"));
        Assert.NotNull(page.FieldError("Input.LanguageCourseType"));
        Assert.NotNull(page.FieldError("Input.ContactEmail"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shortTitle.StatusCode);
        Assert.NotNull((await Html.ParseAsync(shortTitle)).FieldError("Input.Title"));
        Assert.False(await app.InTownAsync(Town, db => db.Courses.AnyAsync(c => c.Title == title)));
    }

    [Fact]
    public async Task InvalidRun_Is422_WithMessagesAtTheFields_AndNothingWritten()
    {
        var (course, _) = await app.CourseAsync(Town, "Kurs für kaputte Durchgänge");
        var office = await app.SignedInAsync(Town, "erlangen-koordination");
        var before = await app.InTownAsync(Town, db => db.CourseRuns.CountAsync(r => r.CourseId == course));

        var response = await office.SubmitAsync($"/courses/manage/{course}/runs/new", "[data-testid=run-form]", new Dictionary<string, string>
        {
            ["Input.StartsOn"] = "2027-03-10",
            ["Input.EndsOn"] = "2027-03-01",
            ["Input.Place"] = "987654",
            ["Input.MinParticipants"] = "20",
            ["Input.MaxParticipants"] = "501",
            ["Input.Weekdays"] = "",
            ["Input.StartsAt"] = "10:00",
            ["Input.EndsAt"] = "09:00",
            ["Input.UnitsPerMeeting"] = "0",
        });
        var minAboveMax = await office.SubmitAsync($"/courses/manage/{course}/runs/new", "[data-testid=run-form]", new Dictionary<string, string>
        {
            ["Input.Place"] = "online", ["Input.MinParticipants"] = "20", ["Input.MaxParticipants"] = "10", ["Input.Weekdays"] = "Monday",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        foreach (var field in new[] { "Input.EndsOn", "Input.Place", "Input.MaxParticipants", "Input.Weekdays", "Input.EndsAt", "Input.UnitsPerMeeting" })
        {
            Assert.True(page.FieldError(field) is not null, field);
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, minAboveMax.StatusCode);
        Assert.NotNull((await Html.ParseAsync(minAboveMax)).FieldError("Input.MinParticipants"));
        Assert.Equal(before, await app.InTownAsync(Town, db => db.CourseRuns.CountAsync(r => r.CourseId == course)));
    }

    [Fact]
    public async Task EditRun_AddsAndRemovesSingleMeetings_KeepsDayParts_AndRefusesDatesThatLeaveMeetingsOutside()
    {
        var (_, run) = await app.CourseAsync(Town, "Einzeltermine");
        var office = await app.SignedInAsync(Town, "erlangen-koordination");
        var stored = await app.InTownAsync(Town, db => db.CourseRuns.Include(r => r.Meetings).SingleAsync(r => r.Id == run));
        var saturday = Enumerable.Range(0, 7).Select(i => stored.StartsOn.AddDays(i)).First(d => d.DayOfWeek == DayOfWeek.Saturday);

        var added = await office.SubmitAsync($"/courses/manage/runs/{run}/edit", "[data-testid=add-meeting-form]", new Dictionary<string, string>
        {
            ["Meeting.Date"] = saturday.ToString("yyyy-MM-dd"), ["Meeting.StartsAt"] = "10:00", ["Meeting.EndsAt"] = "13:00", ["Meeting.TeachingUnits"] = "4",
        });
        var outside = await office.SubmitAsync($"/courses/manage/runs/{run}/edit", "[data-testid=add-meeting-form]", new Dictionary<string, string>
        {
            ["Meeting.Date"] = stored.EndsOn.AddDays(3).ToString("yyyy-MM-dd"), ["Meeting.StartsAt"] = "10:00", ["Meeting.EndsAt"] = "13:00",
        });
        var page = await office.GetPageAsync($"/courses/manage/runs/{run}/edit");
        var last = page.QuerySelectorAll("[data-testid=run-meeting]").Last();
        var removed = await office.PressAsync(last.QuerySelector("[data-testid=remove-meeting]")!, $"/courses/manage/runs/{run}/edit");
        var shrunk = await office.SubmitAsync($"/courses/manage/runs/{run}/edit", "[data-testid=run-form]", new Dictionary<string, string>
        {
            ["Input.EndsOn"] = saturday.AddDays(-1).ToString("yyyy-MM-dd"),
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.NotNull((await Html.ParseAsync(outside)).FieldError("Meeting.Date"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shrunk.StatusCode);
        Assert.NotNull((await Html.ParseAsync(shrunk)).FieldError("Input.EndsOn"));
        var after = await app.InTownAsync(Town, db => db.CourseRuns.Include(r => r.Meetings).SingleAsync(r => r.Id == run));
        Assert.Equal(stored.Meetings.Count, after.Meetings.Count);
        Assert.Contains(after.Meetings, m => m.Date == saturday);
        Assert.Equal(DayParts.Morning | DayParts.Weekend, after.DayParts);
        Assert.Equal(stored.EndsOn, after.EndsOn);
    }
}
