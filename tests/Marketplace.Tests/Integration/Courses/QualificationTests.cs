using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Tests.Integration.Coordination;
using Marketplace.Web.Courses;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Tests.Integration.Courses.QualificationSetup;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>
/// The office's qualification catalogue, grants after a completed course (once, never to oneself, none without account),
/// grants by hand, the lapse reminder, and that no page of one town's qualifications answers in another.
/// </summary>
[Trait("Category", "Database")]
public sealed class QualificationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";
    private const string Office = "erlangen-koordination";
    private const string Page = "/coordination/courses/qualifications";

    private static IHtmlFormElement EditForm(AngleSharp.Dom.IDocument page, string germanName) =>
        (IHtmlFormElement)page.QuerySelectorAll("[data-testid=quals-row]")
            .Single(r => r.QuerySelector("[data-testid=quals-name]")!.TextContent == germanName)
            .QuerySelector("[data-testid=quals-edit-form]")!;

    [Fact]
    public async Task Catalogue_AddsAQualification_ThatIncludesAnother_AndRefusesACycle_AtTheField()
    {
        var office = await app.SignedInAsync(Town, Office);
        var basic = $"Erste Hilfe {Guid.NewGuid():N}"[..20];
        var higher = $"Erste Hilfe Plus {Guid.NewGuid():N}"[..24];
        var basicId = await app.QualificationAsync(Town, basic);

        var key = $"plus-{Guid.NewGuid():N}"[..16];
        var added = await office.SubmitAsync(Page, "[data-testid=quals-add-form]", new Dictionary<string, string>
        {
            ["Input.Key"] = key, ["Input.Names[de]"] = higher, ["Input.Names[ar]"] = "الإسعافات الأولية المتقدمة",
            ["Input.Includes"] = basicId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var higherRow = await app.InTownAsync(Town, db => db.Qualifications.AsNoTracking().SingleAsync(q => q.Key == key));
        Assert.Equal("الإسعافات الأولية المتقدمة", higherRow.Names["ar"]);
        Assert.Equal([basicId], higherRow.IncludesQualificationIds);

        var page = await office.GetPageAsync(Page);
        var cycle = await office.SubmitAsync(EditForm(page, basic), Page, new Dictionary<string, string> { ["Input.Includes"] = higherRow.Id.ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.StatusCode);
        Assert.Contains("selbst", (await Html.ParseAsync(cycle)).FieldError("Input.Includes"));
        Assert.Empty(await app.InTownAsync(Town, db => db.Qualifications.Where(q => q.Id == basicId).Select(q => q.IncludesQualificationIds).SingleAsync()));
    }

    [Fact]
    public async Task Catalogue_RefusesABadOrTakenKey_AndAMissingGermanName()
    {
        var office = await app.SignedInAsync(Town, Office);
        var id = await app.QualificationAsync(Town, "Kinderschutz");
        var taken = await app.InTownAsync(Town, db => db.Qualifications.Where(q => q.Id == id).Select(q => q.Key).SingleAsync());

        var response = await office.SubmitAsync(Page, "[data-testid=quals-add-form]",
            new Dictionary<string, string> { ["Input.Key"] = taken, ["Input.Names[de]"] = "" });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(page.FieldError("Input.Key"));
        Assert.NotNull(page.FieldError("Input.Names[de]"));
        var bad = await office.SubmitAsync(Page, "[data-testid=quals-add-form]",
            new Dictionary<string, string> { ["Input.Key"] = "Erste Hilfe!", ["Input.Names[de]"] = "Erste Hilfe" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }

    [Fact]
    public async Task Confirm_GrantsEachCompletedMember_Once_WithTheCoursesValidity_AndNothingToAPersonWithoutAccount()
    {
        var member = await app.NewMemberAsync(Town, "absolvent");
        var qualification = await app.QualificationAsync(Town, "Erste Hilfe am Kind");
        var (_, run, _) = await app.CourseAsync(Town, [qualification], validMonths: 24, [member], withPersonWithoutAccount: true);
        var office = await app.SignedInAsync(Town, Office);
        var url = $"/coordination/courses/runs/{run}/grants";

        var page = await office.GetPageAsync(url);
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=grants-row]").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(url, "[data-testid=grants-confirm-form]")).StatusCode);
        var officeId = await app.UserIdAsync(Office);
        Assert.Equal(0, await app.InTownServiceAsync<QualificationGrants, int>(Town, g => g.GrantForCompletedAsync(run, officeId)));

        var userId = await app.UserIdAsync(member);
        var grants = await app.InTownAsync(Town, db => db.QualificationGrants.AsNoTracking().Where(g => db.Enrolments.Any(e => e.RunId == run && e.Id == g.SourceEnrolmentId)).ToListAsync());
        var grant = Assert.Single(grants);
        Assert.Equal(userId, grant.UserId);
        Assert.Equal(CourseRules.ValidUntil(grant.GrantedOn, 24), grant.ValidUntil);
        Assert.True(await app.InTownAsync(Town, db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.GrantedQualification && a.Detail!.Contains($"run {run},"))));
        Assert.Null((await office.GetPageAsync(url)).QuerySelector("[data-testid=grants-confirm-form]"));
    }

    [Fact]
    public async Task Confirm_NeverGrantsTheConfirmerTheirOwnCompletion()
    {
        var coordinator = await app.NewMemberAsync(Town, "koord");
        var coordinatorId = await app.UserIdAsync(coordinator);
        await app.InTownAsync(Town, db => db.Memberships.Where(m => m.UserId == coordinatorId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, TownRole.Coordinator)));
        var qualification = await app.QualificationAsync(Town, "Kinderschutz");
        var (_, run, _) = await app.CourseAsync(Town, [qualification], null, [coordinator]);
        var office = await app.SignedInAsync(Town, coordinator);
        var url = $"/coordination/courses/runs/{run}/grants";

        Assert.Null((await office.GetPageAsync(url)).QuerySelector("[data-testid=grants-confirm-form]"));
        Assert.Equal(0, await app.InTownServiceAsync<QualificationGrants, int>(Town, g => g.GrantForCompletedAsync(run, coordinatorId)));
        Assert.False(await app.InTownAsync(Town, db => db.QualificationGrants.AnyAsync(g => g.UserId == coordinatorId)));

        // Another coordinator confirms it.
        var officeId = await app.UserIdAsync(Office);
        Assert.Equal(1, await app.InTownServiceAsync<QualificationGrants, int>(Town, g => g.GrantForCompletedAsync(run, officeId)));
    }

    [Fact]
    public async Task ProviderPage_IsA404_ForAMemberWhoDoesNotManageTheCourse()
    {
        var (_, run, _) = await app.CourseAsync(Town, [await app.QualificationAsync(Town, "Traumasensibel begleiten")], 12, []);
        var stranger = await app.SignedInAsync(Town, await app.NewMemberAsync(Town, "fremd"));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/courses/manage/runs/{run}/grants")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Town, Office)).GetAsync($"/courses/manage/runs/{run}/grants")).StatusCode);
    }

    [Fact]
    public async Task GrantByHand_IsRecordedAndShownOnTheVolunteersOwnPage_ButNotToOneself()
    {
        var volunteer = await app.NewMemberAsync(Town, "helferin");
        var name = $"Sprachpate {Guid.NewGuid():N}"[..18];
        var qualification = await app.QualificationAsync(Town, name);
        var office = await app.SignedInAsync(Town, Office);
        var form = new Dictionary<string, string>
        {
            ["grantUser"] = volunteer, ["grantQualification"] = qualification.ToString(), ["grantOn"] = Today.AddDays(-2).ToString("yyyy-MM-dd"),
            ["grantUntil"] = Today.AddYears(2).ToString("yyyy-MM-dd"),
        };

        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(Page, "[data-testid=quals-grant-form]", form)).StatusCode);
        var own = await office.SubmitAsync(Page, "[data-testid=quals-grant-form]", new Dictionary<string, string>(form) { ["grantUser"] = Office });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.NotNull((await Html.ParseAsync(own)).FieldError("grantUser"));

        var mine = await (await app.SignedInAsync(Town, volunteer)).GetPageAsync("/me/volunteer");
        Assert.Contains(name, mine.QuerySelector("[data-testid=held-qualification]")!.TextContent);
        var officeId = await app.UserIdAsync(Office);
        Assert.False(await app.InTownAsync(Town, db => db.QualificationGrants.AnyAsync(g => g.UserId == officeId && g.QualificationId == qualification)));
    }

    [Fact]
    public async Task Reminder_GoesOutOnce_SixWeeksBeforeTheLapse_WithLinksToTheNextRunsThatRenewIt()
    {
        var volunteer = await app.NewMemberAsync(Town, "erinnert");
        var qualification = await app.QualificationAsync(Town, "Erste Hilfe");
        var (course, _, planned) = await app.CourseAsync(Town, [qualification], 24, []);
        await app.GrantAsync(Town, volunteer, qualification, Today.AddYears(-2), Today.AddDays(30));

        Assert.True(await app.InTownServiceAsync<QualificationReminders, int>(Town, r => r.RemindAsync()) >= 1);
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(volunteer));
        Assert.Contains("Erste Hilfe", mail.Subject);
        Assert.Contains($"/courses/{course}/runs/{planned}", Accounts.LinkIn(mail, $"/courses/{course}/runs/{planned}"));

        Assert.Equal(0, await app.InTownServiceAsync<QualificationReminders, int>(Town, r => r.RemindAsync()));
        await app.MailSettledAsync();
        Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(volunteer)));
    }

    [Fact]
    public async Task OfficeSeesWhatLapsesWithin30Days_ButNotWhatARenewalContinues()
    {
        var lapsing = await app.NewMemberAsync(Town, "laeuftab");
        var renewed = await app.NewMemberAsync(Town, "erneuert");
        var qualification = await app.QualificationAsync(Town, "Kinderschutz");
        await app.GrantAsync(Town, lapsing, qualification, Today.AddYears(-1), Today.AddDays(10));
        await app.GrantAsync(Town, renewed, qualification, Today.AddYears(-1), Today.AddDays(10));
        await app.GrantAsync(Town, renewed, qualification, Today.AddDays(-1), Today.AddYears(2));

        var rows = await app.InTownServiceAsync<QualificationReminders, IReadOnlyList<LapsingGrantRow>>(Town, r => r.ForOfficeAsync("de"));

        Assert.Contains(rows, r => r.Volunteer == lapsing && r.ValidUntil == Today.AddDays(10));
        Assert.DoesNotContain(rows, r => r.Volunteer == renewed);
    }

    [Fact]
    public async Task PotsdamOffice_Gets404_ForErlangensRunGrantsAndQualifications()
    {
        var qualification = await app.QualificationAsync(Town, "Interkulturelle Kompetenz");
        var (_, run, _) = await app.CourseAsync(Town, [qualification], 12, [await app.NewMemberAsync(Town, "kurs")]);
        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");

        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/coordination/courses/runs/{run}/grants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/courses/manage/runs/{run}/grants")).StatusCode);
        var token = (await potsdam.GetPageAsync(Page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Key"] = "gekapert", ["Input.Names[de]"] = "Gekapert" };
        foreach (var handler in new[] { $"Save&id={qualification}", $"Retire&id={qualification}", $"AddCourse&id={qualification}&course=1" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await potsdam.PostAsync($"{Page}?handler={handler}", new FormUrlEncodedContent(form))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.PostAsync($"/coordination/courses/runs/{run}/grants", new FormUrlEncodedContent(form))).StatusCode);
        Assert.Empty(await app.InTownAsync(Town, db => db.QualificationGrants.Where(g => g.SourceEnrolmentId != null && db.Enrolments.Any(e => e.Id == g.SourceEnrolmentId && e.RunId == run)).ToListAsync()));
        Assert.False(await app.InTownAsync(Town, db => db.Qualifications.AnyAsync(q => q.Id == qualification && (q.IsRetired || q.Key == "gekapert"))));
    }
}
