using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>Courses and runs written straight to a town's database, as the catalogue tests need them.</summary>
public static class CatalogueSetup
{
    public static string UniqueTopic(string prefix = "Thema") => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A course with one planned run (Monday and Wednesday 9:00-12:15, 4 UE each, from a week ago to in a month); returns (course id, run id).</summary>
    public static Task<(int Course, int Run)> CourseAsync(this MarketplaceFactory app, string slug, string title, Action<Course>? course = null,
        Action<CourseRun>? run = null, int? providerId = null) =>
        app.InTownAsync(slug, async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var entity = new Course
            {
                Title = title,
                Kind = CourseKind.LanguageCourse,
                LanguageCourseType = LanguageCourseType.Integration,
                TargetLevel = CefrLevel.A2,
                Description = "Deutsch für den **Alltag**.",
                TeachingUnits = 100,
                InstructionLanguages = ["de"],
                ProviderOrganisationId = providerId,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            course?.Invoke(entity);
            var districtId = await db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
            var entityRun = new CourseRun
            {
                StartsOn = today.AddDays(-7),
                EndsOn = today.AddDays(30),
                DistrictId = districtId,
                PlaceNote = "Stadtteilhaus, 1. Stock",
                MinParticipants = 3,
                MaxParticipants = 12,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            run?.Invoke(entityRun);
            if (entityRun.Meetings.Count == 0)
            {
                for (var day = entityRun.StartsOn; day <= entityRun.EndsOn; day = day.AddDays(1))
                {
                    if (day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday)
                    {
                        entityRun.Meetings.Add(new CourseMeeting { Date = day, StartsAt = new TimeOnly(9, 0), EndsAt = new TimeOnly(12, 15), TeachingUnits = 4 });
                    }
                }
            }

            if (entityRun.DayParts == DayParts.None)
            {
                entityRun.DayParts = CourseRules.DayPartsOf(entityRun.Meetings.Select(m => (m.Date, m.StartsAt)));
            }

            entity.Runs.Add(entityRun);
            db.Courses.Add(entity);
            await db.SaveChangesAsync();
            return (entity.Id, entityRun.Id);
        });

    /// <summary>Confirmed seats for people without account, so a run fills up.</summary>
    public static Task SeatAsync(this MarketplaceFactory app, string slug, int runId, int people) =>
        app.InTownAsync(slug, async db =>
        {
            for (var i = 0; i < people; i++)
            {
                var participant = new CourseParticipant { Name = $"Person {i}", Culture = "de", CreatedAt = DateTimeOffset.UtcNow };
                db.CourseParticipants.Add(participant);
                await db.SaveChangesAsync();
                db.Enrolments.Add(new Enrolment { RunId = runId, ParticipantId = participant.Id, Status = EnrolmentStatus.Confirmed, EnrolledAt = DateTimeOffset.UtcNow });
            }

            return await db.SaveChangesAsync();
        });

    public static async Task<IReadOnlyList<int>> CourseIdsAsync(this HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelectorAll("[data-testid=course-card]")
            .Select(c => int.Parse(c.GetAttribute("data-course-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
