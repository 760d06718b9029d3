using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Bench.Seed;

/// <summary>
/// The report town's course catalogue for the courses bench (issue 15): <see cref="RunCount"/> runs of
/// <see cref="CourseCount"/> courses with <see cref="EnrolmentCount"/> enrolments, some runs full with a waiting list,
/// and the coordinator who reads <c>/coordination/courses</c>.
/// </summary>
public static class BenchCourses
{
    public const string CoordinatorName = "bench-coordinator";
    public const string CoordinatorPassword = "Bench-Passwort-2026";
    public const int CourseCount = 200;
    public const int RunCount = 2000;
    public const int EnrolmentCount = 50_000;
    private const int ParticipantCount = 6000;
    private static readonly string[] Topics = ["Erste Hilfe", "Kinderschutz", "Begleitung", "Interkulturelle Kompetenz"];

    public static AppUser CreateCoordinator(IPasswordHasher<AppUser> hasher, DateTimeOffset now)
    {
        var email = CoordinatorName + "@bench.example";
        var user = new AppUser
        {
            UserName = CoordinatorName,
            NormalizedUserName = CoordinatorName.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            CreatedAt = now.AddDays(-300),
        };
        user.PasswordHash = hasher.HashPassword(user, CoordinatorPassword);
        return user;
    }

    /// <summary>Adds the catalogue in the current town's scope; districts are the town's (id, name).</summary>
    public static async Task AddAsync(AppDbContext db, IReadOnlyList<(int Id, string Name)> districts, Random rng, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var types = Enum.GetValues<LanguageCourseType>();
        var courses = Enumerable.Range(0, CourseCount).Select(i =>
        {
            var language = i % 3 != 0;
            return new Course
            {
                Kind = language ? CourseKind.LanguageCourse : CourseKind.VolunteerQualification,
                LanguageCourseType = language ? types[i % types.Length] : null,
                TargetLevel = language ? (CefrLevel)(1 + i % 5) : null,
                Topic = language ? null : Topics[i % Topics.Length],
                Title = language ? $"Deutschkurs {i + 1}" : $"Schulung für Ehrenamtliche {i + 1}",
                Description = "Ein Kurs im Katalog der Stadt, mit Terminen in mehreren Stadtteilen.",
                TeachingUnits = language ? 600 : 8,
                InstructionLanguages = i % 4 == 0 ? ["de", "ar"] : ["de"],
                ChildcareOffered = i % 5 == 0,
                FeeCents = i % 6 == 0 ? 2500 : 0,
                CreatedAt = now.AddDays(-rng.Next(1, 300)),
            };
        }).ToList();
        db.Courses.AddRange(courses);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var runs = new List<CourseRun>();
        for (var i = 0; i < RunCount; i++)
        {
            var course = courses[i % CourseCount];
            var starts = today.AddDays(rng.Next(-120, 240));
            var hour = new[] { 9, 14, 18 }[i % 3];
            var online = i % 17 == 0;
            var run = new CourseRun
            {
                CourseId = course.Id,
                StartsOn = starts,
                EndsOn = starts.AddDays(7 * 9),
                DistrictId = online ? null : districts[i % districts.Count].Id,
                IsOnline = online,
                MinParticipants = 8,
                MaxParticipants = 30,
                CreatedAt = now.AddDays(-rng.Next(1, 200)),
            };
            run.Meetings.AddRange(Enumerable.Range(0, 10).Select(w => new CourseMeeting
            {
                Date = starts.AddDays(7 * w),
                StartsAt = new TimeOnly(hour, 0),
                EndsAt = new TimeOnly(hour + 3, 0),
                TeachingUnits = 4,
            }));
            run.DayParts = CourseRules.DayPartsOf(run.Meetings.Select(m => (m.Date, m.StartsAt)));
            runs.Add(run);
        }

        db.CourseRuns.AddRange(runs);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var participants = Enumerable.Range(0, ParticipantCount).Select(i => new CourseParticipant
        {
            Name = $"Teilnehmende {i + 1}",
            Culture = "de",
            ReferenceCode = $"B{i:0000000}",
            CreatedAt = now.AddDays(-200),
        }).ToList();
        db.CourseParticipants.AddRange(participants);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // 25 seats taken in each run on average (30 in every tenth, which is full and has a waiting list), each person in
        // several runs; spread so no one sits twice in one run.
        var enrolments = new List<Enrolment>();
        var waiting = new List<WaitingListEntry>();
        var next = 0;
        foreach (var (run, index) in runs.Select((r, i) => (r, i)))
        {
            var seated = index % 10 == 0 ? 30 : 20 + index % 9;
            if (enrolments.Count + seated > EnrolmentCount)
            {
                seated = Math.Max(0, EnrolmentCount - enrolments.Count);
            }

            for (var s = 0; s < seated; s++)
            {
                enrolments.Add(new Enrolment
                {
                    RunId = run.Id,
                    ParticipantId = participants[next++ % ParticipantCount].Id,
                    Status = EnrolmentStatus.Confirmed,
                    EnrolledAt = now.AddDays(-rng.Next(1, 90)),
                });
            }

            if (index % 10 == 0)
            {
                for (var w = 0; w < 5; w++)
                {
                    waiting.Add(new WaitingListEntry
                    {
                        CourseId = run.CourseId,
                        RunId = run.Id,
                        ParticipantId = participants[next++ % ParticipantCount].Id,
                        Sequence = index * 10 + w + 1,
                        JoinedAt = now.AddDays(-rng.Next(1, 30)),
                    });
                }
            }
        }

        foreach (var batch in enrolments.Chunk(5000))
        {
            db.Enrolments.AddRange(batch);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        db.WaitingListEntries.AddRange(waiting);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        // Every queue's place counter is past its entries, as CourseSeats keeps it.
        await db.Courses.ExecuteUpdateAsync(c => c.SetProperty(x => x.WaitingSequence, RunCount * 10 + 10));
    }
}
