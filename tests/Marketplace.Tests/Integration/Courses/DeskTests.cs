using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Tests.Integration.Hours;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Courses;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>The office's course desk, the run desk with its roll call and exports, completion, certificates and their public check.</summary>
[Trait("Category", "Database")]
public sealed class DeskTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";
    private const string Office = "erlangen-koordination";

    /// <summary>A provider with an admin (manager) and a member (teacher), and a member of the town who has nothing to do with it.</summary>
    private async Task<(int Provider, string Manager, string Teacher, string Other)> ProviderAsync()
    {
        var manager = await app.NewMemberAsync(Town, "cm");
        var teacher = await app.NewMemberAsync(Town, "ct");
        var other = await app.NewMemberAsync(Town, "co");
        var provider = await app.CreateOrganisationAsync(Town, manager, OrganisationSetup.UniqueName("VHS"), OrganisationStatus.Approved,
            OrganisationType.WelfareProvider);
        await app.AddMemberAsync(Town, provider, teacher, OrganisationRole.Member);
        return (provider, manager, teacher, other);
    }

    private static string RollCallUrl(DeskSetup.RunSetup run, int meeting) => $"/courses/manage/runs/{run.RunId}/meetings/{meeting}/roll-call";

    private static Dictionary<string, string> Marks(params (int Enrolment, AttendanceMark Mark)[] marks) =>
        marks.ToDictionary(m => $"Marks[{m.Enrolment}]", m => m.Mark.ToString());

    [Fact]
    public async Task Overview_ListsTheTownsRuns_WithSeatsAndMinimum_AndAnswersHtmxWithTheListOnly()
    {
        var (provider, _, _, _) = await ProviderAsync();
        var run = await app.RunAsync(Town, provider, [(20, 4), (27, 4)], min: 3, max: 8);
        foreach (var i in Enumerable.Range(0, 2))
        {
            await app.SeatAsync(Town, run.RunId, $"Person {i}", withoutAccount: true);
        }

        var office = await app.SignedInAsync(Town, Office);
        var page = await office.GetPageAsync($"/coordination/courses?provider={provider}");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=course-desk-run]"));
        Assert.Equal(run.RunId.ToString(), row.GetAttribute("data-run-id"));
        Assert.Equal("2 / 8", row.QuerySelector("[data-testid=course-desk-seated]")!.TextContent.Trim());
        Assert.Equal("0", row.QuerySelector("[data-testid=course-desk-waiting]")!.TextContent.Trim());
        Assert.Equal("false", row.QuerySelector("[data-testid=course-desk-minimum]")!.GetAttribute("data-reached"));

        var request = new HttpRequestMessage(HttpMethod.Get, $"/coordination/courses?provider={provider}&within=30");
        request.Headers.Add("HX-Request", "true");
        var fragment = await Html.ParseAsync(await office.SendAsync(request));
        Assert.Null(fragment.QuerySelector("h1"));
        Assert.Single(fragment.QuerySelectorAll("#course-runs [data-testid=course-desk-run]"));

        var later = await office.GetPageAsync($"/coordination/courses?provider={provider}&within=14");
        Assert.Empty(later.QuerySelectorAll("[data-testid=course-desk-run]"));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Town, (await ProviderAsync()).Manager)).GetAsync("/coordination/courses")).StatusCode);
    }

    [Fact]
    public async Task RollCall_TeacherAndManagerTakeIt_CorrectionsOverwrite_AnyoneElseGets404()
    {
        var (provider, manager, teacher, other) = await ProviderAsync();
        var run = await app.RunAsync(Town, provider, [(-1, 4), (6, 4)]);
        var amira = await app.SeatAsync(Town, run.RunId, "Amira Haddad", withoutAccount: true);
        var jonas = await app.SeatAsync(Town, run.RunId, "Jonas Weber", withoutAccount: true);
        var url = RollCallUrl(run, run.MeetingIds[0]);

        var teacherClient = await app.SignedInAsync(Town, teacher);
        var form = await teacherClient.GetPageAsync(url);
        Assert.Equal(2, form.QuerySelectorAll("[data-testid=roll-call] [data-testid=roll-call-person]").Length);
        var saved = await teacherClient.SubmitAsync(url, "[data-testid=roll-call]", Marks((amira, AttendanceMark.Present), (jonas, AttendanceMark.Absent)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var managerClient = await app.SignedInAsync(Town, manager);
        var page = await managerClient.GetPageAsync(url);
        var htmx = await managerClient.HtmxSubmitAsync(page.QuerySelector<IHtmlFormElement>("[data-testid=roll-call]")!, Marks((jonas, AttendanceMark.Excused)));
        Assert.Equal(HttpStatusCode.OK, htmx.StatusCode);
        Assert.Contains("roll-call-done", await htmx.Content.ReadAsStringAsync());

        var rows = await app.InTownAsync(Town, db => db.Attendances.Where(a => a.MeetingId == run.MeetingIds[0]).OrderBy(a => a.EnrolmentId).ToListAsync());
        Assert.Equal([(amira, AttendanceMark.Present), (jonas, AttendanceMark.Excused)], rows.Select(r => (r.EnrolmentId, r.Mark)));

        var otherClient = await app.SignedInAsync(Town, other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/courses/manage/runs/{run.RunId}")).StatusCode);
        var token = await otherClient.TokenAsync("/me");
        var forged = await otherClient.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(Marks((amira, AttendanceMark.Absent)))
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(AttendanceMark.Present, await app.InTownAsync(Town, db => db.Attendances.Where(a => a.EnrolmentId == amira).Select(a => a.Mark).SingleAsync()));

        // The teacher sees the people but may not export them.
        Assert.Contains("Amira Haddad", (await teacherClient.GetPageAsync($"/courses/manage/runs/{run.RunId}")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await teacherClient.GetAsync($"/courses/manage/runs/{run.RunId}?handler=Csv")).StatusCode);

        // Another town's member: 404 on the same addresses.
        var potsdam = await app.SignedInAsync("potsdam", await app.NewMemberAsync("potsdam", "px"));
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task AttendanceRates_AreAttendedOverPlannedUnits_AndTheExportsCarryThem_AuditLogged()
    {
        var (provider, manager, _, _) = await ProviderAsync();
        var run = await app.RunAsync(Town, provider, [(-8, 3), (-1, 1)]);
        var full = await app.SeatAsync(Town, run.RunId, "Amira Haddad", withoutAccount: true);
        var part = await app.SeatAsync(Town, run.RunId, "=HYPERLINK(\"x\")", withoutAccount: true);
        var client = await app.SignedInAsync(Town, manager);
        await client.SubmitAsync(RollCallUrl(run, run.MeetingIds[0]), "[data-testid=roll-call]", Marks((full, AttendanceMark.Present), (part, AttendanceMark.Present)));
        await client.SubmitAsync(RollCallUrl(run, run.MeetingIds[1]), "[data-testid=roll-call]", Marks((full, AttendanceMark.Present), (part, AttendanceMark.Absent)));

        var desk = await client.GetPageAsync($"/courses/manage/runs/{run.RunId}");
        var rates = desk.QuerySelectorAll("[data-testid=run-desk-person-rate]").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(["4 von 4 UE (100 %)", "3 von 4 UE (75 %)"], rates);

        var csvResponse = await client.GetAsync($"/courses/manage/runs/{run.RunId}?handler=Csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        Assert.Contains("Amira Haddad;anwesend;anwesend;4;4;100", csv);
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(";=HYPERLINK", csv);
        Assert.DoesNotContain("\n=HYPERLINK", csv);

        var pdf = await client.GetAsync($"/coordination/courses/runs/{run.RunId}?handler=Pdf");
        Assert.Equal(HttpStatusCode.Forbidden, pdf.StatusCode);
        var office = await app.SignedInAsync(Town, Office);
        pdf = await office.GetAsync($"/coordination/courses/runs/{run.RunId}?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Extract(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Anwesenheitsliste", text);
        Assert.Contains("Amira Haddad", text);
        Assert.Contains("3 von 4 UE (75 %)", text);

        var audited = await app.InTownAsync(Town, db => db.AuditEntries.Where(a => a.Action == AuditAction.ExportedAttendance && a.SubjectId == run.RunId.ToString())
            .Select(a => a.Detail).ToListAsync());
        Assert.Equal(2, audited.Count);
    }

    [Fact]
    public async Task Completion_IsRecordedOnceAfterTheLastMeeting_WithACodeForThoseWhoMetTheRule()
    {
        var (provider, manager, teacher, _) = await ProviderAsync();
        var run = await app.RunAsync(Town, provider, [(-8, 3), (-1, 1)]);
        var full = await app.SeatAsync(Town, run.RunId, "Amira Haddad", withoutAccount: true);
        var part = await app.SeatAsync(Town, run.RunId, "Jonas Weber", withoutAccount: true);
        var client = await app.SignedInAsync(Town, manager);
        await client.SubmitAsync(RollCallUrl(run, run.MeetingIds[0]), "[data-testid=roll-call]", Marks((full, AttendanceMark.Present), (part, AttendanceMark.Present)));
        await client.SubmitAsync(RollCallUrl(run, run.MeetingIds[1]), "[data-testid=roll-call]", Marks((full, AttendanceMark.Present), (part, AttendanceMark.Excused)));
        var deskUrl = $"/courses/manage/runs/{run.RunId}";

        Assert.Null((await (await app.SignedInAsync(Town, teacher)).GetPageAsync(deskUrl)).QuerySelector("[data-testid=completion-record]"));
        var recorded = await client.SubmitAsync(deskUrl, "[data-testid=completion-form]");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var enrolments = await app.InTownAsync(Town, db => db.Enrolments.Where(e => e.RunId == run.RunId).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([EnrolmentStatus.Completed, EnrolmentStatus.NotCompleted], enrolments.Select(e => e.Status));
        Assert.Matches($"^[A-Z2-9]{{{Enrolment.CertificateCodeLength}}}$", enrolments[0].CertificateCode);
        Assert.Null(enrolments[1].CertificateCode);
        Assert.Equal(CourseRunStatus.Completed, await app.InTownAsync(Town, db => db.CourseRuns.Where(r => r.Id == run.RunId).Select(r => r.Status).SingleAsync()));

        await using (var scope = await app.TownScopeAsync(Town))
        {
            var completion = scope.ServiceProvider.GetRequiredService<CourseCompletion>();
            Assert.Equal([full], (await completion.CompletedEnrolmentsAsync(run.RunId)).Select(c => c.EnrolmentId));
            Assert.Equal(CompletionOutcome.AlreadyRecorded, await completion.RecordAsync(run.RunId, new HashSet<int>(), await app.UserIdAsync(manager)));
        }

        var token = await client.TokenAsync(deskUrl);
        var again = await client.PostAsync($"{deskUrl}?handler=Complete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var after = await app.InTownAsync(Town, db => db.Enrolments.Where(e => e.RunId == run.RunId).OrderBy(e => e.Id).Select(e => e.CertificateCode).ToListAsync());
        Assert.Equal(enrolments.Select(e => e.CertificateCode), after);

        // A run whose last meeting is still ahead cannot be completed.
        var running = await app.RunAsync(Town, provider, [(-1, 2), (5, 2)]);
        await app.SeatAsync(Town, running.RunId, "Lea Sommer", withoutAccount: true);
        await using (var scope = await app.TownScopeAsync(Town))
        {
            Assert.Equal(CompletionOutcome.TooEarly,
                await scope.ServiceProvider.GetRequiredService<CourseCompletion>().RecordAsync(running.RunId, new HashSet<int>(), await app.UserIdAsync(manager)));
        }
    }

    [Fact]
    public async Task Completion_WhereTheCourseRequiresAPass_CompletesOnlyThoseTickedAsPassed()
    {
        var (provider, manager, _, _) = await ProviderAsync();
        var run = await app.RunAsync(Town, provider, [(-2, 4)], requiresPass: true);
        var passed = await app.SeatAsync(Town, run.RunId, "Amira Haddad", withoutAccount: true);
        var failed = await app.SeatAsync(Town, run.RunId, "Jonas Weber", withoutAccount: true);
        var client = await app.SignedInAsync(Town, manager);
        await client.SubmitAsync(RollCallUrl(run, run.MeetingIds[0]), "[data-testid=roll-call]", Marks((passed, AttendanceMark.Present), (failed, AttendanceMark.Present)));

        var desk = await client.GetPageAsync($"/courses/manage/runs/{run.RunId}");
        Assert.Equal(2, desk.QuerySelectorAll("[data-testid=completion-passed]").Length);
        var recorded = await client.SubmitAsync(desk.QuerySelector<IHtmlFormElement>("[data-testid=completion-form]")!, $"/courses/manage/runs/{run.RunId}",
            new Dictionary<string, string> { ["passed"] = passed.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var results = await app.InTownAsync(Town, db => db.Enrolments.Where(e => e.RunId == run.RunId).OrderBy(e => e.Id)
            .Select(e => new { e.Status, e.Passed, HasCode = e.CertificateCode != null }).ToListAsync());
        Assert.Equal([(EnrolmentStatus.Completed, (bool?)true, true), (EnrolmentStatus.NotCompleted, (bool?)false, false)],
            results.Select(r => (r.Status, r.Passed, r.HasCode)));
    }

    /// <summary>A completed run with one member who completed it, in the holder's language.</summary>
    private async Task<(string Holder, int Enrolment, string Code, string Manager, string CourseTitle)> CertificateAsync(string culture)
    {
        var (provider, manager, _, _) = await ProviderAsync();
        var holder = await app.NewMemberAsync(Town, "ch", culture: culture);
        var title = $"Kinderschutz {Guid.NewGuid():N}"[..20];
        var run = await app.RunAsync(Town, provider, [(-3, 4)], title: title);
        var enrolment = await app.SeatAsync(Town, run.RunId, holder, culture: culture);
        var client = await app.SignedInAsync(Town, manager);
        await client.SubmitAsync(RollCallUrl(run, run.MeetingIds[0]), "[data-testid=roll-call]", Marks((enrolment, AttendanceMark.Present)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/courses/manage/runs/{run.RunId}", "[data-testid=completion-form]")).StatusCode);
        var code = await app.InTownAsync(Town, db => db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.CertificateCode!).SingleAsync());
        return (holder, enrolment, code, manager, title);
    }

    [Fact]
    public async Task Certificate_InTheHoldersLanguageAndGerman_WithAQrCode_ForTheHolderAndManagersOnly()
    {
        var (holder, enrolment, code, manager, title) = await CertificateAsync("ar");
        var holderClient = await app.SignedInAsync(Town, holder);

        var engagement = await holderClient.GetPageAsync("/me/engagement");
        var course = Assert.Single(engagement.QuerySelectorAll("[data-testid=engagement-course]"));
        Assert.Contains(title, course.TextContent);
        Assert.Equal($"/courses/certificates/{enrolment}", course.QuerySelector("[data-testid=certificate]")!.GetAttribute("href"));

        var response = await holderClient.GetAsync($"/courses/certificates/{enrolment}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = PdfText.Extract(bytes);
        Assert.Contains(holder, text);
        Assert.Contains(title, text);
        Assert.Contains("Teilnahmebescheinigung", text);
        Assert.Contains("شهادة مشاركة", text);
        Assert.Contains($"/verify/{code}", text);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var page = Assert.Single(document.GetPages());
            Assert.Single(page.GetImages());
        }

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Town, manager)).GetAsync($"/courses/certificates/{enrolment}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Town, Office)).GetAsync($"/courses/certificates/{enrolment}")).StatusCode);
        var stranger = await app.SignedInAsync(Town, await app.NewMemberAsync(Town, "cs"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/courses/certificates/{enrolment}")).StatusCode);
        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");
        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/courses/certificates/{enrolment}")).StatusCode);
    }

    [Fact]
    public async Task Verify_ShowsInitialsCourseAndValidity_ToAnyone_And404ForUnknownOrAnotherTownsCode()
    {
        var (holder, _, code, _, title) = await CertificateAsync("de");

        var page = await app.TownClient(Town).GetPageAsync($"/verify/{code}");
        Assert.NotNull(page.QuerySelector("[data-testid=verify-valid]"));
        Assert.Equal($"{char.ToUpperInvariant(holder[0])}.", page.TestId("verify-initials").Split(' ')[0]);
        Assert.Equal(title, page.TestId("verify-course"));
        Assert.DoesNotContain(holder, page.Body!.TextContent);
        Assert.Contains(DeskSetup.Today.ToString("dd.MM.yyyy"), page.TestId("verify-date"));

        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("potsdam").GetAsync($"/verify/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient(Town).GetAsync("/verify/AAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient(Town).GetAsync("/verify/x")).StatusCode);
    }

    [Fact]
    public void Initials_TakeTheFirstLetterOfEachWord_InAnyScript()
    {
        Assert.Equal("A. H.", CourseCertificates.Initials("Amira Haddad"));
        Assert.Equal("أ. ح.", CourseCertificates.Initials("أمیرة حداد"));
        Assert.Equal("?", CourseCertificates.Initials(" "));
    }

    [Fact]
    public async Task LowEnrolmentNotice_MailsTheProvidersAdminsAndTheOffice_Once()
    {
        var (provider, manager, teacher, _) = await ProviderAsync();
        var run = await app.RunAsync(Town, provider, [(10, 4), (17, 4)], min: 5);
        await app.SeatAsync(Town, run.RunId, "Lea Sommer", withoutAccount: true);
        var enough = await app.RunAsync(Town, provider, [(10, 4)], min: 1);
        await app.SeatAsync(Town, enough.RunId, "Jonas Weber", withoutAccount: true);
        var later = await app.RunAsync(Town, provider, [(30, 4)], min: 5);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            await using var scope = await app.TownScopeAsync(Town);
            await scope.ServiceProvider.GetRequiredService<LowEnrolmentNotices>().SendDueAsync();
        }

        var mails = await app.InTownAsync(Town, db => db.OutboxMails.Where(m => m.Template == "course-low-enrolment").Select(m => new { m.Recipient, m.IdempotencyKey }).ToListAsync());
        var ofRun = mails.Where(m => m.IdempotencyKey!.StartsWith($"course-low-enrolment:{run.RunId}:", StringComparison.Ordinal)).ToList();
        Assert.Single(ofRun, m => m.Recipient == MessagesTestData.EmailOf(manager));
        Assert.Single(ofRun, m => m.Recipient == Marketplace.Web.Data.DemoData.EmailOf(Office));
        Assert.DoesNotContain(ofRun, m => m.Recipient == MessagesTestData.EmailOf(teacher));
        Assert.DoesNotContain(mails, m => m.IdempotencyKey!.StartsWith($"course-low-enrolment:{enough.RunId}:", StringComparison.Ordinal)
            || m.IdempotencyKey.StartsWith($"course-low-enrolment:{later.RunId}:", StringComparison.Ordinal));
        Assert.NotNull(await app.InTownAsync(Town, db => db.CourseRuns.Where(r => r.Id == run.RunId).Select(r => r.LowEnrolmentNoticeSentAt).SingleAsync()));

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(manager));
        Assert.Contains("Zu wenige Anmeldungen", mail.Subject);
    }
}
