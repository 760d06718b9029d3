using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>What the run forms of NewRun and EditRun share: the town's districts and the managed course they belong to.</summary>
public static class RunForm
{
    public static async Task<IReadOnlyList<(int Id, string Name)>> DistrictsAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
        .Select(d => (d.Id, d.Name)).ToList();

    /// <summary>The run's day parts, kept from its meetings for the catalogue's filter.</summary>
    public static void KeepDayParts(CourseRun run) =>
        run.DayParts = CourseRules.DayPartsOf(run.Meetings.Select(m => (m.Date, m.StartsAt)));

    /// <summary>The course's title when the person manages it; null (a 404) otherwise, also for a course of another town.</summary>
    public static async Task<string?> ManagedTitleAsync(AppDbContext db, CourseAccess access, int courseId, CancellationToken ct) =>
        await access.ForCourseAsync(courseId, ct) == CourseAccessLevel.Manager
            ? await db.Courses.Where(c => c.Id == courseId).Select(c => c.Title).SingleOrDefaultAsync(ct)
            : null;
}
