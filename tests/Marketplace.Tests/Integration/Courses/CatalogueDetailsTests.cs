using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Ical.Net;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>The course page, a run's iCal file and the Atom feed, and that none of them exists in another town.</summary>
[Trait("Category", "Database")]
public sealed class CatalogueDetailsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";

    [Fact]
    public async Task CoursePage_ShowsTheCourse_AndEachRunWithMeetingsSeatsAndLinks()
    {
        var admin = await app.NewMemberAsync(Town, "ca");
        var provider = await app.CreateOrganisationAsync(Town, admin, OrganisationSetup.UniqueName("VHS"), OrganisationStatus.Approved, OrganisationType.Initiative);
        var (course, run) = await app.CourseAsync(Town, "Erste Hilfe für Ehrenamtliche", c =>
        {
            c.Kind = CourseKind.VolunteerQualification;
            c.LanguageCourseType = null;
            c.TargetLevel = null;
            c.Topic = "Erste Hilfe";
            c.Description = "Ein Tag **Praxis**.";
            c.TeachingUnits = 9;
            c.InstructionLanguages = ["de", "ar"];
            c.AccessibilityNote = "Rollstuhlgerecht";
            c.ChildcareOffered = true;
            c.ChildcareNote = "Für Kinder ab 3";
            c.FeeCents = 1_250;
            c.ContactEmail = "kurse@vhs.example";
        }, providerId: provider);
        await app.SeatAsync(Town, run, 2);

        var page = await app.TownClient(Town).GetPageAsync($"/courses/{course}");

        Assert.Equal("Erste Hilfe für Ehrenamtliche", page.TestId("course-title"));
        Assert.Contains("VHS", page.TestId("course-provider"));
        Assert.Equal("Praxis", page.QuerySelector("[data-testid=course-description] strong")!.TextContent);
        Assert.Equal("9 UE", page.TestId("course-units"));
        Assert.Contains("العربية", page.TestId("course-languages"));
        Assert.Contains("12,50 EUR", page.TestId("course-fee"));
        Assert.Contains("Für Kinder ab 3", page.TestId("course-childcare"));
        Assert.Equal("Rollstuhlgerecht", page.TestId("course-accessibility"));
        Assert.Contains("kurse@vhs.example", page.TestId("course-contact"));
        var section = Assert.Single(page.QuerySelectorAll("[data-testid=course-run]"));
        Assert.Equal("3 bis 12 Teilnehmende", section.QuerySelector("[data-testid=run-size]")!.TextContent.Trim());
        Assert.Equal("10 frei", section.QuerySelector("[data-testid=run-seats]")!.TextContent.Trim());
        Assert.Contains("Stadtteilhaus", section.QuerySelector("[data-testid=run-place]")!.TextContent);
        Assert.NotEmpty(section.QuerySelectorAll("[data-testid=run-meeting]"));
        Assert.Equal($"/courses/{course}/runs/{run}", section.QuerySelector("[data-testid=run-enrol-link]")!.GetAttribute("href"));
        Assert.Equal($"/courses/{course}/runs/{run}/calendar.ics", section.QuerySelector("[data-testid=run-ical]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=course-edit]"));
    }

    [Fact]
    public async Task WithdrawnCourse_Is404ForThePublic_AndVisibleToTheOffice()
    {
        var (course, run) = await app.CourseAsync(Town, "Zurückgezogener Kurs", c => c.IsWithdrawn = true);

        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient(Town).GetAsync($"/courses/{course}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient(Town).GetAsync($"/courses/{course}/runs/{run}/calendar.ics")).StatusCode);
        var office = await app.SignedInAsync(Town, "erlangen-koordination");
        var page = await office.GetPageAsync($"/courses/{course}");
        Assert.NotNull(page.QuerySelector("[data-testid=course-withdrawn]"));
        Assert.NotNull(page.QuerySelector("[data-testid=course-edit]"));
    }

    [Fact]
    public async Task Ical_ParsesWithIcalNet_AndHoldsEveryMeetingAtLocalTimeInTheTownsZone()
    {
        var (course, run) = await app.CourseAsync(Town, "Kalenderkurs");
        var meetings = await app.InTownAsync(Town, db => Task.FromResult(db.CourseMeetings.Where(m => m.RunId == run).OrderBy(m => m.Date).ToList()));

        var response = await app.TownClient(Town).GetAsync($"/courses/{course}/runs/{run}/calendar.ics");
        var again = await app.TownClient(Town).GetStringAsync($"/courses/{course}/runs/{run}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(meetings.Count, calendar.Events.Count);
        var first = calendar.Events.OrderBy(e => e.DtStart!.Value).First();
        Assert.Equal("Kalenderkurs", first.Summary);
        Assert.Equal("Europe/Berlin", first.DtStart!.TzId);
        Assert.Equal(meetings[0].Date.ToDateTime(meetings[0].StartsAt), first.DtStart.Value);
        Assert.Equal(meetings[0].Date.ToDateTime(meetings[0].EndsAt), first.DtEnd!.Value);
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), Calendar.Load(again)!.Events.Select(e => e.Uid).Order());
        Assert.Equal(meetings.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public async Task Feed_IsAtom_WithTheNewestCourses_ButNotWithdrawnOnes()
    {
        var (course, _) = await app.CourseAsync(Town, "Neu im Feed");
        var (withdrawn, _) = await app.CourseAsync(Town, "Nicht im Feed", c => c.IsWithdrawn = true);

        var response = await app.TownClient(Town).GetAsync("/courses/feed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        Assert.Contains(feed.Items, i => i.Title.Text == "Neu im Feed" && i.Links.Any(l => l.Uri.AbsolutePath == $"/courses/{course}"));
        Assert.DoesNotContain(feed.Items, i => i.Links.Any(l => l.Uri.AbsolutePath == $"/courses/{withdrawn}"));
    }

    [Fact]
    public async Task EveryCataloguePage_OfErlangen_Is404OnPotsdam()
    {
        var (course, run) = await app.CourseAsync(Town, "Nur in Erlangen", c => c.Topic = "Erlangen-Thema");
        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");
        var anonymous = app.TownClient("potsdam");

        foreach (var path in new[] { $"/courses/{course}", $"/courses/{course}/runs/{run}/calendar.ics", $"/courses/manage/{course}",
                     $"/courses/manage/{course}/runs/new", $"/courses/manage/runs/{run}/edit" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/courses/{course}")).StatusCode);
        Assert.DoesNotContain($"/courses/{course}\"", await anonymous.GetStringAsync("/courses/feed"));
        Assert.DoesNotContain(course, await anonymous.CourseIdsAsync("/courses?topic=Erlangen-Thema"));
        var fragment = await anonymous.HtmxAsync(HttpMethod.Get, "/courses?topic=Erlangen-Thema");
        Assert.DoesNotContain("Nur in Erlangen", await fragment.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Erlangen-Thema", await anonymous.GetStringAsync("/courses"));
    }

    [Fact]
    public async Task OrganisationPage_ListsItsCourses()
    {
        var admin = await app.NewMemberAsync(Town, "co");
        var provider = await app.CreateOrganisationAsync(Town, admin, OrganisationSetup.UniqueName("Träger"), OrganisationStatus.Approved);
        var (course, _) = await app.CourseAsync(Town, "Kurs des Trägers", providerId: provider);
        await app.CourseAsync(Town, "Zurückgezogen beim Träger", c => c.IsWithdrawn = true, providerId: provider);

        var page = await app.TownClient(Town).GetPageAsync($"/organisations/{provider}");

        var link = Assert.Single(page.QuerySelectorAll("[data-testid=org-courses] a"));
        Assert.Equal($"/courses/{course}", link.GetAttribute("href"));
    }
}
