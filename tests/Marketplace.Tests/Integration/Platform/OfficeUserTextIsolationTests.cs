using AngleSharp.Dom;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Intake;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>
/// The office and administration pages show what people typed (organisation, district and person names, notes,
/// reasons, addresses) in an element of its own direction: an Arabic name on a German page and a Latin user name on an
/// Arabic page both read right, punctuation on the side the sentence puts it. Their tables name each cell, so a row
/// stacked on a phone still says what each value is.
/// </summary>
[Trait("Category", "Database")]
public sealed class OfficeUserTextIsolationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";
    private const string Coordinator = "erlangen-koordination";
    private const string TownAdmin = "erlangen-admin";
    private const char Fsi = '\u2068';
    private const char Pdi = '\u2069';

    private sealed record Office(string Organisation, int OrganisationId, string District, string Volunteer, int VolunteerId,
        string IntakeName, int IntakeId, string Note, string Reason, string Subject, string Recipient);

    /// <summary>Fresh rows with Arabic names, a new volunteer and a failed mail; names differ per call (districts are unique).</summary>
    private async Task<Office> SeedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var organisation = $"جمعية الجيران المتعاونين {tag}";
        var district = $"الحي الشرقي {tag}";
        var intakeName = "فاطمة الزهراء عبد الرحمن";
        var note = "يمكنني المساعدة في الترجمة بين العربية والألمانية.";
        var reason = $"لا توجد مخالفة للقواعد ({tag}).";
        var subject = $"رسالة جديدة بخصوص طلبك {tag}";
        var volunteer = await app.NewMemberAsync(Town, "bidi-office");
        var recipient = MessagesTestData.EmailOf(volunteer);
        var townId = await app.TownIdAsync(Town);

        var ids = await app.InTownAsync(Town, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var volunteerId = await db.Users.Where(u => u.UserName == volunteer).Select(u => u.Id).SingleAsync();
            var coordinatorId = await db.Users.Where(u => u.UserName == Coordinator).Select(u => u.Id).SingleAsync();
            var categoryId = await db.Categories.Where(c => c.Key == "fahrraeder").Select(c => c.Id).SingleAsync();

            var newDistrict = new District { Name = district, SortOrder = 99 };
            var newOrganisation = new Organisation
            {
                Type = OrganisationType.Initiative, Name = organisation, Status = OrganisationStatus.Approved, CreatedAt = now,
                ReviewedAt = now, ReviewedByUserId = coordinatorId,
            };
            newOrganisation.Members.Add(new OrganisationMember { UserId = volunteerId, Role = OrganisationRole.Admin, JoinedAt = now });
            var request = new Listing
            {
                Type = ListingType.Request, Status = ListingStatus.Published, Title = "Begleitung zur Ausländerbehörde",
                Description = "Termin am Dienstag.", PosterUserId = coordinatorId, CategoryId = categoryId,
                DistrictId = await db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync(), Languages = ",ar,",
                CreatedAt = now, UpdatedAt = now, PublishedAt = now, ExpiresAt = now.AddDays(28),
            };
            db.AddRange(newDistrict, newOrganisation, request);
            await db.SaveChangesAsync();

            var profile = new VolunteerProfile
            {
                UserId = volunteerId, SkillCategoryIds = [categoryId], DistrictIds = [newDistrict.Id],
                Languages = [VolunteerLanguages.Entry("ar", LanguageLevel.Native)], HoursPerMonth = 4, Note = note,
                CreatedAt = now, UpdatedAt = now, LastActivityAt = now,
            };
            var intake = new IntakeContact
            {
                ListingId = request.Id, Name = intakeName, Contact = "+49 9131 123456", Culture = "ar", ReferenceCode = ReferenceCodes.New(),
                CreatedByUserId = coordinatorId, CreatedAt = now,
            };
            db.AddRange(profile, intake);
            db.VolunteerHours.Add(new VolunteerHours
            {
                UserId = volunteerId, OrganisationId = newOrganisation.Id, WorkedOn = DateOnly.FromDateTime(now.UtcDateTime), Minutes = 90,
                Activity = "ترجمة في موعد", Status = HoursStatus.Pending, CreatedAt = now,
            });
            db.ModerationActions.Add(new ModerationAction
            {
                ActorUserId = coordinatorId, Kind = ModerationActionKind.Dismiss, TargetType = ReportTarget.Listing,
                TargetId = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Reason = reason, At = now,
            });
            db.AuditEntries.Add(new AuditEntry
            {
                ActorUserId = coordinatorId, At = now, Action = AuditAction.ChangedNeighbours, SubjectType = "district",
                SubjectId = newDistrict.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail = $"{district}: Anger, Bruck",
            });
            db.OutboxMails.Add(new OutboxMail
            {
                TenantId = townId, IdempotencyKey = "bidi-office-" + tag, Recipient = recipient, Template = "notification", Culture = "ar",
                Subject = subject, HtmlBody = "<p>–</p>", TextBody = "–", State = OutboxState.Failed, Attempts = 5, CreatedAt = now,
                NextAttemptAt = now, MessageId = tag + "@test.example", LastError = "550 5.1.1 Recipient address rejected",
            });
            await db.SaveChangesAsync();
            return (Organisation: newOrganisation.Id, Volunteer: profile.Id, Intake: intake.Id);
        });

        return new Office(organisation, ids.Organisation, district, volunteer, ids.Volunteer, intakeName, ids.Intake, note, reason, subject, recipient);
    }

    /// <summary>Some element within <paramref name="scope"/> holds exactly the text and isolates it.</summary>
    private static void AssertIsolated(IParentNode scope, string text)
    {
        var isolating = scope.QuerySelectorAll("[dir=auto], bdi").Where(e => e.TextContent.Trim() == text).ToList();
        Assert.True(isolating.Count > 0, $"“{text}” is not isolated in: {string.Join("\n", scope.QuerySelectorAll("*").Where(e => e.TextContent.Contains(text) && e.Children.Length == 0).Select(e => e.OuterHtml))}");
    }

    /// <summary>An option cannot hold markup: its user text comes between FSI and PDI.</summary>
    private static void AssertOptionIsolated(IParentNode select, string text) =>
        Assert.Contains(select.QuerySelectorAll("option"), o => o.TextContent.Trim() == $"{Fsi}{text}{Pdi}");

    private static IElement Row(IParentNode page, string rowTestId, string containing) =>
        page.QuerySelectorAll($"[data-testid={rowTestId}]").Single(r => r.TextContent.Contains(containing));

    [Fact]
    public async Task ArabicNames_OnGermanOfficePages_SitInElementsOfTheirOwnDirection()
    {
        var office = await SeedAsync();
        var coordinator = await app.SignedInAsync(Town, Coordinator);
        var townAdmin = await app.SignedInAsync(Town, TownAdmin);

        var organisations = await coordinator.GetPageAsync("/coordination/organisations");
        Assert.Equal("ltr", organisations.DocumentElement.GetAttribute("dir"));
        AssertIsolated(Row(organisations, "reviewed-org", office.Organisation), office.Organisation);

        var hours = await coordinator.GetPageAsync("/coordination/hours");
        AssertOptionIsolated(hours.QuerySelector("#filter-organisation")!, office.Organisation);
        AssertIsolated(Row(hours, "hours-row", office.Organisation), office.Organisation);

        var volunteers = await coordinator.GetPageAsync("/coordination/volunteers");
        AssertOptionIsolated(volunteers.QuerySelector("select[name=district]")!, office.District);
        AssertIsolated(Row(volunteers, "volunteer-row", office.Volunteer), office.District);

        var volunteer = await coordinator.GetPageAsync($"/coordination/volunteers/{office.VolunteerId}");
        AssertIsolated(volunteer.QuerySelector("[data-testid=volunteer-profile]")!, office.District);
        AssertIsolated(volunteer.QuerySelector("[data-testid=volunteer-profile]")!, office.Note);

        var queue = await coordinator.GetPageAsync("/coordination/requests");
        AssertOptionIsolated(queue.QuerySelector("select[name=district]")!, office.District);

        var intake = await coordinator.GetPageAsync($"/coordination/intake/{office.IntakeId}");
        Assert.Equal("auto", intake.QuerySelector("[data-testid=intake-detail-name]")!.GetAttribute("dir"));
        Assert.Equal(office.IntakeName, intake.QuerySelector("[data-testid=intake-detail-name]")!.TextContent.Trim());
        var intakeForm = await coordinator.GetPageAsync("/coordination/intake/new");
        AssertOptionIsolated(intakeForm.QuerySelector("[data-testid=intake-district]")!, office.District);
        Assert.All(intakeForm.QuerySelectorAll("[data-testid=intake-form] input:not([type]), [data-testid=intake-form] textarea"),
            field => Assert.Equal("auto", field.GetAttribute("dir")));

        var log = await coordinator.GetPageAsync("/coordination/moderation/log");
        AssertIsolated(Row(log, "moderation-log-row", office.Reason), office.Reason);

        var audit = await townAdmin.GetPageAsync("/coordination/audit");
        AssertIsolated(Row(audit, "audit-row", office.District), office.District);

        var districts = await townAdmin.GetPageAsync("/town/districts");
        var renamed = districts.QuerySelectorAll("[data-testid=district-row] input[name=Name]").Single(i => i.GetAttribute("value") == office.District);
        Assert.Equal("auto", renamed.GetAttribute("dir"));
        Assert.Equal("auto", districts.QuerySelector("[data-testid=district-name]")!.GetAttribute("dir"));
        Assert.All(districts.QuerySelectorAll("[data-testid=district-neighbour-option]").Where(o => o.ParentElement!.TextContent.Contains(office.District)),
            option => AssertIsolated(option.ParentElement!, office.District));

        var outbox = await townAdmin.GetPageAsync("/town/outbox");
        AssertIsolated(Row(outbox, "outbox-failed-row", office.Subject), office.Subject);
    }

    [Fact]
    public async Task LatinNamesAndAddresses_OnArabicOfficePages_SitInElementsOfTheirOwnDirection()
    {
        var office = await SeedAsync();
        var coordinator = await app.SignedInAsync(Town, Coordinator);
        var townAdmin = await app.SignedInAsync(Town, TownAdmin);

        var volunteers = await coordinator.GetPageAsync("/coordination/volunteers?culture=ar");
        Assert.Equal("rtl", volunteers.DocumentElement.GetAttribute("dir"));
        AssertIsolated(Row(volunteers, "volunteer-row", office.Volunteer), office.Volunteer);

        var volunteer = await coordinator.GetPageAsync($"/coordination/volunteers/{office.VolunteerId}?culture=ar");
        Assert.Equal("auto", volunteer.QuerySelector("[data-testid=volunteer-name]")!.GetAttribute("dir"));
        Assert.Equal($"{Fsi}{office.Volunteer}{Pdi}", volunteer.Title![..(office.Volunteer.Length + 2)]);

        var hours = await coordinator.GetPageAsync("/coordination/hours?culture=ar");
        AssertIsolated(Row(hours, "hours-row", office.Volunteer), office.Volunteer);

        var organisations = await coordinator.GetPageAsync("/coordination/organisations?culture=ar");
        AssertIsolated(Row(organisations, "reviewed-org", office.Organisation), Coordinator);

        var log = await coordinator.GetPageAsync("/coordination/moderation/log?culture=ar");
        AssertIsolated(Row(log, "moderation-log-row", office.Reason), Coordinator);

        var audit = await townAdmin.GetPageAsync("/coordination/audit?culture=ar");
        AssertIsolated(Row(audit, "audit-row", office.District), Coordinator);
        AssertOptionIsolated(audit.QuerySelector("[data-testid=audit-filter-actor]")!, Coordinator);

        var staff = await townAdmin.GetPageAsync("/town/coordinators?culture=ar");
        var coordinatorRow = Row(staff, "staff-row", Coordinator);
        AssertIsolated(coordinatorRow, Coordinator);
        AssertIsolated(coordinatorRow, DemoData.EmailOf(Coordinator));

        var outbox = await townAdmin.GetPageAsync("/town/outbox?culture=ar");
        AssertIsolated(Row(outbox, "outbox-failed-row", office.Recipient), office.Recipient);

        var admin = app.PlatformClient();
        await admin.LoginOkAsync(DemoData.PlatformAdminName);
        var towns = await admin.GetPageAsync("/admin?culture=ar");
        AssertIsolated(Row(towns, "municipality-row", "Erlangen"), "Erlangen");
    }

    [Theory]
    [InlineData(Coordinator, "/coordination/requests")]
    [InlineData(Coordinator, "/coordination/volunteers")]
    [InlineData(Coordinator, "/coordination/hours")]
    [InlineData(Coordinator, "/coordination/intake")]
    [InlineData(Coordinator, "/coordination/moderation/log")]
    [InlineData(Coordinator, "/coordination/organisations")]
    [InlineData(TownAdmin, "/coordination/audit")]
    [InlineData(TownAdmin, "/town/coordinators")]
    [InlineData(TownAdmin, "/town/rent-limits")]
    [InlineData(TownAdmin, "/town/outbox")]
    [InlineData(null, "/admin")]
    public async Task OfficeTables_NameEachCell_WithItsColumnHeader_ForThePhoneLayout(string? user, string path)
    {
        await SeedAsync();
        await app.InTownAsync(Town, async db =>
        {
            if (!await db.RentLimits.AnyAsync())
            {
                db.RentLimits.Add(new RentLimit { HouseholdSize = 3, MaxWarmRentCents = 700_00 });
            }

            return await db.SaveChangesAsync();
        });
        HttpClient client;
        if (user is null)
        {
            client = app.PlatformClient();
            await client.LoginOkAsync(DemoData.PlatformAdminName);
        }
        else
        {
            client = await app.SignedInAsync(Town, user);
        }

        var page = await client.GetPageAsync(path);

        var tables = page.QuerySelectorAll("table").ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            Assert.Contains("table", table.ClassList);
            var headers = table.QuerySelectorAll("thead th").ToList();
            var cells = table.QuerySelectorAll("tbody tr").SelectMany(r => r.QuerySelectorAll("td").Select((cell, index) => (cell, index))).ToList();
            Assert.NotEmpty(cells);
            foreach (var (cell, index) in cells)
            {
                var header = headers[index];
                // A column of controls (checkbox, buttons) has a hidden header: each control says what it does.
                if (header.QuerySelector(".visually-hidden") is not null)
                {
                    continue;
                }

                Assert.Equal(header.TextContent.Trim(), cell.GetAttribute("data-label"));
            }
        }
    }
}
