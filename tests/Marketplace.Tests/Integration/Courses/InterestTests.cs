using System.Net;
using Marketplace.Tests.Integration.Coordination;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Tests.Integration.Courses.QualificationSetup;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>
/// The language-course interest register: demand by type × district × day part, recording for people with and without
/// account, referral and the steps after it, the office's notice once per rise to the group size, and privacy.
/// </summary>
[Trait("Category", "Database")]
public sealed class InterestTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";
    private const string Office = "erlangen-koordination";
    private const string Page = "/coordination/courses/interest";

    /// <summary>The demo's interest entries lie in the first three districts; tests that count demand use later ones.</summary>
    private Task<int> DistrictAsync(int index) =>
        app.InTownAsync(Town, db => db.Districts.OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Skip(index).Select(d => d.Id).FirstAsync());

    private static Dictionary<string, string> Form(LanguageCourseType type, int district, string dayParts = "Morning", bool childcare = false) => new()
    {
        ["Input.CourseType"] = type.ToString(), ["Input.DistrictId"] = district.ToString(), ["Input.DayParts"] = dayParts,
        ["Input.ChildcareNeeded"] = childcare ? "true|false" : "false", ["Input.CurrentLevel"] = "A1",
    };

    private async Task<int> RecordForMemberAsync(HttpClient office, LanguageCourseType type, int district, string dayParts = "Morning", bool childcare = false)
    {
        var member = await app.NewMemberAsync(Town, "lerner");
        var response = await office.SubmitAsync(Page, "[data-testid=interest-record-form]",
            new Dictionary<string, string>(Form(type, district, dayParts, childcare)) { ["Person.UserName"] = member });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var userId = await app.UserIdAsync(member);
        return await app.InTownAsync(Town, db => db.LanguageCourseInterests.Where(i => i.Participant!.UserId == userId).Select(i => i.Id).SingleAsync());
    }

    [Fact]
    public async Task Demand_CountsOpenInterest_ByTypeAndDistrict_PerDayPart_WithChildcare()
    {
        var office = await app.SignedInAsync(Town, Office);
        var district = await DistrictAsync(4);
        await RecordForMemberAsync(office, LanguageCourseType.Intensive, district, "Morning|Evening", childcare: true);
        await RecordForMemberAsync(office, LanguageCourseType.Intensive, district, "Morning");
        var withdrawn = await RecordForMemberAsync(office, LanguageCourseType.Intensive, district, "Weekend");
        await app.InTownServiceAsync<LanguageCourseDemand, InterestOutcome>(Town, async d => await d.MoveAsync(withdrawn, InterestStatus.Withdrawn, await app.UserIdAsync(Office)));

        var row = (await office.GetPageAsync(Page)).QuerySelector($"[data-testid=demand-row][data-type=Intensive][data-district='{district}']")!;

        Assert.Equal("2", row.QuerySelector("[data-testid=demand-open]")!.TextContent);
        Assert.Equal("2", row.QuerySelector("[data-testid=demand-morning]")!.TextContent);
        Assert.Equal("1", row.QuerySelector("[data-testid=demand-evening]")!.TextContent);
        Assert.Equal("0", row.QuerySelector("[data-testid=demand-weekend]")!.TextContent);
        Assert.Equal("1", row.QuerySelector("[data-testid=demand-childcare]")!.TextContent);
    }

    [Fact]
    public async Task ThePersonWithoutAccount_IsRecordedWithAReferenceCode_AndABadFormIsRefusedAtTheField()
    {
        var office = await app.SignedInAsync(Town, Office);
        var district = await DistrictAsync(0);
        var name = $"Amal {Guid.NewGuid():N}"[..14];

        var response = await office.SubmitAsync(Page, "[data-testid=interest-record-form]",
            new Dictionary<string, string>(Form(LanguageCourseType.Literacy, district)) { ["Person.Name"] = name, ["Person.Culture"] = "ar" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await app.InTownAsync(Town, db => db.LanguageCourseInterests.Where(i => i.Participant!.Name == name).Select(i => i.Participant!).SingleAsync());
        Assert.NotNull(person.ReferenceCode);
        Assert.Equal("ar", person.Culture);

        var bad = await office.SubmitAsync(Page, "[data-testid=interest-record-form]",
            new Dictionary<string, string>(Form(LanguageCourseType.Literacy, district)) { ["Person.Name"] = "X", ["Person.ReferenceCode"] = "ABCD2345", ["Input.Since"] = "2999-01-01" });
        var page = await Html.ParseAsync(bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.NotNull(page.FieldError("Person.UserName"));
        Assert.NotNull(page.FieldError("Input.Since"));
    }

    [Fact]
    public async Task Referral_ToAPlannedRunOfTheType_ThenRegisteredStartedCompleted_AndNoStepOutOfOrder()
    {
        var office = await app.SignedInAsync(Town, Office);
        var id = await RecordForMemberAsync(office, LanguageCourseType.Youth, await DistrictAsync(0));
        var run = await app.InTownAsync(Town, async db =>
        {
            var course = new Course { Kind = CourseKind.LanguageCourse, LanguageCourseType = LanguageCourseType.Youth, Title = "Jugendintegrationskurs A1", CreatedAt = DateTimeOffset.UtcNow };
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            var planned = new CourseRun
            {
                CourseId = course.Id, StartsOn = Today.AddDays(30), EndsOn = Today.AddDays(200), IsOnline = true, MinParticipants = 1, MaxParticipants = 20,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.CourseRuns.Add(planned);
            await db.SaveChangesAsync();
            return planned.Id;
        });
        var row = (await office.GetPageAsync(Page)).QuerySelector($"[data-testid=interest-row][data-interest-id='{id}']")!;
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("[data-testid=interest-refer-form]")!, Page,
            new Dictionary<string, string> { ["run"] = run.ToString() })).StatusCode);

        foreach (var expected in new[] { InterestStatus.Registered, InterestStatus.Started, InterestStatus.Completed })
        {
            var page = await office.GetPageAsync($"{Page}?status={await StatusAsync(id)}");
            var next = page.QuerySelector($"[data-testid=interest-row][data-interest-id='{id}'] [data-testid=interest-next]")!;
            Assert.Equal(HttpStatusCode.Redirect, (await office.PressAsync(next, Page)).StatusCode);
            Assert.Equal(expected, await StatusAsync(id));
        }

        var token = (await office.GetPageAsync(Page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var backwards = await office.PostAsync($"{Page}?handler=Move&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["to"] = nameof(InterestStatus.Started),
        }));
        Assert.Equal(HttpStatusCode.Conflict, backwards.StatusCode);
        Assert.Equal(InterestStatus.Completed, await StatusAsync(id));
        Assert.Equal(run, await app.InTownAsync(Town, db => db.LanguageCourseInterests.Where(i => i.Id == id).Select(i => i.ReferredRunId).SingleAsync()));
    }

    private Task<InterestStatus> StatusAsync(int id) => app.InTownAsync(Town, db => db.LanguageCourseInterests.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());

    [Fact]
    public async Task ReachingTheGroupSize_TellsTheOfficeOnce_AndAgainOnlyAfterItFellBelow()
    {
        var admin = await app.SignedInAsync(Town, "erlangen-admin");
        var sizes = (AngleSharp.Html.Dom.IHtmlFormElement)(await admin.GetPageAsync("/coordination/courses/interest/group-sizes")).QuerySelector("[data-testid=group-sizes-form]")!;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(sizes, "/coordination/courses/interest/group-sizes",
            new Dictionary<string, string> { ["Sizes[ParentsWomen]"] = "2" })).StatusCode);
        var office = await app.SignedInAsync(Town, Office);
        var district = await DistrictAsync(5);
        var districtName = await app.InTownAsync(Town, db => db.Districts.Where(d => d.Id == district).Select(d => d.Name).SingleAsync());
        var mailbox = DemoData.EmailOf(Office);
        // The demo's own parents' course interest reaches the lowered size too, in other districts: count this district's.
        int Notices() => app.Smtp.MessagesTo(mailbox).Count(m => m.Subject?.Contains("Eltern") == true && m.Subject.Contains(districtName));

        var first = await RecordForMemberAsync(office, LanguageCourseType.ParentsWomen, district);
        await app.MailSettledAsync();
        Assert.Equal(0, Notices());
        var second = await RecordForMemberAsync(office, LanguageCourseType.ParentsWomen, district);
        await app.MailSettledAsync();
        Assert.Equal(1, Notices());
        await RecordForMemberAsync(office, LanguageCourseType.ParentsWomen, district);
        await app.InTownServiceAsync<LanguageCourseDemand, int>(Town, d => d.NotifyReachedAsync());
        await app.MailSettledAsync();
        Assert.Equal(1, Notices());

        var officeId = await app.UserIdAsync(Office);
        await app.InTownServiceAsync<LanguageCourseDemand, InterestOutcome>(Town, d => d.MoveAsync(first, InterestStatus.Withdrawn, officeId));
        await app.InTownServiceAsync<LanguageCourseDemand, InterestOutcome>(Town, d => d.MoveAsync(second, InterestStatus.Withdrawn, officeId));
        await RecordForMemberAsync(office, LanguageCourseType.ParentsWomen, district);
        await app.MailSettledAsync();
        Assert.Equal(2, Notices());
    }

    [Fact]
    public async Task AMember_SeesAndWithdrawsOnlyTheirOwnInterest()
    {
        var own = await app.NewMemberAsync(Town, "eigen");
        var other = await app.NewMemberAsync(Town, "andere");
        var mine = await app.SignedInAsync(Town, own);
        var district = await DistrictAsync(0);
        Assert.Equal(HttpStatusCode.Redirect, (await mine.SubmitAsync("/me/courses/interest", "[data-testid=own-interest-form]",
            Form(LanguageCourseType.VolunteerRun, district))).StatusCode);
        var ownId = await app.InTownAsync(Town, async db =>
        {
            var userId = await db.Users.Where(u => u.UserName == own).Select(u => u.Id).SingleAsync();
            return await db.LanguageCourseInterests.Where(i => i.Participant!.UserId == userId).Select(i => i.Id).SingleAsync();
        });
        Assert.Single((await mine.GetPageAsync("/me/courses/interest")).QuerySelectorAll("[data-testid=own-interest-row]"));

        var theirs = await app.SignedInAsync(Town, other);
        var page = await theirs.GetPageAsync("/me/courses/interest");
        Assert.Empty(page.QuerySelectorAll("[data-testid=own-interest-row]"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var steal = await theirs.PostAsync($"/me/courses/interest?handler=Withdraw&id={ownId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, steal.StatusCode);
        Assert.Equal(InterestStatus.Open, await StatusAsync(ownId));
        Assert.Equal(HttpStatusCode.Forbidden, (await mine.GetAsync(Page)).StatusCode);

        var withdraw = (await mine.GetPageAsync("/me/courses/interest")).QuerySelector("[data-testid=own-interest-withdraw]")!;
        Assert.Equal(HttpStatusCode.Redirect, (await mine.PressAsync(withdraw, "/me/courses/interest")).StatusCode);
        Assert.Equal(InterestStatus.Withdrawn, await StatusAsync(ownId));
    }

    [Fact]
    public async Task PotsdamOffice_Gets404_ForErlangensInterestEntries_AndChangesNothing()
    {
        var id = await RecordForMemberAsync(await app.SignedInAsync(Town, Office), LanguageCourseType.Integration, await DistrictAsync(0));
        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");
        var token = (await potsdam.GetPageAsync(Page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var handler in new[] { $"Move&id={id}&to=Withdrawn", $"Refer&id={id}&run=1" })
        {
            var response = await potsdam.PostAsync($"{Page}?handler={handler}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var me = await potsdam.PostAsync($"/me/courses/interest?handler=Withdraw&id={id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, me.StatusCode);
        Assert.Equal(InterestStatus.Open, await StatusAsync(id));
        Assert.DoesNotContain(id.ToString(), (await potsdam.GetPageAsync($"{Page}?status=Open")).QuerySelectorAll("[data-testid=interest-row]").Select(r => r.GetAttribute("data-interest-id")));
    }
}
