using System.Security.Cryptography;
using Marketplace.Web.Domain;
using Marketplace.Web.Intake;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// A demo town's course catalogue: integration courses of several types, a literacy course and a parents' course at the
/// education provider, the initiative's conversation café, and the office's first-aid and child-protection trainings.
/// Some runs are full with a waiting list, some are completed with certificates and qualifications (one of them lapsing
/// soon), and the interest register holds people waiting for a language course. Running it again changes nothing.
/// </summary>
public static class DemoCourses
{
    private static readonly string[] FirstNames =
    [
        "Amina", "Yusuf", "Olena", "Farid", "Mariam", "Dmytro", "Leyla", "Omar", "Zahra", "Ivan", "Hevin", "Samir", "Nadia",
        "Karim", "Iryna", "Reza", "Fatima", "Bashir", "Oksana", "Hamid", "Soraya", "Taras", "Aylin", "Mahmoud", "Halyna",
        "Jamal", "Rana", "Petro", "Shirin", "Ali", "Yara", "Bohdan", "Parisa", "Khaled", "Sofiia", "Nasrin", "Ahmad", "Lina",
    ];

    private static readonly string[] Cultures = ["ar", "uk", "fa", "ar", "uk", "fa", "de"];

    public static async Task SeedAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now)
    {
        if (await db.Courses.AnyAsync() || await db.Qualifications.AnyAsync())
        {
            return;
        }

        var districts = await db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).ToListAsync();
        var providers = await db.Organisations.Where(o => o.Status == OrganisationStatus.Approved)
            .Select(o => new { o.Id, o.Type }).ToListAsync();
        var accounts = await db.Users.Where(u => u.UserName!.StartsWith(town.Slug + "-") || u.UserName == DemoData.MultiTownUserName)
            .ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var coordinator = accounts.GetValueOrDefault($"{town.Slug}-koordination");
        var member = accounts.GetValueOrDefault($"{town.Slug}-mitglied");
        if (districts.Count < 3 || coordinator is null || member is null)
        {
            return;
        }

        var education = providers.FirstOrDefault(p => p.Type == OrganisationType.CourseProvider)?.Id;
        var initiative = providers.FirstOrDefault(p => p.Type == OrganisationType.Initiative)?.Id;
        var welfare = providers.FirstOrDefault(p => p.Type == OrganisationType.WelfareProvider)?.Id;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var seed = new Seed(db, now, coordinator, new Random(town.Slug.Aggregate(23, (h, c) => unchecked(h * 31 + c))));

        await using var transaction = await db.Database.BeginTransactionAsync();

        var firstAid = NewQualification("erste-hilfe", "Erste Hilfe", "First aid", "الإسعافات الأولية", "کمک‌های اولیه", "Перша допомога");
        var childProtection = NewQualification("kinderschutz", "Kinderschutz", "Child protection", "حماية الطفل", "حمایت از کودکان", "Захист дітей");
        var intercultural = NewQualification("interkulturelle-kompetenz", "Interkulturelle Kompetenz", "Intercultural competence", "الكفاءة بين الثقافات", "شایستگی بین‌فرهنگی", "Міжкультурна компетентність");
        var traumaSensitive = NewQualification("traumasensibel", "Traumasensibel begleiten", "Trauma-sensitive support", "المرافقة الواعية بالصدمات", "همراهی آگاه از تروما", "Травмочутливий супровід");
        var languageMentor = NewQualification("sprachpate", "Sprachpate/DaZ", "Language mentor (German as a second language)", "مرافق لغوي", "همراه زبانی", "Мовний наставник");
        db.Qualifications.AddRange(firstAid, childProtection, intercultural, traumaSensitive, languageMentor);
        await db.SaveChangesAsync();
        // Accompanying someone trauma-sensitively presupposes intercultural competence.
        traumaSensitive.IncludesQualificationIds = [intercultural.Id];

        var participants = FirstNames.Select((name, i) => new CourseParticipant
        {
            Name = $"{name} {(char)('A' + (i * 7 % 26))}.",
            Culture = Cultures[i % Cultures.Length],
            ReferenceCode = RandomNumberGenerator.GetString(ReferenceCodes.Alphabet, IntakeContact.CodeLength),
            CreatedAt = now.AddDays(-120 + i),
            CreatedByUserId = coordinator,
        }).ToList();
        var memberParticipant = new CourseParticipant { UserId = member, Culture = "de", CreatedAt = now.AddDays(-400), CreatedByUserId = member };
        participants.Add(memberParticipant);
        CourseParticipant? lenaParticipant = null;
        if (accounts.GetValueOrDefault(DemoData.MultiTownUserName) is { } lena)
        {
            lenaParticipant = new CourseParticipant { UserId = lena, Culture = "de", CreatedAt = now.AddDays(-300), CreatedByUserId = lena };
            participants.Add(lenaParticipant);
        }

        db.CourseParticipants.AddRange(participants);
        await db.SaveChangesAsync();
        var people = participants.Where(p => p.UserId is null).ToList();

        // Language courses at the education provider (as a VHS offers them) and the initiative's conversation café.
        var integration = seed.AddCourse(education, CourseKind.LanguageCourse, "Integrationskurs (allgemein) A1–B1",
            "Der allgemeine Integrationskurs: 600 Unterrichtseinheiten Sprachkurs und 100 Unterrichtseinheiten Orientierungskurs, Abschluss mit dem „Deutsch-Test für Zuwanderer“.\n\nTeilnahme mit Berechtigungsschein des BAMF kostenlos.",
            700, LanguageCourseType.Integration, CefrLevel.B1, feeNote: "Mit Berechtigungsschein kostenlos");
        var literacy = seed.AddCourse(education, CourseKind.LanguageCourse, "Integrationskurs mit Alphabetisierung",
            "Für Menschen, die in keiner Schrift oder nicht in lateinischer Schrift lesen und schreiben gelernt haben. Kleine Gruppe, viel Zeit für Lesen und Schreiben.",
            1000, LanguageCourseType.Literacy, CefrLevel.A2, childcare: "Kinderbetreuung im Nebenraum für Kinder ab 1 Jahr");
        var parents = seed.AddCourse(education, CourseKind.LanguageCourse, "Elternintegrationskurs am Vormittag",
            "Integrationskurs für Mütter und Väter, in den Schulzeiten, mit Themen rund um Kita, Schule und Gesundheit.",
            1000, LanguageCourseType.ParentsWomen, CefrLevel.B1, childcare: "Kinderbetreuung während des Kurses");
        var youth = seed.AddCourse(education, CourseKind.LanguageCourse, "Jugendintegrationskurs",
            "Für junge Menschen bis 27 Jahre: Deutsch für Ausbildung und Schule, mit Bewerbungstraining.",
            1000, LanguageCourseType.Youth, CefrLevel.B1);
        var cafe = seed.AddCourse(initiative ?? education, CourseKind.LanguageCourse, "Sprachcafé: Deutsch sprechen ohne Druck",
            "Einmal in der Woche treffen sich Ehrenamtliche und Neuangekommene zum Sprechen, Spielen und Kaffeetrinken. Ohne Anmeldung willkommen, eine Anmeldung hilft uns bei der Planung.",
            2, LanguageCourseType.VolunteerRun, CefrLevel.A1, languages: ["de", "ar", "uk"]);

        // Trainings for volunteers: the office's own, and one by the welfare provider.
        var firstAidCourse = seed.AddCourse(null, CourseKind.VolunteerQualification, "Erste Hilfe für Ehrenamtliche",
            "Der Grundkurs Erste Hilfe (9 Unterrichtseinheiten) nach den Vorgaben der Berufsgenossenschaften, an einem Samstag.",
            9, topic: "Erste Hilfe", validMonths: 24, grants: firstAid);
        var childProtectionCourse = seed.AddCourse(null, CourseKind.VolunteerQualification, "Kinderschutz im Ehrenamt",
            "Was tun bei einem Verdacht auf Kindeswohlgefährdung? Rechte von Kindern, Nähe und Distanz, Ansprechpersonen in der Stadt.",
            4, topic: "Kinderschutz", validMonths: 36, grants: childProtection);
        var traumaCourse = seed.AddCourse(welfare ?? education, CourseKind.VolunteerQualification, "Traumasensibel begleiten",
            "Wie Flucht und Gewalt nachwirken und wie Ehrenamtliche stärkend begleiten, ohne sich zu überfordern.",
            8, topic: "Begleitung", grants: traumaSensitive);
        await db.SaveChangesAsync();

        // A run under way, a full one with a waiting list, a literacy run with free seats, a café without end.
        var running = seed.AddRun(integration, today.AddDays(-60), today.AddDays(150), districts[0], [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(8, 30), new TimeOnly(12, 30), 5, 12, 20);
        var full = seed.AddRun(integration, today.AddDays(21), today.AddDays(230), districts[1], [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], new TimeOnly(17, 30), new TimeOnly(20, 45), 4, 12, 16);
        var literacyRun = seed.AddRun(literacy, today.AddDays(35), today.AddDays(300), districts[2], [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], new TimeOnly(13, 0), new TimeOnly(16, 15), 4, 8, 16);
        var parentsRun = seed.AddRun(parents, today.AddDays(12), today.AddDays(280), districts[0], [DayOfWeek.Tuesday, DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(12, 15), 4, 15, 20);
        seed.AddRun(youth, today.AddDays(49), today.AddDays(260), null, [DayOfWeek.Monday, DayOfWeek.Wednesday], new TimeOnly(15, 0), new TimeOnly(18, 15), 4, 10, 18, online: true);
        var cafeRun = seed.AddRun(cafe, today.AddDays(-90), today.AddDays(180), districts[^1], [DayOfWeek.Thursday], new TimeOnly(18, 0), new TimeOnly(19, 30), 2, 3, 30);

        // Trainings: completed runs (certificates, qualifications) and the next dates.
        var firstAidDone = seed.AddRun(firstAidCourse, today.AddDays(-95), today.AddDays(-95), districts[1], null, new TimeOnly(9, 0), new TimeOnly(16, 30), 9, 6, 12);
        var firstAidNext = seed.AddRun(firstAidCourse, today.AddDays(24), today.AddDays(24), districts[2], null, new TimeOnly(9, 0), new TimeOnly(16, 30), 9, 6, 12);
        var childProtectionOld = seed.AddRun(childProtectionCourse, today.AddMonths(-36).AddDays(25), today.AddMonths(-36).AddDays(25), districts[0], null, new TimeOnly(18, 0), new TimeOnly(21, 0), 4, 5, 15);
        seed.AddRun(childProtectionCourse, today.AddDays(40), today.AddDays(40), districts[0], null, new TimeOnly(18, 0), new TimeOnly(21, 0), 4, 5, 15);
        var traumaRun = seed.AddRun(traumaCourse, today.AddDays(9), today.AddDays(16), districts[1], null, new TimeOnly(9, 30), new TimeOnly(16, 0), 4, 8, 14, secondDay: true);
        await db.SaveChangesAsync();

        seed.Seat(running, people.Take(12));
        seed.Seat(full, people.Skip(12).Take(16));
        seed.Wait(integration, full, people.Skip(28).Take(3));
        seed.Wait(integration, null, people.Skip(31).Take(2), [districts[1], districts[2]], DayParts.Evening);
        seed.Seat(literacyRun, people.Skip(33).Take(5));
        seed.Seat(parentsRun, people.Skip(2).Take(9));
        seed.Seat(cafeRun, people.Skip(20).Take(9).Append(memberParticipant));
        seed.Seat(firstAidNext, people.Skip(30).Take(3));
        seed.Seat(traumaRun, people.Skip(33).Take(3));
        await db.SaveChangesAsync();

        var volunteers = lenaParticipant is null ? new[] { memberParticipant } : [memberParticipant, lenaParticipant];
        await seed.CompleteAsync(firstAidDone, volunteers.Concat(people.Take(7)), firstAid, 24);
        await seed.CompleteAsync(childProtectionOld, [memberParticipant, .. people.Skip(7).Take(4)], childProtection, 36);
        firstAidDone.Status = CourseRunStatus.Completed;
        childProtectionOld.Status = CourseRunStatus.Completed;

        // The central interest list for language courses, spread over types, districts and day parts.
        var types = new[] { LanguageCourseType.Integration, LanguageCourseType.ParentsWomen, LanguageCourseType.Literacy, LanguageCourseType.Youth, LanguageCourseType.Intensive, LanguageCourseType.Integration };
        var parts = new[] { DayParts.Morning, DayParts.Evening, DayParts.Morning | DayParts.Afternoon, DayParts.Weekend, DayParts.Afternoon };
        for (var i = 0; i < 22; i++)
        {
            var type = types[i % types.Length];
            db.LanguageCourseInterests.Add(new LanguageCourseInterest
            {
                ParticipantId = people[i % people.Count].Id,
                CourseType = type,
                CurrentLevel = i % 3 == 0 ? null : (CefrLevel)(1 + i % 2),
                LevelAssessed = i % 4 == 1,
                DistrictId = districts[i % Math.Min(3, districts.Count)],
                DayParts = parts[i % parts.Length],
                ChildcareNeeded = type == LanguageCourseType.ParentsWomen || i % 5 == 0,
                Since = today.AddDays(-7 - i * 4),
                Status = i % 7 == 3 ? InterestStatus.Referred : InterestStatus.Open,
                ReferredRunId = i % 7 == 3 ? (type == LanguageCourseType.Literacy ? literacyRun.Id : full.Id) : null,
                StatusChangedAt = now.AddDays(-i),
                RecordedByUserId = coordinator,
                CreatedAt = now.AddDays(-7 - i * 4),
            });
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static Qualification NewQualification(string key, string de, string en, string ar, string fa, string uk) => new()
    {
        Key = key,
        Names = TranslatedText.InGerman(de).With("en", en).With("ar", ar).With("fa", fa).With("uk", uk),
    };

    /// <summary>The demo's writing helpers; every row goes through the town's context, so tenancy stamps it.</summary>
    private sealed class Seed(AppDbContext db, DateTimeOffset now, string coordinator, Random rng)
    {
        public Course AddCourse(int? provider, CourseKind kind, string title, string description, int teachingUnits,
            LanguageCourseType? type = null, CefrLevel? level = null, string? topic = null, int? validMonths = null,
            Qualification? grants = null, string? childcare = null, string? feeNote = null, List<string>? languages = null)
        {
            var course = new Course
            {
                ProviderOrganisationId = provider,
                Kind = kind,
                Title = title,
                Description = description,
                TeachingUnits = teachingUnits,
                LanguageCourseType = type,
                TargetLevel = level,
                Topic = topic,
                QualificationValidMonths = validMonths,
                InstructionLanguages = languages ?? ["de"],
                ChildcareOffered = childcare is not null,
                ChildcareNote = childcare,
                AccessibilityNote = "Barrierefreier Zugang mit Aufzug.",
                FeeNote = feeNote,
                ContactEmail = "kurse@demo.example",
                CreatedAt = now.AddDays(-200),
                CreatedByUserId = coordinator,
            };
            db.Courses.Add(course);
            if (grants is not null)
            {
                course.Grants.Add(new CourseQualification { QualificationId = grants.Id });
            }

            return course;
        }

        /// <summary>A run meeting on the given weekdays (null: on its first day, and its last with <paramref name="secondDay"/>).</summary>
        public CourseRun AddRun(Course course, DateOnly starts, DateOnly ends, int? district, DayOfWeek[]? weekdays, TimeOnly from,
            TimeOnly to, int unitsPerMeeting, int min, int max, bool online = false, bool secondDay = false)
        {
            IEnumerable<DateOnly> dates = weekdays is null
                ? (secondDay ? [starts, ends] : [starts])
                : Enumerable.Range(0, ends.DayNumber - starts.DayNumber + 1).Select(starts.AddDays).Where(d => weekdays.Contains(d.DayOfWeek));
            var run = new CourseRun
            {
                Course = course,
                StartsOn = starts,
                EndsOn = ends,
                DistrictId = online ? null : district,
                IsOnline = online,
                PlaceNote = online ? null : "Stadtteilhaus, Raum 2",
                MinParticipants = min,
                MaxParticipants = max,
                CreatedAt = now.AddDays(-150),
            };
            run.Meetings.AddRange(dates.Select(d => new CourseMeeting { Date = d, StartsAt = from, EndsAt = to, TeachingUnits = unitsPerMeeting }));
            run.DayParts = CourseRules.DayPartsOf(run.Meetings.Select(m => (m.Date, m.StartsAt)));
            db.CourseRuns.Add(run);
            return run;
        }

        public void Seat(CourseRun run, IEnumerable<CourseParticipant> people)
        {
            foreach (var person in people)
            {
                db.Enrolments.Add(new Enrolment
                {
                    Run = run,
                    ParticipantId = person.Id,
                    Status = EnrolmentStatus.Confirmed,
                    EnrolledAt = now.AddDays(-rng.Next(20, 90)),
                    EnrolledByUserId = person.UserId ?? coordinator,
                });
            }
        }

        public void Wait(Course course, CourseRun? run, IEnumerable<CourseParticipant> people, List<int>? districts = null, DayParts parts = DayParts.None)
        {
            foreach (var person in people)
            {
                course.WaitingSequence++;
                db.WaitingListEntries.Add(new WaitingListEntry
                {
                    CourseId = course.Id,
                    RunId = run?.Id,
                    DistrictIds = districts ?? [],
                    DayParts = parts,
                    ParticipantId = person.Id,
                    Sequence = course.WaitingSequence,
                    JoinedAt = now.AddDays(-10).AddHours(course.WaitingSequence),
                });
            }
        }

        /// <summary>A finished run: everyone seated, the roll call taken, completion and certificates recorded, qualifications granted to members.</summary>
        public async Task CompleteAsync(CourseRun run, IEnumerable<CourseParticipant> people, Qualification qualification, int validMonths)
        {
            var completedOn = run.EndsOn;
            var completedAt = new DateTimeOffset(completedOn.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
            var enrolments = people.Select((person, i) => new Enrolment
            {
                Run = run,
                ParticipantId = person.Id,
                // The eighth person missed the day: enrolled, but not completed.
                Status = i == 7 ? EnrolmentStatus.NotCompleted : EnrolmentStatus.Completed,
                EnrolledAt = completedAt.AddDays(-30),
                EnrolledByUserId = person.UserId ?? coordinator,
                EndedAt = completedAt,
                CompletedAt = i == 7 ? null : completedAt,
                CertificateCode = i == 7 ? null : RandomNumberGenerator.GetString(ReferenceCodes.Alphabet, Enrolment.CertificateCodeLength),
            }).ToList();
            db.Enrolments.AddRange(enrolments);
            await db.SaveChangesAsync();

            foreach (var (enrolment, meeting) in enrolments.SelectMany(e => run.Meetings.Select(m => (e, m))))
            {
                db.Attendances.Add(new Attendance
                {
                    MeetingId = meeting.Id,
                    EnrolmentId = enrolment.Id,
                    Mark = enrolment.Status == EnrolmentStatus.Completed ? AttendanceMark.Present : AttendanceMark.Absent,
                    RecordedByUserId = coordinator,
                    RecordedAt = completedAt,
                });
            }

            foreach (var (enrolment, person) in enrolments.Zip(people).Where(p => p.First.Status == EnrolmentStatus.Completed && p.Second.UserId is not null))
            {
                db.QualificationGrants.Add(new QualificationGrant
                {
                    QualificationId = qualification.Id,
                    UserId = person.UserId!,
                    GrantedOn = completedOn,
                    ValidUntil = CourseRules.ValidUntil(completedOn, validMonths),
                    SourceEnrolmentId = enrolment.Id,
                    ConfirmedByUserId = coordinator,
                    RecordedAt = completedAt.AddDays(1),
                });
            }

            await db.SaveChangesAsync();
        }
    }
}
