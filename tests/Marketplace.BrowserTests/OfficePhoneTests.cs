using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

/// <summary>
/// Every page of the coordination office, the town administration, the platform administration and the report form
/// on a 360 px phone, in German and in Arabic: none scrolls sideways and each is in the reader's direction. Each list
/// holds a real row with Arabic text, long addresses and long user names, as an office sees them.
/// </summary>
[Trait("Category", "Browser")]
public sealed class OfficePhoneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Town = "erlangen";
    private const string Coordinator = "erlangen-koordination";
    private const string TownAdmin = "erlangen-admin";

    private const string OrganisationName = "جمعية الجيران المتعاونين في إرلانغن الشرقية";
    private const string RequestTitle = "مساعدة في ملء استمارة مكتب العمل (Jobcenter) قبل نهاية الشهر!";
    private const string LongAddress = "koordinierungsstelle.ehrenamt.und.integration@verwaltung.stadt-erlangen.example";

    private static readonly SemaphoreSlim Seeding = new(1, 1);

    private sealed record OfficeRows(int RequestId, int VolunteerId, int IntakeId);

    /// <summary>The demo's integration course with its full run, and its completed first-aid run (Data/DemoCourses).</summary>
    private sealed record CourseRows(int CourseId, int FullRunId, int DoneRunId, int DoneMeetingId);

    private Task<CourseRows> DemoCourseRowsAsync() => app.InTownAsync(Town, async db =>
    {
        var full = await db.CourseRuns.Where(r => r.Course!.LanguageCourseType == LanguageCourseType.Integration && r.Status == CourseRunStatus.Planned)
            .OrderByDescending(r => r.StartsOn).Select(r => new { r.Id, r.CourseId }).FirstAsync();
        var done = await db.CourseRuns.Where(r => r.Status == CourseRunStatus.Completed).OrderByDescending(r => r.EndsOn)
            .Select(r => new { r.Id, Meeting = db.CourseMeetings.Where(m => m.RunId == r.Id).Select(m => m.Id).First() }).FirstAsync();
        return new CourseRows(full.CourseId, full.Id, done.Id, done.Meeting);
    });

    [Theory]
    [InlineData("de", "ltr")]
    [InlineData("ar", "rtl")]
    public async Task At_360px_no_office_or_administration_page_scrolls_sideways(string culture, string direction)
    {
        var rows = await SeedAsync();
        var courses = await DemoCourseRowsAsync();
        var coordinator = await app.SizedPageAsync(app.TownUrl(Town, ""), SizedPages.Phone, culture, Coordinator);
        var townAdmin = await app.SizedPageAsync(app.TownUrl(Town, ""), SizedPages.Phone, culture, TownAdmin);
        var platformAdmin = await app.SizedPageAsync(app.PlatformUrl(""), SizedPages.Phone, culture, DemoData.PlatformAdminName);
        var pages = new (IPage Page, string Url, string Direction)[]
        {
            (coordinator, "/coordination", direction),
            (coordinator, "/coordination/requests", direction),
            (coordinator, $"/coordination/requests/{rows.RequestId}", direction),
            (coordinator, "/coordination/volunteers", direction),
            (coordinator, $"/coordination/volunteers/{rows.VolunteerId}", direction),
            (coordinator, "/coordination/hours", direction),
            (coordinator, "/coordination/budgets/expenses", direction),
            (coordinator, "/coordination/budgets/expenses?state=Approved", direction),
            (coordinator, "/coordination/inquiries", direction),
            (coordinator, "/coordination/intake", direction),
            (coordinator, "/coordination/intake/new", direction),
            (coordinator, $"/coordination/intake/{rows.IntakeId}", direction),
            // The slip speaks the person's language (Arabic here), whatever the coordinator reads.
            (coordinator, $"/coordination/intake/{rows.IntakeId}/slip", "rtl"),
            (coordinator, "/coordination/moderation", direction),
            (coordinator, "/coordination/moderation/log", direction),
            (coordinator, "/coordination/organisations", direction),
            (coordinator, "/coordination/categories", direction),
            (coordinator, $"/report?type=Listing&id={rows.RequestId}&returnUrl=%2F", direction),
            (coordinator, "/coordination/courses", direction),
            (coordinator, $"/coordination/courses/runs/{courses.FullRunId}", direction),
            (coordinator, $"/coordination/courses/runs/{courses.FullRunId}/seats", direction),
            (coordinator, $"/coordination/courses/runs/{courses.DoneRunId}", direction),
            (coordinator, $"/courses/manage/runs/{courses.DoneRunId}/meetings/{courses.DoneMeetingId}/roll-call", direction),
            (coordinator, $"/coordination/courses/runs/{courses.DoneRunId}/grants", direction),
            (coordinator, "/coordination/courses/qualifications", direction),
            (coordinator, "/coordination/courses/interest", direction),
            (coordinator, "/coordination/gaps", direction),
            (coordinator, "/coordination/gaps/charts", direction),
            (coordinator, "/coordination/gaps/alerts", direction),
            (coordinator, "/courses/manage", direction),
            (coordinator, $"/courses/manage/{courses.CourseId}", direction),
            (coordinator, $"/courses/manage/runs/{courses.FullRunId}/edit", direction),
            (coordinator, $"/courses/manage/{courses.CourseId}/runs/new", direction),
            (coordinator, "/courses/manage/new", direction),
            (townAdmin, "/coordination/courses/interest/group-sizes", direction),
            (townAdmin, "/coordination/audit", direction),
            (townAdmin, "/town/settings", direction),
            (townAdmin, "/town/districts", direction),
            (townAdmin, "/town/coordinators", direction),
            (townAdmin, "/town/rent-limits", direction),
            (townAdmin, "/town/outbox", direction),
            (platformAdmin, "/admin", direction),
            (platformAdmin, "/admin/municipalities/new", direction),
        };

        var overflowing = new List<string>();
        foreach (var (page, path, expected) in pages)
        {
            var origin = page == platformAdmin ? app.PlatformUrl("") : app.TownUrl(Town, "");
            var response = await page.GotoAsync(origin + path);
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", expected);
            if (await SizedPages.OverflowAsync(page, path) is { } overflow)
            {
                overflowing.Add(overflow);
            }
        }

        Assert.True(overflowing.Count == 0, string.Join("\n", overflowing));
    }

    /// <summary>
    /// One row for every list of the office, written once per app (both languages read the same rows): an Arabic-named
    /// organisation with a volunteer's hours, a request with a note, an inquiry and a report, an intake, a moderation
    /// decision, an audit entry, a failed mail to a long address, a rent limit and an Arabic district.
    /// </summary>
    private async Task<OfficeRows> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (await FindAsync() is { } seeded)
            {
                return seeded;
            }

            var volunteer = await app.NewMemberAsync(Town, "ehrenamtliche-helferin-aus-tennenlohe");
            var townId = await app.TownIdAsync(Town);
            await app.InTownAsync(Town, async db =>
            {
                var now = DateTimeOffset.UtcNow;
                var volunteerId = await db.Users.Where(u => u.UserName == volunteer).Select(u => u.Id).SingleAsync();
                var coordinatorId = await db.Users.Where(u => u.UserName == Coordinator).Select(u => u.Id).SingleAsync();
                var categoryId = await db.Categories.Where(c => c.Key == "fahrraeder").Select(c => c.Id).SingleAsync();
                var districtIds = await db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).Take(3).ToListAsync();

                var organisation = new Organisation
                {
                    Type = OrganisationType.Initiative, Name = OrganisationName, Status = OrganisationStatus.Approved, CreatedAt = now,
                    ReviewedAt = now, ReviewedByUserId = coordinatorId,
                };
                organisation.Members.Add(new OrganisationMember { UserId = volunteerId, Role = OrganisationRole.Admin, JoinedAt = now });
                db.Organisations.Add(organisation);

                Listing Request(string title) => new()
                {
                    Type = ListingType.Request, Status = ListingStatus.Published, Title = title,
                    Description = "أحتاج إلى مساعدة في ملء الاستمارات. Ich brauche Hilfe beim Ausfüllen der Formulare.",
                    PosterUserId = volunteerId, CategoryId = categoryId, DistrictId = districtIds[0], Languages = ",ar,de,",
                    CreatedAt = now, UpdatedAt = now, PublishedAt = now, ExpiresAt = now.AddDays(28),
                };
                var request = Request(RequestTitle);
                var intakeRequest = Request("طلب مسجل في المكتب: مرافقة إلى دائرة الأجانب");
                intakeRequest.PosterUserId = coordinatorId;
                db.Listings.AddRange(request, intakeRequest);
                db.VolunteerProfiles.Add(new VolunteerProfile
                {
                    UserId = volunteerId, SkillCategoryIds = [categoryId], DistrictIds = districtIds,
                    Languages = [VolunteerLanguages.Entry("ar", LanguageLevel.Native), VolunteerLanguages.Entry("de", LanguageLevel.Good)],
                    Availability = WeeklyAvailability.All, Mobility = Mobility.Bike | Mobility.PublicTransport, HoursPerMonth = 8,
                    Note = "يمكنني المساعدة في الترجمة بين العربية والألمانية، خاصة في المواعيد الرسمية.",
                    CreatedAt = now, UpdatedAt = now, LastActivityAt = now,
                });
                await db.SaveChangesAsync();

                db.OfficeNotes.Add(new OfficeNote
                {
                    ListingId = request.Id, AuthorUserId = coordinatorId, CreatedAt = now,
                    Text = "اتصلت بالسيدة يوم الاثنين؛ تفضل موعدًا صباحيًا. Rückruf unter " + LongAddress,
                });
                db.OfficeInquiries.Add(new OfficeInquiry
                {
                    ListingId = request.Id, UserId = volunteerId, CreatedAt = now,
                    Message = "أستطيع المساعدة يوم السبت. Erreichbar unter " + LongAddress,
                });
                db.VolunteerHours.Add(new VolunteerHours
                {
                    UserId = volunteerId, OrganisationId = organisation.Id, WorkedOn = DateOnly.FromDateTime(now.UtcDateTime), Minutes = 150,
                    Activity = "ترجمة في موعد لدى مكتب العمل (Jobcenter Erlangen)", Status = HoursStatus.Pending, CreatedAt = now,
                });
                db.IntakeContacts.Add(new IntakeContact
                {
                    ListingId = intakeRequest.Id, Name = "فاطمة الزهراء عبد الرحمن", Contact = "+49 9131 123456 / " + LongAddress,
                    Culture = "ar", ReferenceCode = ReferenceCodes.New(), CreatedByUserId = coordinatorId, CreatedAt = now,
                });
                var target = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                db.Reports.Add(new Report
                {
                    TargetType = ReportTarget.Listing, TargetId = target, ReporterUserId = coordinatorId, Reason = ReportReason.PersonalData,
                    Comment = "يحتوي الإعلان على رقم هاتف خاص: " + LongAddress, Status = ReportStatus.Open, CreatedAt = now,
                });
                db.ModerationActions.Add(new ModerationAction
                {
                    ActorUserId = coordinatorId, Kind = ModerationActionKind.Dismiss, TargetType = ReportTarget.Listing, TargetId = target,
                    Reason = "لا يوجد مخالفة للقواعد؛ تم التحقق من " + LongAddress, At = now,
                });
                db.AuditEntries.Add(new AuditEntry
                {
                    ActorUserId = coordinatorId, At = now, Action = AuditAction.ChangedNeighbours, SubjectType = "district",
                    SubjectId = districtIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Detail = "الحي الشرقي، Röthelheimpark, Sieglitzhof, " + LongAddress,
                });
                db.OutboxMails.Add(new OutboxMail
                {
                    TenantId = townId, IdempotencyKey = "office-phone-" + Guid.NewGuid().ToString("N"), Recipient = LongAddress,
                    Template = "notification", Culture = "ar", Subject = "رسالة جديدة بخصوص: " + RequestTitle, HtmlBody = "<p>–</p>", TextBody = "–",
                    State = OutboxState.Failed, Attempts = 5, CreatedAt = now, NextAttemptAt = now, MessageId = Guid.NewGuid().ToString("N") + "@test",
                    LastError = "MailKit.Net.Smtp.SmtpCommandException: 550 5.1.1 <" + LongAddress + ">: Recipient address rejected: User unknown in virtual mailbox table",
                });
                if (!await db.RentLimits.AnyAsync())
                {
                    db.RentLimits.Add(new RentLimit { HouseholdSize = 2, MaxWarmRentCents = 612_50 });
                }

                db.Districts.Add(new District { Name = "الحي الشرقي", SortOrder = 99 });
                return await db.SaveChangesAsync();
            });

            return (await FindAsync())!;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private Task<OfficeRows?> FindAsync() => app.InTownAsync(Town, async db =>
    {
        var request = await db.Listings.Where(l => l.Title == RequestTitle).Select(l => (int?)l.Id).SingleOrDefaultAsync();
        if (request is null)
        {
            return null;
        }

        var poster = await db.Listings.Where(l => l.Id == request).Select(l => l.PosterUserId).SingleAsync();
        return new OfficeRows(request.Value,
            await db.VolunteerProfiles.Where(p => p.UserId == poster).Select(p => p.Id).SingleAsync(),
            await db.IntakeContacts.OrderByDescending(i => i.Id).Select(i => i.Id).FirstAsync());
    });
}
