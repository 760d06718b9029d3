using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

/// <summary>The courses issue's whole path, as its people click it: provider, three members, the office.</summary>
[Trait("Category", "Browser")]
public sealed class CourseFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Town = "erlangen";

    /// <summary>The whole browser suite runs at once on two cores; the outbox may take longer than a quiet machine's seconds.</summary>
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);

    /// <summary>Mail links name the configured public host; the browser reaches the test server on its own port.</summary>
    private string OnTestServer(string url) => app.TownUrl(Town, new Uri(url).PathAndQuery);

    private static bool HasLink(MimeKit.MimeMessage mail, string path) => (mail.TextBody ?? "").Contains(path, StringComparison.Ordinal);

    [Fact]
    public async Task A_provider_fills_a_run_of_two_the_list_moves_by_mail_the_roll_call_completes_it_the_certificate_verifies_and_the_qualification_opens_matching()
    {
        var provider = await app.NewMemberAsync(Town, "kp");
        var first = await app.NewMemberAsync(Town, "k1");
        var second = await app.NewMemberAsync(Town, "k2");
        var third = await app.NewMemberAsync(Town, "k3");
        var requester = await app.NewMemberAsync(Town, "kr");
        var qualificationKey = $"begleitung-{Guid.NewGuid():N}"[..24];
        var (categoryId, thirdId) = await app.InTownAsync(Town, async db =>
        {
            var providerId = await db.Users.Where(u => u.UserName == provider).Select(u => u.Id).SingleAsync();
            var organisation = new Organisation
            {
                Type = OrganisationType.CourseProvider, Name = $"Sprachschule {Guid.NewGuid():N}"[..24], Description = "Kurse für Ehrenamtliche.",
                Status = OrganisationStatus.Approved, CreatedAt = DateTimeOffset.UtcNow,
            };
            organisation.Members.Add(new OrganisationMember { UserId = providerId, Role = OrganisationRole.Admin, JoinedAt = DateTimeOffset.UtcNow });
            db.Organisations.Add(organisation);
            db.Qualifications.Add(new Qualification { Key = qualificationKey, Names = TranslatedText.InGerman("Begleitung mit Kompetenz") });
            await db.SaveChangesAsync();
            var category = await db.Categories.Where(c => c.Key == "behoerden").Select(c => c.Id).SingleAsync();
            var volunteer = await db.Users.Where(u => u.UserName == third).Select(u => u.Id).SingleAsync();
            db.VolunteerProfiles.Add(new VolunteerProfile
            {
                UserId = volunteer, SkillCategoryIds = [category], Languages = ["de:Native"], HoursPerMonth = 4,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return (category, volunteer);
        });

        // The provider creates the course and one run with two seats.
        var desk = await app.SignedInPageAsync(Town, provider);
        await desk.GotoAsync(app.TownUrl(Town, "/courses/manage/new"));
        var title = $"Sicher begleiten {Guid.NewGuid():N}"[..26];
        await desk.GetByTestId("course-title-input").FillAsync(title);
        await desk.GetByTestId("kind-VolunteerQualification").CheckAsync();
        await desk.GetByTestId("course-units-input").FillAsync("4");
        await desk.GetByTestId("course-save").ClickAsync();
        await desk.GetByTestId("new-run").ClickAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        await desk.GetByTestId("run-starts-on").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await desk.GetByTestId("run-ends-on").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await desk.GetByTestId($"weekday-{day.DayOfWeek}").CheckAsync();
        await desk.Locator("#Input_StartsAt").FillAsync("18:00");
        await desk.Locator("#Input_EndsAt").FillAsync("21:00");
        await desk.Locator("#Input_UnitsPerMeeting").FillAsync("4");
        await desk.GetByTestId("run-place-select").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await desk.GetByTestId("run-min").FillAsync("1");
        await desk.GetByTestId("run-max").FillAsync("2");
        await desk.GetByTestId("run-save").ClickAsync();
        await desk.WaitForURLAsync("**/courses/manage/runs/*/edit");
        var (courseId, runId) = await app.InTownAsync(Town, async db =>
        {
            var run = await db.CourseRuns.Where(r => r.Course!.Title == title).Select(r => new { r.CourseId, r.Id }).SingleAsync();
            return (run.CourseId, run.Id);
        });
        await app.InTownAsync(Town, async db =>
        {
            var qualification = await db.Qualifications.Where(q => q.Key == qualificationKey).Select(q => q.Id).SingleAsync();
            db.CourseQualifications.Add(new CourseQualification { CourseId = courseId, QualificationId = qualification });
            db.CategoryQualifications.Add(new CategoryQualification { CategoryId = categoryId, QualificationId = qualification });
            return await db.SaveChangesAsync();
        });

        // Three members enrol: two seated, the third on the waiting list.
        var runUrl = app.TownUrl(Town, $"/courses/{courseId}/runs/{runId}");
        foreach (var member in new[] { first, second, third })
        {
            var page = await app.SignedInPageAsync(Town, member);
            await page.GotoAsync(runUrl);
            await page.GetByTestId("enrol").ClickAsync();
            if (member == third)
            {
                await Expect(page.GetByTestId("waitlist-position")).ToHaveTextAsync("1");
            }
            else
            {
                await Expect(page.GetByTestId("my-seat")).ToBeVisibleAsync();
            }

            await page.Context.CloseAsync();
        }

        // The first gives the seat back from the enrolment mail, without logging in.
        var enrolled = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(first), m => HasLink(m, "/courses/cancel/"), MailWait);
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync(OnTestServer(Accounts.LinkIn(enrolled, "/courses/cancel/")));
        await visitor.GetByTestId("cancel-confirm").ClickAsync();
        await Expect(visitor.GetByTestId("cancel-done")).ToBeVisibleAsync();

        // The third gets the offer by mail and takes the seat by its link.
        var offer = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(third), m => HasLink(m, "/courses/offers/"), MailWait);
        await visitor.GotoAsync(OnTestServer(Accounts.LinkIn(offer, "/courses/offers/")));
        await Expect(visitor.GetByTestId("seat-offer")).ToBeVisibleAsync();
        await visitor.GetByTestId("offer-accept").ClickAsync();
        await Expect(visitor.GetByTestId("offer-done")).ToBeVisibleAsync();

        // The evening has come and gone.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await app.InTownAsync(Town, async db =>
        {
            await db.CourseMeetings.Where(m => m.RunId == runId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Date, yesterday));
            return await db.CourseRuns.Where(r => r.Id == runId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.StartsOn, yesterday).SetProperty(r => r.EndsOn, yesterday));
        });

        // The provider takes the roll call on the run desk and records completion.
        await desk.GotoAsync(app.TownUrl(Town, $"/courses/manage/runs/{runId}"));
        await desk.GetByTestId("roll-call-link").First.ClickAsync();
        var rollCall = desk.GetByTestId("roll-call");
        await Expect(rollCall.GetByTestId("roll-call-person")).ToHaveCountAsync(2);
        foreach (var present in await rollCall.GetByTestId("roll-call-present").AllAsync())
        {
            await present.CheckAsync();
        }

        await desk.GetByTestId("roll-call-save").ClickAsync();
        await Expect(desk.GetByTestId("roll-call-done")).ToBeVisibleAsync();
        await desk.GotoAsync(app.TownUrl(Town, $"/courses/manage/runs/{runId}"));
        await desk.GetByTestId("completion-record").ClickAsync();
        await Expect(desk.GetByTestId("certificate")).ToHaveCountAsync(2);

        // The certificate's QR code leads to a public page that verifies it, showing initials only.
        var code = await app.InTownAsync(Town, db => db.Enrolments
            .Where(e => e.RunId == runId && e.Participant!.UserId == thirdId).Select(e => e.CertificateCode).SingleAsync());
        await visitor.GotoAsync(app.TownUrl(Town, $"/verify/{code}"));
        await Expect(visitor.GetByTestId("verify-valid")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("verify-course")).ToContainTextAsync(title);
        await Expect(visitor.GetByTestId("verify")).Not.ToContainTextAsync(third);

        // Before the grant the category holds the volunteer back; the provider confirms the grant, and the office is offered them.
        var requestId = await app.CreateListingAsync(Town, requester, ListingType.Request, $"Begleitung zum Amt {Guid.NewGuid():N}"[..30], "behoerden");
        var office = await app.SignedInPageAsync(Town, "erlangen-koordination");
        await office.GotoAsync(app.TownUrl(Town, $"/coordination/requests/{requestId}"));
        await Expect(office.GetByTestId("suggestion").Filter(new() { HasText = third })).ToHaveCountAsync(0);

        await desk.GetByTestId("run-desk-grants").ClickAsync();
        await desk.GetByTestId("grants-confirm").ClickAsync();
        // The status cell shows before the confirmation too; the button leaves once nothing is pending any more.
        await Expect(desk.GetByTestId("grants-confirm")).ToHaveCountAsync(0);

        await office.GotoAsync(app.TownUrl(Town, $"/coordination/requests/{requestId}"));
        await Expect(office.GetByTestId("suggestion").Filter(new() { HasText = third })).ToBeVisibleAsync();

        await desk.Context.CloseAsync();
        await visitor.Context.CloseAsync();
        await office.Context.CloseAsync();
    }
}
