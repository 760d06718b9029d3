using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>Courses, runs and participants written straight to a town's database, and seat changes run as a job would.</summary>
public static class SeatsSetup
{
    public const string Town = "erlangen";

    public static Task<(int CourseId, int RunId)> CourseWithRunAsync(this MarketplaceFactory app, int seats, int startsInDays = 30,
        int leaveDeadlineDays = 2, string slug = Town) =>
        app.InTownAsync(slug, async db =>
        {
            var course = new Course
            {
                Title = OrganisationSetup.UniqueName("Erste Hilfe am Kind"), Kind = CourseKind.VolunteerQualification, TeachingUnits = 8,
                LeaveDeadlineDays = leaveDeadlineDays, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            var district = await db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
            return (course.Id, await AddRunAsync(db, course.Id, seats, startsInDays, district, DayParts.Evening));
        });

    public static Task<int> AddRunAsync(this MarketplaceFactory app, int courseId, int seats, int districtId, DayParts dayParts, string slug = Town) =>
        app.InTownAsync(slug, db => AddRunAsync(db, courseId, seats, 30, districtId, dayParts));

    private static async Task<int> AddRunAsync(AppDbContext db, int courseId, int seats, int startsInDays, int districtId, DayParts dayParts)
    {
        var starts = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(startsInDays);
        var run = new CourseRun
        {
            CourseId = courseId, StartsOn = starts, EndsOn = starts.AddDays(14), DistrictId = districtId, MinParticipants = 1, MaxParticipants = seats,
            DayParts = dayParts, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.CourseRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    public static Task<List<int>> DistrictsAsync(this MarketplaceFactory app, string slug = Town) =>
        app.InTownAsync(slug, db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).ToListAsync());

    /// <summary>A person without account (no mail unless the contact is an address).</summary>
    public static Task<int> PersonAsync(this MarketplaceFactory app, string? contact = null, string culture = "de", string slug = Town) =>
        app.InTownAsync(slug, async db =>
        {
            var participant = new CourseParticipant
            {
                Name = "Teilnehmerin", Contact = contact, Culture = culture, ReferenceCode = Guid.NewGuid().ToString("N")[..IntakeContact.CodeLength].ToUpperInvariant(),
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.CourseParticipants.Add(participant);
            await db.SaveChangesAsync();
            return participant.Id;
        });

    public static async Task<List<int>> PeopleAsync(this MarketplaceFactory app, int count)
    {
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await app.PersonAsync());
        }

        return ids;
    }

    /// <summary>A member's participant, reading the given language.</summary>
    public static async Task<int> MemberParticipantAsync(this MarketplaceFactory app, string userName, string culture = "de", string slug = Town)
    {
        var userId = await app.UserIdAsync(userName);
        await using var scope = await app.TownScopeAsync(slug);
        return (await scope.ServiceProvider.GetRequiredService<CourseParticipants>().ForMemberAsync(userId, culture)).Id;
    }

    /// <summary>Runs a seat change in a scope of its own, as a request or the job does.</summary>
    public static async Task<T> SeatsAsync<T>(this MarketplaceFactory app, Func<CourseSeats, Task<T>> work, string slug = Town)
    {
        await using var scope = await app.TownScopeAsync(slug);
        return await work(scope.ServiceProvider.GetRequiredService<CourseSeats>());
    }

    public static Task<SeatResult> EnrolAsync(this MarketplaceFactory app, int runId, int participantId) =>
        app.SeatsAsync(s => s.EnrolAsync(runId, participantId));

    public static Task<int> OpenOfferOfAsync(this MarketplaceFactory app, int participantId) =>
        app.InTownAsync(Town, db => db.SeatOffers.Where(o => o.Entry!.ParticipantId == participantId && o.Status == SeatOfferStatus.Open)
            .Select(o => o.Id).SingleAsync());

    public static Task<int> EnrolmentOfAsync(this MarketplaceFactory app, int runId, int participantId) =>
        app.InTownAsync(Town, db => db.Enrolments.Where(e => e.RunId == runId && e.ParticipantId == participantId && e.Status == EnrolmentStatus.Confirmed)
            .Select(e => e.Id).SingleAsync());

    public static Task<List<int>> SeatedAsync(this MarketplaceFactory app, int runId) =>
        app.InTownAsync(Town, db => db.Enrolments.Where(e => e.RunId == runId && e.Status == EnrolmentStatus.Confirmed).Select(e => e.ParticipantId).ToListAsync());

    public static Task<WaitingStatus> EntryStatusAsync(this MarketplaceFactory app, int courseId, int participantId) =>
        app.InTownAsync(Town, db => db.WaitingListEntries.Where(e => e.CourseId == courseId && e.ParticipantId == participantId)
            .OrderByDescending(e => e.Id).Select(e => e.Status).FirstAsync());
}
