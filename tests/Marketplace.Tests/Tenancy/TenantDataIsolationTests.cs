using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Tenancy;

/// <summary>A row written in Erlangen is invisible and unchangeable from Potsdam and from the bare domain.</summary>
[Trait("Category", "Database")]
public sealed class TenantDataIsolationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    public static readonly Type[] Covered =
    [
        typeof(District), typeof(TenantMembership), typeof(CoordinatorAppointment), typeof(Category), typeof(RentLimit),
        typeof(Listing), typeof(ListingPhoto), typeof(Organisation), typeof(OrganisationMember), typeof(OrganisationInvitation),
        typeof(OrganisationDistrict), typeof(OrganisationCategory), typeof(Conversation), typeof(Message), typeof(Match),
        typeof(Report), typeof(ModerationAction), typeof(OutboxMail), typeof(NotificationSettings), typeof(DigestSubscription),
        typeof(OneClickToken), typeof(VolunteerProfile), typeof(PoliceClearance), typeof(VolunteerHours), typeof(OfficeNote),
        typeof(OfficeInquiry), typeof(AuditEntry), typeof(IntakeContact), typeof(Course), typeof(CourseQualification),
        typeof(CourseRun), typeof(CourseMeeting), typeof(CourseParticipant), typeof(Enrolment), typeof(Attendance),
        typeof(WaitingListEntry), typeof(SeatOffer), typeof(Qualification), typeof(QualificationGrant),
        typeof(CategoryQualification), typeof(LanguageCourseInterest), typeof(LanguageCourseGroupSize),
        typeof(Fund), typeof(ProjectBudget), typeof(BudgetPlanLine), typeof(Expense), typeof(ExpenseReceipt),
        typeof(Indicator), typeof(IndicatorValue),
        typeof(SupplyFact), typeof(OpenSupply), typeof(WeeklySupply), typeof(WeeklyVolunteers), typeof(SupplyWatermark), typeof(GapAlert),
    ];

    private async Task AssertIsolatedAsync<T>(Func<AppDbContext, Task<T>> create) where T : class, ITenantOwned
    {
        var row = await app.InTownAsync("erlangen", async db =>
        {
            var entity = await create(db);
            await db.SaveChangesAsync();
            return entity;
        });
        var erlangenId = await app.TownIdAsync("erlangen");
        Assert.Equal(erlangenId, row.TenantId);

        bool VisibleIn(AppDbContext db) => db.Set<T>().AsEnumerable().Any(e => ReferenceEquals(e, row) || KeyOf(db, e).Equals(KeyOf(db, row)));

        Assert.True(await app.InTownAsync("erlangen", db => Task.FromResult(VisibleIn(db))));
        Assert.False(await app.InTownAsync("potsdam", db => Task.FromResult(VisibleIn(db))));
        Assert.False(await app.InTownAsync(null, db => Task.FromResult(VisibleIn(db))));

        // Writing it from Potsdam is refused before it reaches the database.
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => app.InTownAsync("potsdam", async db =>
        {
            db.Set<T>().Attach(row);
            db.Entry(row).State = EntityState.Modified;
            return await db.SaveChangesAsync();
        }));
    }

    // Joined as text, so a key of several columns (OpenSupply: town and listing) compares as one.
    private static object KeyOf(AppDbContext db, object entity) =>
        string.Join("|", db.Entry(entity).Metadata.FindPrimaryKey()!.Properties.Select(p => db.Entry(entity).Property(p.Name).CurrentValue));

    [Fact]
    public Task District_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.Districts.Add(new District { Name = "Isolationstest" }).Entity));

    [Fact]
    public Task Membership_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.UserName == "koeln-mitglied").Select(u => u.Id).SingleAsync();
            return db.Memberships.Add(new TenantMembership { UserId = userId, Role = TownRole.Member }).Entity;
        });

    [Fact]
    public Task Appointment_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(
            db.Appointments.Add(new CoordinatorAppointment { NormalizedEmail = "ISOLATION@EXAMPLE.ORG", Role = TownRole.Coordinator }).Entity));

    private static Task<string> UserIdAsync(AppDbContext db, string userName) =>
        db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();

    /// <summary>A listing of the scope's town, saved, so rows that hang off a listing have one.</summary>
    private static async Task<Listing> SavedListingAsync(AppDbContext db)
    {
        var listing = new Listing
        {
            Title = "Isolationstest",
            Description = "Nur für Erlangen",
            PosterUserId = await UserIdAsync(db, "erlangen-mitglied"),
            CategoryId = await db.Categories.Select(c => c.Id).FirstAsync(),
            DistrictId = await db.Districts.Select(d => d.Id).FirstAsync(),
            Status = ListingStatus.Published,
        };
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        return listing;
    }

    private static async Task<Organisation> SavedOrganisationAsync(AppDbContext db)
    {
        var organisation = new Organisation { Name = "Isolationsverein", Type = OrganisationType.Association };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    private static async Task<Conversation> SavedConversationAsync(AppDbContext db)
    {
        var listing = await SavedListingAsync(db);
        var conversation = new Conversation
        {
            ListingId = listing.Id,
            OwnerUserId = listing.PosterUserId,
            RespondentUserId = await UserIdAsync(db, "erlangen-koordination"),
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation;
    }

    [Fact]
    public Task Category_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.Categories.Add(new Category { Key = "isolation", Names = TranslatedText.InGerman("Isolation") }).Entity));

    [Fact]
    public Task RentLimit_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.RentLimits.Add(new RentLimit { HouseholdSize = 9, MaxWarmRentCents = 1999_00 }).Entity));

    [Fact]
    public Task OutboxMail_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.OutboxMails.Add(new OutboxMail
        {
            IdempotencyKey = "isolation", Recipient = "isolation@example.org", Template = "test", Culture = "de", Subject = "Isolation",
            HtmlBody = "<p>Isolation</p>", TextBody = "Isolation", MessageId = "isolation@example.org",
            CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow,
        }).Entity));

    [Fact]
    public async Task PlatformMail_IsWrittenOutsideTowns_AndNoTownSeesIt()
    {
        var id = await app.InTownAsync(null, async db =>
        {
            var mail = db.OutboxMails.Add(new OutboxMail
            {
                IdempotencyKey = "platform-isolation", Recipient = "admin@example.org", Template = "test", Culture = "de", Subject = "Plattform",
                HtmlBody = "<p>Plattform</p>", TextBody = "Plattform", MessageId = "platform-isolation@example.org",
                CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow.AddDays(1),
            }).Entity;
            await db.SaveChangesAsync();
            return mail.Id;
        });

        Assert.True(await app.InTownAsync(null, db => db.OutboxMails.AnyAsync(m => m.Id == id)));
        Assert.False(await app.InTownAsync("erlangen", db => db.OutboxMails.AnyAsync(m => m.Id == id)));
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => app.InTownAsync("erlangen", async db =>
        {
            var row = await db.OutboxMails.IgnoreQueryFilters().SingleAsync(m => m.Id == id);
            row.Subject = "übernommen";
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public Task NotificationSettings_AreIsolated() =>
        AssertIsolatedAsync(async db => db.NotificationSettings.Add(new NotificationSettings
        {
            UserId = await UserIdAsync(db, "erlangen-mitglied"), MessageMails = false,
        }).Entity);

    [Fact]
    public Task DigestSubscription_IsIsolated() =>
        AssertIsolatedAsync(async db => db.DigestSubscriptions.Add(new DigestSubscription
        {
            UserId = await UserIdAsync(db, "erlangen-mitglied"), Frequency = DigestFrequency.Daily, CategoryIds = [1], DistrictIds = [2],
        }).Entity);

    [Fact]
    public Task OneClickToken_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.OneClickTokens.Add(new OneClickToken
        {
            Purpose = "isolation", TargetId = 1, CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        }).Entity));

    [Fact]
    public Task Listing_IsIsolated() => AssertIsolatedAsync(SavedListingAsync);

    [Fact]
    public Task ListingPhoto_IsIsolated() =>
        AssertIsolatedAsync(async db => db.ListingPhotos.Add(new ListingPhoto
        {
            ListingId = (await SavedListingAsync(db)).Id, ContentType = "image/webp", Data = [1, 2, 3],
        }).Entity);

    [Fact]
    public Task Organisation_IsIsolated() => AssertIsolatedAsync(SavedOrganisationAsync);

    [Fact]
    public Task OrganisationMember_IsIsolated() =>
        AssertIsolatedAsync(async db => db.OrganisationMembers.Add(new OrganisationMember
        {
            OrganisationId = (await SavedOrganisationAsync(db)).Id, UserId = await UserIdAsync(db, "erlangen-mitglied"),
        }).Entity);

    [Fact]
    public Task OrganisationInvitation_IsIsolated() =>
        AssertIsolatedAsync(async db => db.OrganisationInvitations.Add(new OrganisationInvitation
        {
            OrganisationId = (await SavedOrganisationAsync(db)).Id, NormalizedEmail = "X@EXAMPLE.ORG", TokenHash = Guid.NewGuid().ToString("N"),
        }).Entity);

    [Fact]
    public Task OrganisationDistrict_IsIsolated() =>
        AssertIsolatedAsync(async db => db.OrganisationDistricts.Add(new OrganisationDistrict
        {
            OrganisationId = (await SavedOrganisationAsync(db)).Id, DistrictId = await db.Districts.Select(d => d.Id).FirstAsync(),
        }).Entity);

    [Fact]
    public Task OrganisationCategory_IsIsolated() =>
        AssertIsolatedAsync(async db => db.OrganisationCategories.Add(new OrganisationCategory
        {
            OrganisationId = (await SavedOrganisationAsync(db)).Id, CategoryId = await db.Categories.Select(c => c.Id).FirstAsync(),
        }).Entity);

    [Fact]
    public Task Conversation_IsIsolated() => AssertIsolatedAsync(SavedConversationAsync);

    [Fact]
    public Task Message_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            var conversation = await SavedConversationAsync(db);
            return db.Messages.Add(new Message { ConversationId = conversation.Id, SenderUserId = conversation.OwnerUserId, Body = "Hallo" }).Entity;
        });

    [Fact]
    public Task Match_IsIsolated() =>
        AssertIsolatedAsync(async db => db.Matches.Add(new Match { ListingId = (await SavedListingAsync(db)).Id }).Entity);

    [Fact]
    public Task Report_IsIsolated() =>
        AssertIsolatedAsync(async db => db.Reports.Add(new Report
        {
            TargetType = ReportTarget.User, TargetId = "someone", ReporterUserId = await UserIdAsync(db, "erlangen-mitglied"), Reason = ReportReason.Spam,
        }).Entity);

    [Fact]
    public Task ModerationAction_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.ModerationActions.Add(new ModerationAction
        {
            Kind = ModerationActionKind.Hide, TargetType = ReportTarget.Listing, TargetId = "1",
        }).Entity));

    [Fact]
    public async Task NewRow_OnThePlatformHost_IsRefused()
    {
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => app.InTownAsync(null, db =>
        {
            db.Districts.Add(new District { Name = "Niemandsland" });
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public Task VolunteerProfile_IsIsolated() =>
        AssertIsolatedAsync(async db => db.VolunteerProfiles.Add(new VolunteerProfile
        {
            UserId = await UserIdAsync(db, "erlangen-mitglied"), SkillCategoryIds = [1], Languages = ["de:Native"],
        }).Entity);

    [Fact]
    public Task PoliceClearance_IsIsolated() =>
        AssertIsolatedAsync(async db => db.PoliceClearances.Add(new PoliceClearance
        {
            VolunteerUserId = await UserIdAsync(db, "erlangen-mitglied"), InspectedByUserId = await UserIdAsync(db, "erlangen-koordination"),
            IssuedOn = new DateOnly(2026, 1, 5), InspectedOn = new DateOnly(2026, 1, 20),
        }).Entity);

    [Fact]
    public Task VolunteerHours_AreIsolated() =>
        AssertIsolatedAsync(async db => db.VolunteerHours.Add(new VolunteerHours
        {
            UserId = await UserIdAsync(db, "erlangen-mitglied"), OrganisationId = (await SavedOrganisationAsync(db)).Id,
            WorkedOn = new DateOnly(2026, 3, 1), Minutes = 150, Activity = "Sprachcafé",
        }).Entity);

    [Fact]
    public Task OfficeNote_IsIsolated() =>
        AssertIsolatedAsync(async db => db.OfficeNotes.Add(new OfficeNote
        {
            ListingId = (await SavedListingAsync(db)).Id, AuthorUserId = await UserIdAsync(db, "erlangen-koordination"), Text = "intern",
        }).Entity);

    [Fact]
    public Task OfficeInquiry_IsIsolated() =>
        AssertIsolatedAsync(async db => db.OfficeInquiries.Add(new OfficeInquiry
        {
            ListingId = (await SavedListingAsync(db)).Id, UserId = await UserIdAsync(db, "erlangen-mitglied"), Message = "Interesse",
        }).Entity);

    [Fact]
    public Task AuditEntry_IsIsolated() =>
        AssertIsolatedAsync(async db => db.AuditEntries.Add(new AuditEntry
        {
            ActorUserId = await UserIdAsync(db, "erlangen-koordination"), Action = AuditAction.AddedNote, SubjectType = "listing", SubjectId = "1",
        }).Entity);

    [Fact]
    public Task IntakeContact_IsIsolated() =>
        AssertIsolatedAsync(async db => db.IntakeContacts.Add(new IntakeContact
        {
            ListingId = (await SavedListingAsync(db)).Id, Name = "Frau A.", Culture = "ar", ReferenceCode = "ISOL1234",
            CreatedByUserId = await UserIdAsync(db, "erlangen-koordination"),
        }).Entity);

    /// <summary>A saved course with one run and one meeting in the scope's town, for the course rows that hang off them.</summary>
    private static async Task<CourseRun> SavedRunAsync(AppDbContext db)
    {
        var course = db.Courses.Add(new Course { Title = "Isolationstest", Kind = CourseKind.VolunteerQualification, CreatedAt = DateTimeOffset.UtcNow }).Entity;
        var run = new CourseRun
        {
            Course = course, StartsOn = new DateOnly(2027, 1, 4), EndsOn = new DateOnly(2027, 1, 4), IsOnline = true,
            MinParticipants = 1, MaxParticipants = 10, CreatedAt = DateTimeOffset.UtcNow,
        };
        run.Meetings.Add(new CourseMeeting { Date = run.StartsOn, StartsAt = new TimeOnly(18, 0), EndsAt = new TimeOnly(19, 30), TeachingUnits = 2 });
        db.CourseRuns.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    private static async Task<CourseParticipant> SavedParticipantAsync(AppDbContext db)
    {
        var participant = db.CourseParticipants.Add(new CourseParticipant
        {
            Name = "Isolationstest", Culture = "de", ReferenceCode = Guid.NewGuid().ToString("N")[..8], CreatedAt = DateTimeOffset.UtcNow,
        }).Entity;
        await db.SaveChangesAsync();
        return participant;
    }

    private static async Task<Qualification> SavedQualificationAsync(AppDbContext db)
    {
        var qualification = db.Qualifications.Add(new Qualification { Key = "iso-" + Guid.NewGuid().ToString("N")[..8], Names = TranslatedText.InGerman("Isolationstest") }).Entity;
        await db.SaveChangesAsync();
        return qualification;
    }

    private static async Task<Enrolment> SavedEnrolmentAsync(AppDbContext db)
    {
        var run = await SavedRunAsync(db);
        var participant = await SavedParticipantAsync(db);
        var enrolment = db.Enrolments.Add(new Enrolment { RunId = run.Id, ParticipantId = participant.Id, EnrolledAt = DateTimeOffset.UtcNow }).Entity;
        await db.SaveChangesAsync();
        return enrolment;
    }

    private static async Task<WaitingListEntry> SavedEntryAsync(AppDbContext db)
    {
        var run = await SavedRunAsync(db);
        var participant = await SavedParticipantAsync(db);
        var entry = db.WaitingListEntries.Add(new WaitingListEntry { CourseId = run.CourseId, RunId = run.Id, ParticipantId = participant.Id, Sequence = 1, JoinedAt = DateTimeOffset.UtcNow }).Entity;
        await db.SaveChangesAsync();
        return entry;
    }

    /// <summary>An indicator of a project of a fresh organisation and fund of the scope's town, saved.</summary>
    private static async Task<Indicator> SavedIndicatorAsync(AppDbContext db)
    {
        var organisation = db.Organisations.Add(new Organisation
        {
            Name = $"Isolationstest {Guid.NewGuid():N}"[..30], Type = OrganisationType.Initiative, Status = OrganisationStatus.Approved, CreatedAt = DateTimeOffset.UtcNow,
            Description = "Isolationstest",
        }).Entity;
        var fund = db.Funds.Add(new Fund { Name = "Isolationstest", StartsOn = new DateOnly(2027, 1, 1), EndsOn = new DateOnly(2027, 12, 31), CreatedAt = DateTimeOffset.UtcNow }).Entity;
        await db.SaveChangesAsync();
        var budget = db.ProjectBudgets.Add(new ProjectBudget
        {
            OrganisationId = organisation.Id, FundId = fund.Id, Title = "Isolationstest", Description = "-", Goals = "-", StartsOn = new DateOnly(2027, 1, 1),
            EndsOn = new DateOnly(2027, 12, 31), AppliedByUserId = await UserIdAsync(db, "erlangen-mitglied"), AppliedAt = DateTimeOffset.UtcNow,
        }).Entity;
        await db.SaveChangesAsync();
        var indicator = db.Indicators.Add(new Indicator
        {
            ProjectBudgetId = budget.Id, Name = "Isolationstest", Definition = "-", Unit = "Personen", Target = 10, CreatedAt = DateTimeOffset.UtcNow,
        }).Entity;
        await db.SaveChangesAsync();
        return indicator;
    }

    [Fact]
    public Task Indicator_IsIsolated() => AssertIsolatedAsync(SavedIndicatorAsync);

    [Fact]
    public Task IndicatorValue_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            var indicator = await SavedIndicatorAsync(db);
            return db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorId = indicator.Id, PeriodStart = new DateOnly(2027, 1, 1), PeriodEnd = new DateOnly(2027, 3, 31), Value = 3,
                RecordedByUserId = await UserIdAsync(db, "erlangen-mitglied"), RecordedAt = DateTimeOffset.UtcNow,
            }).Entity;
        });

    // The gap view's rows: keys far from the demo history (2011, numbers no listing or category has) so they never meet it.
    private static int Unused() => -Random.Shared.Next(1_000_000, int.MaxValue);

    [Fact]
    public Task SupplyFact_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.SupplyFacts.Add(new SupplyFact
        {
            Event = SupplyEvent.Published, Side = ListingType.Request, CategoryId = Unused(), DistrictId = Unused(),
            At = new DateTimeOffset(2011, 3, 1, 9, 0, 0, TimeSpan.Zero), ListingKey = Unused(),
        }).Entity));

    [Fact]
    public Task OpenSupply_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.OpenSupplies.Add(new OpenSupply
        {
            ListingKey = Unused(), Side = ListingType.Offer, CategoryId = Unused(), DistrictId = Unused(),
            OpenedAt = new DateTimeOffset(2011, 3, 1, 9, 0, 0, TimeSpan.Zero), LastActivityAt = new DateTimeOffset(2011, 3, 1, 9, 0, 0, TimeSpan.Zero),
        }).Entity));

    [Fact]
    public Task WeeklySupply_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.WeeklySupplies.Add(new WeeklySupply
        {
            WeekStart = new DateOnly(2011, 2, 28), CategoryId = Unused(), DistrictId = Unused(), Side = ListingType.Request, Published = 4,
        }).Entity));

    [Fact]
    public Task WeeklyVolunteers_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.WeeklyVolunteers.Add(new WeeklyVolunteers
        {
            WeekStart = new DateOnly(2011, 2, 28), CategoryId = Unused(), DistrictId = Unused(), Available = 2,
        }).Entity));

    [Fact]
    public Task SupplyWatermark_IsIsolated() =>
        // One per town: the demo's build may have written Erlangen's already.
        AssertIsolatedAsync(async db => await db.SupplyWatermarks.SingleOrDefaultAsync()
            ?? db.SupplyWatermarks.Add(new SupplyWatermark { FoldedUpTo = new DateTimeOffset(2011, 3, 1, 9, 0, 0, TimeSpan.Zero) }).Entity);

    [Fact]
    public Task GapAlert_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.GapAlerts.Add(new GapAlert
        {
            Kind = GapAlertKind.RisingRequests, WeekStart = new DateOnly(2011, 2, 28), CategoryId = Unused(), DistrictId = Unused(), Value = 6,
            RaisedAt = new DateTimeOffset(2011, 3, 7, 6, 0, 0, TimeSpan.Zero),
        }).Entity));

    [Fact]
    public Task Course_IsIsolated() => AssertIsolatedAsync(async db => (await SavedRunAsync(db)).Course!);

    [Fact]
    public Task CourseRun_IsIsolated() => AssertIsolatedAsync(SavedRunAsync);

    [Fact]
    public Task CourseMeeting_IsIsolated() => AssertIsolatedAsync(async db => (await SavedRunAsync(db)).Meetings[0]);

    [Fact]
    public Task CourseParticipant_IsIsolated() => AssertIsolatedAsync(SavedParticipantAsync);

    [Fact]
    public Task Enrolment_IsIsolated() => AssertIsolatedAsync(SavedEnrolmentAsync);

    [Fact]
    public Task Attendance_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            var enrolment = await SavedEnrolmentAsync(db);
            var meeting = await db.CourseMeetings.Where(m => m.RunId == enrolment.RunId).Select(m => m.Id).FirstAsync();
            return db.Attendances.Add(new Attendance
            {
                MeetingId = meeting, EnrolmentId = enrolment.Id, Mark = AttendanceMark.Present,
                RecordedByUserId = await UserIdAsync(db, "erlangen-koordination"), RecordedAt = DateTimeOffset.UtcNow,
            }).Entity;
        });

    [Fact]
    public Task WaitingListEntry_IsIsolated() => AssertIsolatedAsync(SavedEntryAsync);

    [Fact]
    public Task SeatOffer_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            var entry = await SavedEntryAsync(db);
            return db.SeatOffers.Add(new SeatOffer
            {
                WaitingListEntryId = entry.Id, RunId = entry.RunId!.Value, OfferedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(48),
            }).Entity;
        });

    [Fact]
    public Task Qualification_IsIsolated() => AssertIsolatedAsync(SavedQualificationAsync);

    [Fact]
    public Task CourseQualification_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            var run = await SavedRunAsync(db);
            var qualification = await SavedQualificationAsync(db);
            return db.CourseQualifications.Add(new CourseQualification { CourseId = run.CourseId, QualificationId = qualification.Id }).Entity;
        });

    [Fact]
    public Task QualificationGrant_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            var qualification = await SavedQualificationAsync(db);
            var coordinator = await UserIdAsync(db, "erlangen-koordination");
            return db.QualificationGrants.Add(new QualificationGrant
            {
                QualificationId = qualification.Id, UserId = await UserIdAsync(db, "erlangen-mitglied"), GrantedOn = new DateOnly(2026, 1, 1),
                ConfirmedByUserId = coordinator, RecordedAt = DateTimeOffset.UtcNow,
            }).Entity;
        });

    [Fact]
    public Task CategoryQualification_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            var qualification = await SavedQualificationAsync(db);
            var category = await db.Categories.Select(c => c.Id).FirstAsync();
            return db.CategoryQualifications.Add(new CategoryQualification { CategoryId = category, QualificationId = qualification.Id }).Entity;
        });

    [Fact]
    public Task LanguageCourseInterest_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            var participant = await SavedParticipantAsync(db);
            return db.LanguageCourseInterests.Add(new LanguageCourseInterest
            {
                ParticipantId = participant.Id, CourseType = LanguageCourseType.Integration, Since = new DateOnly(2026, 11, 1),
                StatusChangedAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
            }).Entity;
        });

    [Fact]
    public Task LanguageCourseGroupSize_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            // One per type and town: take a type the town has not set yet.
            var taken = await db.LanguageCourseGroupSizes.Select(g => g.CourseType).ToListAsync();
            var type = Enum.GetValues<LanguageCourseType>().First(t => !taken.Contains(t));
            return db.LanguageCourseGroupSizes.Add(new LanguageCourseGroupSize { CourseType = type, MinimumParticipants = 12 }).Entity;
        });

    private static async Task<ProjectBudget> SavedProjectBudgetAsync(AppDbContext db)
    {
        var fund = new Fund { Name = "Isolationsfonds", AmountCents = 1_000_00, StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31) };
        db.Funds.Add(fund);
        var organisation = await SavedOrganisationAsync(db);
        var budget = new ProjectBudget
        {
            OrganisationId = organisation.Id, Fund = fund, Title = "Isolationsprojekt", Description = "Nur für Erlangen", Goals = "Isolation",
            AppliedByUserId = await UserIdAsync(db, "erlangen-mitglied"), RequestedCents = 100_00,
        };
        db.ProjectBudgets.Add(budget);
        await db.SaveChangesAsync();
        return budget;
    }

    [Fact]
    public Task Fund_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.Funds.Add(new Fund
        {
            Name = "Isolationsfonds", AmountCents = 1_000_00, StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31),
        }).Entity));

    [Fact]
    public Task ProjectBudget_IsIsolated() => AssertIsolatedAsync(SavedProjectBudgetAsync);

    [Fact]
    public Task BudgetPlanLine_IsIsolated() =>
        AssertIsolatedAsync(async db => db.BudgetPlanLines.Add(new BudgetPlanLine
        {
            ProjectBudgetId = (await SavedProjectBudgetAsync(db)).Id, Line = CostLines.Material, RequestedCents = 100_00,
        }).Entity);

    private static async Task<Expense> SavedExpenseAsync(AppDbContext db)
    {
        var budget = await SavedProjectBudgetAsync(db);
        var line = new BudgetPlanLine { ProjectBudgetId = budget.Id, Line = CostLines.Material, RequestedCents = 100_00 };
        db.BudgetPlanLines.Add(line);
        await db.SaveChangesAsync();
        var expense = new Expense
        {
            ProjectBudgetId = budget.Id, PlanLineId = line.Id, SubmittedByUserId = await UserIdAsync(db, "erlangen-mitglied"),
            SubmittedAt = DateTimeOffset.UtcNow, AmountCents = 12_50, SpentOn = new DateOnly(2026, 11, 30), Payee = "Baumarkt", Purpose = "Isolation",
        };
        db.Expenses.Add(expense);
        await db.SaveChangesAsync();
        return expense;
    }

    [Fact]
    public Task Expense_IsIsolated() => AssertIsolatedAsync(SavedExpenseAsync);

    [Fact]
    public Task ExpenseReceipt_IsIsolated() =>
        AssertIsolatedAsync(async db => db.ExpenseReceipts.Add(new ExpenseReceipt
        {
            ExpenseId = (await SavedExpenseAsync(db)).Id, ContentType = "application/pdf", FileName = "beleg.pdf", Data = "%PDF-1.4"u8.ToArray(),
            UploadedAt = DateTimeOffset.UtcNow,
        }).Entity);
}
