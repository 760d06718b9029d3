using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Marketplace.Tests.Integration.Budgets;
using Marketplace.Tests.Integration.Courses;
using Marketplace.Tests.Integration.Effects;
using Marketplace.Tests.Integration.Expenses;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Budgets;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Marketplace.Web.Jobs;
using Marketplace.Web.Listings;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Matching;
using Marketplace.Web.Organisations;
using Marketplace.Web.Privacy;
using Marketplace.Web.Volunteers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>
/// Every kind of mail the platform writes reaches a reader of Arabic (and of Persian and Ukrainian) in their language,
/// through the real outbox and SMTP server: subject and body in that language and nowhere the German it falls back to,
/// right to left where it must be (on the content too, since mail programs such as Gmail drop the attributes of
/// <c>&lt;html&gt;</c>), and a plain-text part beside the HTML. The people who trigger the mails (posters, the office, a
/// town admin) work in German, so a mail written in the sender's language shows. The kinds are read from the code, so a
/// new kind of mail fails here until this test writes it too.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class EveryMailInArabicTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";
    private const string Office = "erlangen-koordination";
    private static readonly HtmlParser Parser = new();
    private static readonly Lazy<IReadOnlySet<string>> KindsInCode = new(ScanMailKinds);

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("uk")]
    public async Task EveryKindOfMail_ReachesTheReader_InTheirLanguage_WithAPlainTextPart(string culture)
    {
        var readers = new Readers(app, culture);

        await AccountMailsAsync(readers);
        await MessageMailsAsync(readers);
        await MatchMailsAsync(readers);
        await PrivacyMailsAsync(readers);
        await ListingMailsAsync(readers);
        await OrganisationMailsAsync(readers);
        await ClearanceReminderAsync(readers);
        await CourseSeatMailsAsync(readers);
        await CourseMailsAsync(readers);
        await CourseQualificationMailsAsync(readers);
        await BudgetMailsAsync(readers);
        await ExpenseMailsAsync(readers);
        await EffectsMailsAsync(readers);
        await GapMailsAsync(readers);
        await app.MailSettledAsync();

        var written = await app.InTownAsync(null, db => db.OutboxMails.IgnoreQueryFilters().AsNoTracking()
            .Where(m => readers.Addresses.Contains(m.Recipient)).ToListAsync());
        Assert.Empty(KindsInCode.Value.Except(written.Select(m => m.Template)));
        var german = GermanText.For(culture);
        var problems = new List<string>();
        foreach (var row in written)
        {
            var received = app.Smtp.Messages.FirstOrDefault(m => m.MessageId == row.MessageId);
            problems.AddRange(received is null
                ? [$"not delivered (state {row.State})"]
                : ProblemsOf(received, culture, german).Prepend(row.Culture == culture ? null : $"written in {row.Culture}").OfType<string>()
                    .Select(problem => $"{row.Template} to {row.Recipient}: {problem}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheScanOfTheCode_FindsItsKindsOfMail()
    {
        Assert.True(KindsInCode.Value.Count >= 20, string.Join(", ", KindsInCode.Value));
        Assert.Empty(new[] { "password-reset", "message", "digest", "organisation-approved", "organisation-rejected" }.Except(KindsInCode.Value));
    }

    /// <summary>The account mails, each through its page; the forms are filled by a German reader where someone else sends.</summary>
    private async Task AccountMailsAsync(Readers readers)
    {
        var german = app.TownClient(Town);
        var registering = readers.Name("reg");
        Assert.Equal(HttpStatusCode.Redirect, (await app.TownClient(Town).SubmitAsync($"/account/register?culture={readers.Culture}",
            "[data-testid=register-form]", Accounts.Registration(registering, readers.Expect(MessagesTestData.EmailOf(registering))))).StatusCode);

        var owner = await readers.NewAsync("own");
        await german.SubmitAsync("/account/register", "[data-testid=register-form]", Accounts.Registration(readers.Name("dup"), MessagesTestData.EmailOf(owner)));
        await german.SubmitAsync("/account/forgot-password", "[data-testid=forgot-form]",
            new Dictionary<string, string> { ["Input.Email"] = MessagesTestData.EmailOf(await readers.NewAsync("pwd")) });
        await app.PlatformClient().SubmitAsync("/account/forgot-password", "[data-testid=forgot-form]",
            new Dictionary<string, string> { ["Input.Email"] = MessagesTestData.EmailOf(await readers.NewAsync("ppwd")) });
        await german.SubmitAsync("/account/login-link", "[data-testid=login-link-form]",
            new Dictionary<string, string> { ["Input.Email"] = MessagesTestData.EmailOf(await readers.NewAsync("lnk")) });

        var moving = await readers.NewAsync("mov");
        await (await app.SignedInAsync(Town, moving)).SubmitAsync("/me/account/email", "[data-testid=email-form]", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = readers.Expect($"{moving}@neu.example"),
            ["Input.CurrentPassword"] = DemoData.Password,
        });
        var taker = await readers.NewAsync("tak");
        await (await app.SignedInAsync(Town, taker)).SubmitAsync("/me/account/email", "[data-testid=email-form]", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = MessagesTestData.EmailOf(owner),
            ["Input.CurrentPassword"] = DemoData.Password,
        });

        await (await app.SignedInAsync(Town, "erlangen-admin")).SubmitAsync("/town/coordinators", "[data-testid=appoint-form]", new Dictionary<string, string>
        {
            ["Input.Email"] = MessagesTestData.EmailOf(await readers.NewAsync("apt")),
            ["Input.Role"] = nameof(TownRole.Coordinator),
        });
    }

    /// <summary>A German member writes first to the reader, and answers the reader's first message.</summary>
    private async Task MessageMailsAsync(Readers readers)
    {
        var german = await app.NewMemberAsync(Town, "deutsch", culture: "de");
        var client = await app.SignedInAsync(Town, german);
        await client.StartConversationAsync(await app.CreateListingAsync(Town, await readers.NewAsync("own"), title: "Bücherregal aus Buche"),
            "Guten Tag, ist das Regal noch da?");

        var asking = await readers.NewAsync("ask");
        var conversation = await (await app.SignedInAsync(Town, asking)).StartConversationAsync(
            await app.CreateListingAsync(Town, german, title: "Winterjacke Größe 128"), "Hallo, ist die Jacke noch da?");
        await client.ReplyAsync(conversation, "Ja, Sie können sie am Samstag abholen.");
    }

    /// <summary>
    /// A proposal between two readers that both accept and are then asked for feedback; one for a request the office
    /// recorded for someone without an account; and one that cannot go ahead, which the reader in the office hears of.
    /// </summary>
    private async Task MatchMailsAsync(Readers readers)
    {
        var requester = await readers.NewAsync("req");
        var helper = await readers.NewAsync("hlp");
        var office = await app.UserIdAsync(await readers.NewAsync("off"));
        var request = await app.CreateListingAsync(Town, requester, ListingType.Request, "Fahrrad für die Schule gesucht");
        var offer = await app.CreateListingAsync(Town, helper, ListingType.Offer, "Jugendfahrrad mit Licht");
        await InTownAsync<MatchProposals>(async (proposals, services) =>
        {
            var matchId = await ProposeAsync(proposals, request, offer, office);
            Assert.Equal(AnswerOutcome.Waiting, await proposals.AnswerAsync(matchId, requestSide: true, accept: true, shareContact: true));
            Assert.Equal(AnswerOutcome.Accepted, await proposals.AnswerAsync(matchId, requestSide: false, accept: true, shareContact: true));
            var db = services.GetRequiredService<AppDbContext>();
            await services.GetRequiredService<MatchFeedbackRequests>().RequestNowAsync([(await MatchSides.LoadAsync(db, matchId))!]);
            await db.SaveChangesAsync();
        });

        var recorded = await app.CreateListingAsync(Town, Office, ListingType.Request, "Fahrrad für Herrn K. gesucht");
        await app.InTownAsync(Town, async db =>
        {
            db.IntakeContacts.Add(new IntakeContact
            {
                ListingId = recorded, Name = "Herr K.", Culture = readers.Culture, ReferenceCode = Guid.NewGuid().ToString("N")[..IntakeContact.CodeLength].ToUpperInvariant(),
                CreatedByUserId = await db.Users.Where(u => u.UserName == Office).Select(u => u.Id).SingleAsync(), CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var officeHelper = await readers.NewAsync("ohl");
        var officeOffer = await app.CreateListingAsync(Town, officeHelper, ListingType.Offer, "Damenfahrrad, frisch geölt");
        await InTownAsync<MatchProposals>(async (proposals, _) =>
        {
            var matchId = await ProposeAsync(proposals, recorded, officeOffer, office);
            await proposals.AnswerAsync(matchId, requestSide: true, accept: true, shareContact: false, actorUserId: office);
            Assert.Equal(AnswerOutcome.Accepted, await proposals.AnswerAsync(matchId, requestSide: false, accept: true, shareContact: false));
        });

        var stopped = await app.CreateListingAsync(Town, requester, ListingType.Request, "Laufrad für meine Tochter gesucht");
        var stoppedOffer = await app.CreateListingAsync(Town, helper, ListingType.Offer, "Laufrad, blau");
        await InTownAsync<MatchProposals>(async (proposals, services) =>
        {
            var matchId = await ProposeAsync(proposals, stopped, stoppedOffer, office);
            var db = services.GetRequiredService<AppDbContext>();
            await db.Matches.Where(m => m.Id == matchId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MatchStatus.Declined).SetProperty(m => m.EndReason, MatchEndReason.ClearanceMissing));
            await services.GetRequiredService<MatchMailer>().QueueCannotGoAheadAsync((await MatchSides.LoadAsync(db, matchId))!);
            await db.SaveChangesAsync();
        });
    }

    private static async Task<int> ProposeAsync(MatchProposals proposals, int request, int offer, string office)
    {
        var proposed = await proposals.ProposeAsync(request, CandidateKind.Offer, offer, office);
        Assert.Equal(ProposeOutcome.Proposed, proposed.Outcome);
        return proposed.MatchId;
    }

    /// <summary>What the privacy jobs write: an export ready, a deletion planned, and a match its other side's deletion ended.</summary>
    private async Task PrivacyMailsAsync(Readers readers)
    {
        var reader = await app.UserIdAsync(await readers.NewAsync("prv"));
        await InTownAsync<PrivacyMailer>(async (mailer, services) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var person = (await MailRecipient.FindAsync(db, reader))!;
            var id = Random.Shared.Next(1_000_000, int.MaxValue);
            await mailer.QueueExportReadyAsync(id, person, DateTimeOffset.UtcNow.AddDays(7));
            await mailer.QueueDeletionScheduledAsync(id, person, DateTimeOffset.UtcNow.AddDays(30));
            await mailer.QueueMatchWithdrawnAsync(id, person, "Hilfe beim Einkaufen", toRequestSide: true);
            await mailer.QueueMatchWithdrawnAsync(id, person, "Begleitung zum Amt", toRequestSide: false);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>The office's decisions on a reader's listing, the reminder before it runs out, and the digests of a reader and their organisation.</summary>
    private async Task ListingMailsAsync(Readers readers)
    {
        var poster = await readers.NewAsync("pst");
        var listing = await app.CreateListingAsync(Town, poster, title: "Kinderwagen, gut erhalten", configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddDays(2));
        await InTownAsync<ListingModerationMailer>(async (mailer, services) =>
        {
            var at = DateTimeOffset.UtcNow;
            foreach (var (kind, i) in new[] { ModerationActionKind.Hide, ModerationActionKind.Restore, ModerationActionKind.Close }.Select((k, i) => (k, i)))
            {
                await mailer.QueueDecisionAsync(new ListingDecision(MessagesTestData.EmailOf(poster), readers.Culture, poster, listing,
                    "Kinderwagen, gut erhalten", kind, "Bitte ohne Telefonnummer im Text.", at.AddMilliseconds(i)));
            }

            await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        await InTownAsync<StillCurrentReminders>(async (reminders, _) => Assert.True(await reminders.QueueDueAsync() >= 1));

        var district = await app.InTownAsync(Town, async db =>
        {
            var added = db.Districts.Add(new District { Name = $"Viertel {Guid.NewGuid():N}"[..20], SortOrder = 900 }).Entity;
            await db.SaveChangesAsync();
            return added.Id;
        });
        var german = await app.NewMemberAsync(Town, "anbieter", culture: "de");
        foreach (var (type, title, age) in new[]
                 {
                     (ListingType.Request, "Hilfe beim Tapezieren", TimeSpan.FromHours(2)), (ListingType.Offer, "Nähmaschine zu verleihen", TimeSpan.FromHours(3)),
                     (ListingType.Request, "Begleitung zum Arzt", TimeSpan.FromDays(9)),
                 })
        {
            await app.CreateListingAsync(Town, german, type, title, configure: l =>
            {
                l.DistrictId = district;
                l.PublishedAt = DateTimeOffset.UtcNow - age;
                l.CreatedAt = l.PublishedAt.Value;
            });
        }

        var subscriber = await readers.NewAsync("dig");
        var organisationAdmin = await readers.NewAsync("org");
        var organisation = await app.CreateOrganisationAsync(Town, organisationAdmin, OrganisationSetup.UniqueName("Nachbarschaftshilfe"), OrganisationStatus.Approved);
        await app.InTownAsync(Town, async db =>
        {
            var subscriberId = await db.Users.Where(u => u.UserName == subscriber).Select(u => u.Id).SingleAsync();
            foreach (var (user, organisationId) in new[] { (subscriberId, (int?)null), (null, organisation) })
            {
                db.DigestSubscriptions.Add(new DigestSubscription
                {
                    UserId = user, OrganisationId = organisationId, Frequency = DigestFrequency.Daily, DistrictIds = [district],
                    CreatedAt = DateTimeOffset.UtcNow.AddDays(-30),
                });
            }

            return await db.SaveChangesAsync();
        });
        var townId = await app.TownIdAsync(Town);
        await using var scope = app.Services.CreateAsyncScope();
        using (CultureScope.Use(Cultures.Default))
        {
            await scope.ServiceProvider.GetRequiredService<DigestJob>().RunForTownAsync(townId, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        }
    }

    /// <summary>An invitation into an organisation, and the office's decisions on one a reader leads.</summary>
    private async Task OrganisationMailsAsync(Readers readers)
    {
        var invited = await readers.NewAsync("inv");
        var admin = await readers.NewAsync("adm");
        var adminId = await app.UserIdAsync(admin);
        var name = OrganisationSetup.UniqueName("Tafel Süd");
        await InTownAsync<OrganisationMailer>(async (mailer, services) =>
        {
            await mailer.QueueInvitationAsync(MessagesTestData.EmailOf(invited), readers.Culture, name, "Erlangen",
                "http://erlangen.localhost/organisations/invitations/x", Guid.NewGuid().ToString("N"));
            var at = DateTimeOffset.UtcNow;
            await mailer.QueueReviewedAsync(MessagesTestData.EmailOf(admin), adminId, readers.Culture, admin, name, "Erlangen",
                "http://erlangen.localhost/organisations/1", approved: true, reason: null, at);
            await mailer.QueueReviewedAsync(MessagesTestData.EmailOf(admin), adminId, readers.Culture, admin, name, "Erlangen",
                "http://erlangen.localhost/organisations/1/edit", approved: false, reason: "Der Name fehlt noch.", at.AddMilliseconds(1));
            await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
    }

    /// <summary>A volunteer whose police clearance lapses in a month.</summary>
    private async Task ClearanceReminderAsync(Readers readers)
    {
        var volunteer = await app.UserIdAsync(await readers.NewAsync("vol"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.InTownAsync(Town, async db =>
        {
            db.PoliceClearances.Add(new PoliceClearance
            {
                VolunteerUserId = volunteer, InspectedByUserId = await db.Users.Where(u => u.UserName == Office).Select(u => u.Id).SingleAsync(),
                IssuedOn = today.AddYears(-ClearanceRules.DefaultValidYears).AddDays(30), InspectedOn = today.AddYears(-ClearanceRules.DefaultValidYears).AddDays(31),
                RecordedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await InTownAsync<ClearanceUpkeep>(async (upkeep, _) => Assert.True(await upkeep.RemindAsync() >= 1));
    }

    /// <summary>
    /// Course seats, changed by a German office: a reader seated, a reader on the list who gets the freed seat offered,
    /// and the run cancelled while the offer is open.
    /// </summary>
    private async Task CourseSeatMailsAsync(Readers readers)
    {
        var (_, runId) = await app.CourseWithRunAsync(seats: 1);
        var seated = await app.MemberParticipantAsync(await readers.NewAsync("cse"), readers.Culture);
        var waiting = await app.MemberParticipantAsync(await readers.NewAsync("cwa"), readers.Culture);
        await InTownAsync<CourseSeats>(async (seats, _) =>
        {
            Assert.Equal(SeatOutcome.Seated, (await seats.EnrolAsync(runId, seated)).Outcome);
            Assert.Equal(SeatOutcome.Waiting, (await seats.EnrolAsync(runId, waiting)).Outcome);
        });
        var enrolment = await app.EnrolmentOfAsync(runId, seated);
        await InTownAsync<CourseSeats>(async (seats, _) =>
        {
            Assert.Equal(SeatOutcome.Done, (await seats.CancelEnrolmentAsync(enrolment, byManager: true)).Outcome);
            Assert.Equal(SeatOutcome.Done, (await seats.CancelRunAsync(runId, "Die Kursleiterin ist erkrankt.")).Outcome);
        });
    }

    /// <summary>A run of a provider the reader leads, still below its minimum ten days before its start.</summary>
    private async Task CourseMailsAsync(Readers readers)
    {
        var admin = await readers.NewAsync("crs");
        var provider = await app.CreateOrganisationAsync(Town, admin, OrganisationSetup.UniqueName("Sprachschule"), OrganisationStatus.Approved);
        await app.RunAsync(Town, provider, [(10, 4), (17, 4)], min: 6, title: "Deutsch im Alltag");
        await InTownAsync<LowEnrolmentNotices>(async (notices, _) => Assert.True(await notices.SendDueAsync() >= 1));
    }

    /// <summary>The office's decisions on two applications of a reader's organisation: one approved with conditions, one rejected.</summary>
    private async Task BudgetMailsAsync(Readers readers)
    {
        var admin = await readers.NewAsync("bud");
        var organisation = await app.CreateOrganisationAsync(Town, admin, OrganisationSetup.UniqueName("Nähcafé"), OrganisationStatus.Approved);
        var fund = await app.FundAsync(10_000_00);
        var approved = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Material, 400_00)]);
        var rejected = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Rent, 900_00)]);
        var office = await app.UserIdAsync(Office);
        await InTownAsync<BudgetReviews>(async (reviews, _) =>
        {
            Assert.Equal(ReviewOutcome.Done, await reviews.ApproveAsync(approved,
                new Approval(new Dictionary<CostLines, long> { [CostLines.Material] = 300_00 }, "Belege sammeln"), office));
            Assert.Equal(ReviewOutcome.Done, await reviews.RejectAsync(rejected, "Schon gefördert", office));
        });
    }

    /// <summary>An expense of the reader rejected and another returned as incomplete by their organisation's admin, each with a reason.</summary>
    private async Task ExpenseMailsAsync(Readers readers)
    {
        var project = await app.ProjectAsync(grantedCents: 500_00);
        var submitter = await readers.NewAsync("exp");
        await app.AddMemberAsync(Town, project.OrganisationId, submitter, OrganisationRole.Member);
        var rejected = await app.ExpenseAsync(project, submitter, 20_00);
        var incomplete = await app.ExpenseAsync(project, submitter, 30_00);
        var admin = await app.UserIdAsync(project.Admin);
        var standing = new BudgetStanding(true, true, false, false);
        await InTownAsync<ExpenseApprovals>(async (approvals, _) =>
        {
            Assert.Equal(ExpenseOutcome.Rejected, await approvals.DecideAgainstAsync(rejected, standing, admin, incomplete: false, "R-2026-17"));
            Assert.Equal(ExpenseOutcome.ReturnedIncomplete, await approvals.DecideAgainstAsync(incomplete, standing, admin, incomplete: true, "R-2026-18"));
        });
    }

    /// <summary>
    /// A qualification that lapses in a month (the reminder), and a reader in the office who hears that language-course
    /// interest reached its group size (one district per language, so each run of the test makes its own rise).
    /// </summary>
    private async Task CourseQualificationMailsAsync(Readers readers)
    {
        var volunteer = await app.UserIdAsync(await readers.NewAsync("qul"));
        var office = await app.UserIdAsync(await readers.NewAsync("lco"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var index = Array.IndexOf(["ar", "fa", "uk"], readers.Culture);
        var district = await app.InTownAsync(Town, async db =>
        {
            await db.Memberships.Where(m => m.UserId == office).ExecuteUpdateAsync(u => u.SetProperty(m => m.Role, TownRole.Coordinator));
            var qualification = new Qualification { Key = $"q-{Guid.NewGuid():N}"[..20], Names = TranslatedText.InGerman("Erste Hilfe").With(readers.Culture, "✚ 1") };
            db.Qualifications.Add(qualification);
            await db.SaveChangesAsync();
            db.QualificationGrants.Add(new QualificationGrant
            {
                QualificationId = qualification.Id, UserId = volunteer, GrantedOn = today.AddYears(-2), ValidUntil = today.AddDays(30),
                ConfirmedByUserId = await db.Users.Where(u => u.UserName == Office).Select(u => u.Id).SingleAsync(), RecordedAt = DateTimeOffset.UtcNow,
            });
            if (!await db.LanguageCourseGroupSizes.AnyAsync(g => g.CourseType == LanguageCourseType.Vocational))
            {
                db.LanguageCourseGroupSizes.Add(new LanguageCourseGroupSize { CourseType = LanguageCourseType.Vocational, MinimumParticipants = 1 });
            }

            await db.SaveChangesAsync();
            return await db.Districts.OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Skip(index).Select(d => d.Id).FirstAsync();
        });
        await InTownAsync<QualificationReminders>(async (reminders, _) => Assert.True(await reminders.RemindAsync() >= 1));
        await InTownAsync<LanguageCourseDemand>(async (demand, services) =>
        {
            var participant = await services.GetRequiredService<CourseParticipants>().ForMemberAsync(volunteer, readers.Culture);
            await demand.RecordAsync(participant.Id, new InterestInput(LanguageCourseType.Vocational, CefrLevel.B1, true, district, DayParts.Evening, false,
                today, null), volunteer);
        });
    }

    /// <summary>An indicator of a project the reader leads, below half its target twice in a row (the shortfall notice).</summary>
    private async Task EffectsMailsAsync(Readers readers)
    {
        var admin = await readers.NewAsync("eff");
        var project = await app.ProjectAsync(Town, adminUserName: admin);
        var year = DateTime.UtcNow.Year;
        await app.IndicatorAsync(project, 10, (new DateOnly(year - 1, 7, 1), 1), (new DateOnly(year - 1, 10, 1), 2));
        await InTownAsync<ShortfallNotices>(async (notices, _) => Assert.True(await notices.SendDueAsync() >= 1));
    }

    /// <summary>
    /// A cell whose open requests rose two weeks in a row (in a district of its own, so each run raises its own alert): the
    /// coordinators' daily digest to a reader in the office, and the "we can help here" invitation to a reader who leads an
    /// organisation whose digest covers the cell.
    /// </summary>
    private async Task GapMailsAsync(Readers readers)
    {
        var coordinator = await app.UserIdAsync(await readers.NewAsync("gco"));
        var admin = await readers.NewAsync("gin");
        var organisation = await app.CreateOrganisationAsync(Town, admin, OrganisationSetup.UniqueName("Radwerkstatt"), OrganisationStatus.Approved);
        var week = await TownServiceAsync<GapAlerts, DateOnly>(alerts => Task.FromResult(alerts.LastCompleteWeek()));
        var district = await app.InTownAsync(Town, async db =>
        {
            await db.Memberships.Where(m => m.UserId == coordinator).ExecuteUpdateAsync(u => u.SetProperty(m => m.Role, TownRole.Coordinator));
            var category = await db.Categories.Where(c => c.Key == "fahrraeder").Select(c => c.ParentId ?? c.Id).SingleAsync();
            var district = db.Districts.Add(new District { Name = $"Radviertel {Guid.NewGuid():N}"[..22], SortOrder = 900 }).Entity;
            await db.SaveChangesAsync();
            db.DigestSubscriptions.Add(new DigestSubscription
            {
                OrganisationId = organisation, Frequency = DigestFrequency.Weekly, CategoryIds = [category], DistrictIds = [district.Id], CreatedAt = DateTimeOffset.UtcNow,
            });
            foreach (var (open, weeksBack) in new[] { (4, 2), (5, 1), (6, 0) })
            {
                db.WeeklySupplies.Add(new WeeklySupply
                {
                    WeekStart = week.AddDays(-7 * weeksBack), CategoryId = category, SubCategoryId = category, DistrictId = district.Id,
                    Side = ListingType.Request, OpenAtWeekEnd = open, StaleAtWeekEnd = open,
                });
            }

            await db.SaveChangesAsync();
            return district.Id;
        });
        await app.CreateListingAsync(Town, await app.NewMemberAsync(Town, "deutsch", culture: "de"), ListingType.Request, "Kinderfahrrad gesucht",
            configure: l => l.DistrictId = district);
        await InTownAsync<GapAlerts>(async (alerts, _) =>
        {
            Assert.True(await alerts.RaiseAsync(week) >= 1);
            Assert.True(await alerts.SendDigestAsync() >= 1);
            Assert.True(await alerts.SendInvitationsAsync() >= 1);
        });
    }

    private async Task<TResult> TownServiceAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = await app.TownScopeAsync(Town);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Runs a service of the town as a German-speaking office or job would: in a town scope, in German.</summary>
    private async Task InTownAsync<TService>(Func<TService, IServiceProvider, Task> work)
        where TService : notnull
    {
        await using var scope = await app.TownScopeAsync(Town);
        using (CultureScope.Use(Cultures.Default))
        {
            await work(scope.ServiceProvider.GetRequiredService<TService>(), scope.ServiceProvider);
        }
    }

    private static IEnumerable<string> ProblemsOf(MimeMessage mail, string culture, GermanText german)
    {
        var subject = mail.Subject ?? "";
        if (!InScript(WithoutIsolates(subject), culture))
        {
            yield return $"subject not in {culture}: {subject}";
        }

        var html = Parser.ParseDocument(mail.HtmlBody ?? "");
        var direction = Cultures.IsRightToLeft(culture) ? "rtl" : "ltr";
        if (html.DocumentElement.GetAttribute("lang") != culture || html.DocumentElement.GetAttribute("dir") != direction)
        {
            yield return $"<html lang=\"{html.DocumentElement.GetAttribute("lang")}\" dir=\"{html.DocumentElement.GetAttribute("dir")}\">";
        }

        var htmlText = html.DocumentElement.TextContent;

        // The platform's own words: without user text (<bdi>, dir="auto").
        foreach (var userText in html.QuerySelectorAll("bdi, [dir=auto]").ToList())
        {
            userText.Remove();
        }

        var ownText = html.Body!.GetDescendants().OfType<IText>().Where(t => t.Data.Any(char.IsLetter)).ToList();
        if (ownText.Count == 0)
        {
            yield return "no text of its own in the HTML part";
        }

        foreach (var text in ownText.Where(t => !InScript(t.Data, culture)))
        {
            yield return $"HTML text not in {culture}: {text.Data.Trim()}";
        }

        foreach (var text in ownText.Where(t => Cultures.IsRightToLeft(culture) && LatinOutsideBrackets(t.Data)))
        {
            yield return $"Latin text not isolated in the HTML part: {text.Data.Trim()}";
        }

        if (ownText.FirstOrDefault(t => t.ParentElement?.Closest("body [dir]")?.GetAttribute("dir") != direction) is { } undirected)
        {
            yield return $"direction set on <html> only, which mail programs drop: {undirected.Data.Trim()}";
        }

        var plain = mail.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsPlain)?.Text;
        foreach (var fallback in german.FoundIn(subject + "\n" + htmlText + "\n" + plain))
        {
            yield return $"German text: {fallback}";
        }

        if (string.IsNullOrWhiteSpace(plain))
        {
            yield return "no text/plain part";
            yield break;
        }

        var lines = WithoutIsolates(plain).Split('\n').Select(line => Link().Replace(line, "")).Where(line => line.Any(char.IsLetter)).ToList();
        if (lines.Count == 0 || !lines.Any(line => InScript(line, culture)))
        {
            yield return $"text/plain part not in {culture}";
        }

        foreach (var line in lines.Where(line => !InScript(line, culture)))
        {
            yield return $"text/plain line not in {culture}: {line.Trim()}";
        }

        foreach (var line in lines.Where(line => Cultures.IsRightToLeft(culture) && LatinOutsideBrackets(line)))
        {
            yield return $"Latin text not isolated in the text/plain part: {line.Trim()}";
        }
    }

    private static bool InScript(string text, string culture) => culture switch
    {
        "ar" or "fa" => text.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF'),
        "uk" => text.Any(c => c is >= '\u0400' and <= '\u04FF'),
        _ => throw new ArgumentOutOfRangeException(nameof(culture)),
    };

    /// <summary>
    /// Whether right-to-left text carries Latin words that are not isolated: a name or title among Arabic words then
    /// takes the punctuation next to it to the wrong side. German terms the translations keep in brackets are fine.
    /// </summary>
    private static bool LatinOutsideBrackets(string text) => Bracketed().Replace(text, "").Any(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z');

    /// <summary>The text without what users wrote, which the mail isolates between FSI and PDI (nested isolates included).</summary>
    private static string WithoutIsolates(string text)
    {
        var own = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == Bidi.FirstStrongIsolate)
            {
                depth++;
            }
            else if (c == Bidi.PopDirectionalIsolate)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                own.Append(c);
            }
        }

        return own.ToString();
    }

    /// <summary>
    /// The kinds of mail in the code. Every mail is written by TownMail's QueueAsync or RenderAsync (or AccountMailer's
    /// QueueAsync in front of it), and each takes the kind as its third argument; a conditional kind names both.
    /// </summary>
    private static SortedSet<string> ScanMailKinds()
    {
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        var separator = Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.WebProject, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal)))
        {
            var code = File.ReadAllText(file);
            foreach (System.Text.RegularExpressions.Match call in MailCall().Matches(code))
            {
                if (Arguments(code, call.Index + call.Length) is { Count: > 2 } arguments)
                {
                    kinds.UnionWith(KindLiteral().Matches(arguments[2]).Select(m => m.Groups["kind"].Value));
                }
            }
        }

        return kinds;
    }

    /// <summary>The arguments of the call whose opening parenthesis ends before <paramref name="start"/>, split at its own commas.</summary>
    private static List<string> Arguments(string code, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var from = start;
        for (var i = start; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    for (i++; i < code.Length && code[i] != '"'; i++)
                    {
                        i += code[i] == '\\' ? 1 : 0;
                    }

                    break;
                case '\'':
                    i = code.IndexOf('\'', i + (code[i + 1] == '\\' ? 3 : 2)) is var closing and >= 0 ? closing : code.Length;
                    break;
                case '/' when code[i + 1] == '/':
                    i = code.IndexOf('\n', i) is var end and >= 0 ? end : code.Length;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth > 0:
                    depth--;
                    break;
                case ')':
                    arguments.Add(code[from..i]);
                    return arguments;
                case ',' when depth == 0:
                    arguments.Add(code[from..i]);
                    from = i + 1;
                    break;
            }
        }

        return arguments;
    }

    [GeneratedRegex(@"\b(?:QueueAsync|RenderAsync)\(")]
    private static partial Regex MailCall();

    [GeneratedRegex(@"(?<![$@])""(?<kind>[a-z]+(?:-[a-z]+)*)""")]
    private static partial Regex KindLiteral();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Bracketed();

    /// <summary>Fresh members who read the given language, and every address a mail to them goes to.</summary>
    private sealed class Readers(MarketplaceFactory app, string culture)
    {
        public string Culture => culture;

        public List<string> Addresses { get; } = [];

        public string Name(string role) => $"{culture}{role}-{Guid.NewGuid():N}"[..20];

        public string Expect(string address)
        {
            Addresses.Add(address);
            return address;
        }

        public async Task<string> NewAsync(string role)
        {
            var userName = await app.NewMemberAsync(Town, culture + role, culture: culture);
            Expect(MessagesTestData.EmailOf(userName));
            return userName;
        }
    }

    /// <summary>
    /// The German sentences of the resource file, cut at their placeholders: none may appear in a mail to a reader of
    /// another language. German words that the language's own translations keep (e.g. "(Führungszeugnis)") are allowed.
    /// </summary>
    private sealed partial class GermanText(IReadOnlyList<string> fragments)
    {
        public static GermanText For(string culture)
        {
            var own = Values("." + culture);
            return new GermanText(Values("")
                .SelectMany(value => Placeholder().Split(value))
                .SelectMany(part => part.Split('\n'))
                .Select(part => part.Trim(' ', '.', ',', ':', ';', '!', '?', '(', ')', '"', '„', '“', '–', '-', '\r'))
                .Where(part => part.Length >= 8 && part.Contains(' ', StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .Where(part => !own.Any(value => value.Contains(part, StringComparison.Ordinal)))
                .ToList());
        }

        public IEnumerable<string> FoundIn(string text) => fragments.Where(f => text.Contains(f, StringComparison.Ordinal));

        private static List<string> Values(string suffix) =>
            XDocument.Load(Path.Combine(RepositoryPaths.WebProject, "Resources", $"SharedResource{suffix}.resx")).Root!
                .Elements("data").Select(d => d.Element("value")!.Value).ToList();

        [GeneratedRegex(@"\{[0-9]+(?::[^}]*)?\}")]
        private static partial Regex Placeholder();
    }
}
