using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Web.Courses;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>The run page, /me/courses, the links from the seat mails and the run's seat desk, as a browser without JavaScript uses them.</summary>
[Trait("Category", "Database")]
public sealed class SeatsPageTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static string RunUrl(int courseId, int runId) => $"/courses/{courseId}/runs/{runId}";

    [Fact]
    public async Task AVisitorIsSentToLogin_AMemberEnrols_TheNextJoinsTheListWithAPosition_AndLeavesItFromMyCourses()
    {
        var (courseId, runId) = await app.CourseWithRunAsync(seats: 1);
        var url = RunUrl(courseId, runId);

        var visitor = await app.TownClient(SeatsSetup.Town).GetPageAsync(url);
        Assert.NotNull(visitor.QuerySelector("[data-testid=enrol-login]"));
        Assert.Null(visitor.QuerySelector("[data-testid=enrol]"));

        var first = await app.SignedInAsync(SeatsSetup.Town, await app.NewMemberAsync(SeatsSetup.Town, "se"));
        Assert.Equal(HttpStatusCode.Redirect, (await first.PressAsync((await first.GetPageAsync(url)).QuerySelector("[data-testid=enrol]")!, url)).StatusCode);
        Assert.NotNull((await first.GetPageAsync(url)).QuerySelector("[data-testid=my-seat]"));

        var second = await app.SignedInAsync(SeatsSetup.Town, await app.NewMemberAsync(SeatsSetup.Town, "sw"));
        var full = await second.GetPageAsync(url);
        Assert.NotNull(full.QuerySelector("[data-testid=any-run-form]"));
        Assert.Equal(HttpStatusCode.Redirect, (await second.PressAsync(full.QuerySelector("[data-testid=enrol]")!, url)).StatusCode);
        Assert.Equal("1", (await second.GetPageAsync(url)).TestId("waitlist-position"));

        var mine = await second.GetPageAsync("/me/courses");
        Assert.Equal("1", mine.TestId("waitlist-position"));
        Assert.Equal(HttpStatusCode.Redirect, (await second.PressAsync(mine.QuerySelector("[data-testid=leave-list]")!, "/me/courses")).StatusCode);
        Assert.Null((await second.GetPageAsync("/me/courses")).QuerySelector("[data-testid=my-waiting]"));
        Assert.NotNull((await second.GetPageAsync("/me")).QuerySelector("a[href='/me/courses']"));
    }

    [Fact]
    public async Task TheOfferMail_InTheParticipantsLanguage_OpensAConfirmPage_WhosePostTakesTheSeat_OnceOnly()
    {
        var (courseId, runId) = await app.CourseWithRunAsync(seats: 1);
        var holder = await app.PersonAsync();
        var member = await app.NewMemberAsync(SeatsSetup.Town, "so");
        var waiting = await app.MemberParticipantAsync(member, "en");
        await app.EnrolAsync(runId, holder);
        await app.EnrolAsync(runId, waiting);
        var joined = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(member), m => m.Subject?.StartsWith("Waiting list", StringComparison.Ordinal) == true);
        Assert.Contains("Your place on the waiting list: 1", joined.TextBody);

        await app.SeatsAsync(async s => await s.CancelEnrolmentAsync(await app.EnrolmentOfAsync(runId, holder), byManager: true));
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(member), m => m.Subject?.StartsWith("A seat for you", StringComparison.Ordinal) == true);
        Assert.Contains("local time in", mail.TextBody);
        var link = Accounts.LinkIn(mail, "/courses/offers/");
        var client = app.TownClient(SeatsSetup.Town);

        var page = await client.GetPageAsync(link);
        Assert.NotNull(page.QuerySelector("[data-testid=seat-offer] [data-testid=offer-deadline]"));
        Assert.Empty(await app.SeatedAsync(runId));
        var accepted = await client.PressAsync(page.QuerySelector("[data-testid=offer-accept]")!, link);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.NotNull((await Html.ParseAsync(accepted)).QuerySelector("[data-testid=offer-done]"));
        Assert.Equal([waiting], await app.SeatedAsync(runId));
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await client.PressAsync(page.QuerySelector("[data-testid=offer-decline]")!, link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/courses/offers/kaputt")).StatusCode);
        await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(member), m => m.Subject?.StartsWith("Your seat", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TheLeaveLinkFromTheMail_LeavesWithoutLogin_OnPostOnly()
    {
        var (courseId, runId) = await app.CourseWithRunAsync(seats: 1);
        await app.EnrolAsync(runId, await app.PersonAsync());
        var person = await app.PersonAsync(contact: "wartende@test.example", culture: "uk");
        await app.EnrolAsync(runId, person);
        var mail = await app.Smtp.WaitForAsync("wartende@test.example");
        Assert.StartsWith("Список очікування", mail.Subject);
        var link = Accounts.LinkIn(mail, "/courses/leave/");
        var client = app.TownClient(SeatsSetup.Town);

        var page = await client.GetPageAsync(link);
        Assert.Equal(WaitingStatus.Waiting, await app.EntryStatusAsync(courseId, person));
        var left = await client.PressAsync(page.QuerySelector("[data-testid=leave-confirm]")!, link);

        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal(WaitingStatus.Left, await app.EntryStatusAsync(courseId, person));
        Assert.Equal(HttpStatusCode.Gone, (await client.PressAsync(page.QuerySelector("[data-testid=leave-confirm]")!, link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("potsdam").GetAsync(link.Replace("erlangen.", "potsdam.", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task TheSeatDesk_EnrolsAPersonWithoutAccount_RemovesANoShow_RefusesABadCapacity_AndLogsIt()
    {
        var (courseId, runId) = await app.CourseWithRunAsync(seats: 2);
        var desk = $"/courses/manage/runs/{runId}/seats";
        var office = await app.SignedInAsync(SeatsSetup.Town, "erlangen-koordination");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(desk)).StatusCode);
        var fromOffice = await office.GetAsync($"/coordination/courses/runs/{runId}/seats");
        Assert.Equal(HttpStatusCode.Redirect, fromOffice.StatusCode);
        Assert.Equal(desk, fromOffice.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(SeatsSetup.Town, "erlangen-mitglied")).GetAsync(desk)).StatusCode);

        var enrolled = await office.SubmitAsync(desk, "[data-testid=enrol-new-form]", new Dictionary<string, string>
        {
            ["newName"] = "Frau Haddad", ["newContact"] = "0171 2345678", ["newCulture"] = "ar",
        });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        var page = await office.GetPageAsync(desk);
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=desk-seat]"));
        Assert.Contains("Frau Haddad", row.TextContent);

        var refused = await office.SubmitAsync(desk, "[data-testid=capacity-form]", new Dictionary<string, string> { ["capacity"] = "0" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).FieldError("Capacity"));

        var unknown = await office.SubmitAsync(desk, "[data-testid=enrol-member-form]", new Dictionary<string, string> { ["login"] = "niemand-bekannt" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(desk, "[data-testid=enrol-member-form]",
            new Dictionary<string, string> { ["login"] = "erlangen-mitglied" })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await office.PressAsync(page.QuerySelector("[data-testid=desk-no-show]")!, desk)).StatusCode);
        Assert.Equal(EnrolmentStatus.Removed, await app.InTownAsync(SeatsSetup.Town, db => db.Enrolments
            .Where(e => e.RunId == runId && e.Participant!.Name == "Frau Haddad").Select(e => e.Status).SingleAsync()));
        var logged = await app.InTownAsync(SeatsSetup.Town, db => db.AuditEntries
            .Where(a => (a.SubjectType == "run" && a.SubjectId == runId.ToString()) || a.Action == AuditAction.RemovedNoShow)
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(2, logged.Count(a => a == AuditAction.EnrolledSomeone));
        Assert.Contains(AuditAction.RemovedNoShow, logged);
        Assert.Equal(courseId, await app.InTownAsync(SeatsSetup.Town, db => db.CourseRuns.Where(r => r.Id == runId).Select(r => r.CourseId).SingleAsync()));
    }

    [Fact]
    public async Task EveryPageOfAnErlangenRun_IsA404InPotsdam_AndItsDeskA404ForPotsdamsOffice()
    {
        var (courseId, runId) = await app.CourseWithRunAsync(seats: 1);
        var potsdamOffice = await app.SignedInAsync("potsdam", "potsdam-koordination");

        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("potsdam").GetAsync(RunUrl(courseId, runId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdamOffice.GetAsync(RunUrl(courseId, runId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdamOffice.GetAsync($"/courses/manage/runs/{runId}/seats")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdamOffice.GetAsync($"/coordination/courses/runs/{runId}/seats")).StatusCode);

        var token = await potsdamOffice.TokenAsync("/me/courses");
        var post = await potsdamOffice.PostAsync($"/courses/manage/runs/{runId}/seats?handler=CancelRun", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reason"] = "Übernahme", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var enrol = await potsdamOffice.PostAsync($"{RunUrl(courseId, runId)}?handler=Enrol", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, enrol.StatusCode);
        Assert.Equal(CourseRunStatus.Planned, await app.InTownAsync(SeatsSetup.Town, db => db.CourseRuns.Where(r => r.Id == runId).Select(r => r.Status).SingleAsync()));
        Assert.Empty(await app.SeatedAsync(runId));
    }
}
