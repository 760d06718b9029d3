using Marketplace.Tests.Integration.Hours;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>Courses, runs, meetings and seats for the desk's tests, written straight into the town's database.</summary>
public static class DeskSetup
{
    public sealed record RunSetup(int CourseId, int RunId, IReadOnlyList<int> MeetingIds);

    public static DateOnly Today => HoursSetup.TownToday();

    /// <summary>A course of the provider (null: the office) with one run whose meetings are on the given days, each of the given units.</summary>
    public static Task<RunSetup> RunAsync(this MarketplaceFactory app, string slug, int? providerId, IReadOnlyList<(int DayOffset, int Units)> meetings,
        int min = 2, int max = 10, bool requiresPass = false, string? title = null, int? startOffset = null) =>
        app.InTownAsync(slug, async db =>
        {
            var starts = Today.AddDays(startOffset ?? meetings.Min(m => m.DayOffset));
            var ends = meetings.Count == 0 ? starts : Today.AddDays(meetings.Max(m => m.DayOffset));
            var course = new Course
            {
                Title = title ?? $"Erste Hilfe {Guid.NewGuid():N}"[..20], Kind = CourseKind.VolunteerQualification, ProviderOrganisationId = providerId,
                TeachingUnits = meetings.Sum(m => m.Units), RequiresPass = requiresPass, CreatedAt = DateTimeOffset.UtcNow,
            };
            var run = new CourseRun
            {
                StartsOn = starts, EndsOn = ends, MinParticipants = min, MaxParticipants = max, Status = CourseRunStatus.Planned, CreatedAt = DateTimeOffset.UtcNow,
            };
            foreach (var (offset, units) in meetings)
            {
                run.Meetings.Add(new CourseMeeting { Date = Today.AddDays(offset), StartsAt = new TimeOnly(9, 0), EndsAt = new TimeOnly(12, 0), TeachingUnits = units });
            }

            course.Runs.Add(run);
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return new RunSetup(course.Id, run.Id, run.Meetings.OrderBy(m => m.Date).Select(m => m.Id).ToList());
        });

    /// <summary>A confirmed seat for a member (by user name) or, with <paramref name="withoutAccount"/>, for a person the office recorded by name.</summary>
    public static Task<int> SeatAsync(this MarketplaceFactory app, string slug, int runId, string name, bool withoutAccount = false, string culture = "de") =>
        app.InTownAsync(slug, async db =>
        {
            var userId = withoutAccount ? null : await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
            var participant = new CourseParticipant
            {
                UserId = userId, Name = withoutAccount ? name : null, Culture = culture, CreatedAt = DateTimeOffset.UtcNow,
                ReferenceCode = withoutAccount ? Guid.NewGuid().ToString("N")[..IntakeContact.CodeLength].ToUpperInvariant() : null,
            };
            db.CourseParticipants.Add(participant);
            await db.SaveChangesAsync();
            var enrolment = new Enrolment { RunId = runId, ParticipantId = participant.Id, Status = EnrolmentStatus.Confirmed, EnrolledAt = DateTimeOffset.UtcNow };
            db.Enrolments.Add(enrolment);
            await db.SaveChangesAsync();
            return enrolment.Id;
        });
}
