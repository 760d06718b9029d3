using System.Text;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses;

/// <summary>A run's meetings as an .ics file for the reader's calendar; as public as the course page.</summary>
[AllowAnonymous]
public sealed class CalendarModel(AppDbContext db, CourseAccess access, ITenantContext tenant, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int runId)
    {
        var ct = HttpContext.RequestAborted;
        var run = await db.CourseRuns.AsNoTracking().Where(r => r.Id == runId && r.CourseId == id)
            .Select(r => new { r.Course!.Title, r.Course.IsWithdrawn, r.IsOnline, District = r.District != null ? r.District.Name : null })
            .SingleOrDefaultAsync(ct);
        if (run is null || (run.IsWithdrawn && await access.ForCourseAsync(id, ct) != CourseAccessLevel.Manager))
        {
            return NotFound();
        }

        var meetings = await db.CourseMeetings.AsNoTracking().Where(m => m.RunId == runId).OrderBy(m => m.Date).ThenBy(m => m.StartsAt)
            .Select(m => new CourseCalendar.Meeting(m.Id, m.Date, m.StartsAt, m.EndsAt))
            .ToListAsync(ct);
        var place = run.IsOnline ? l["Courses_Online"].Value : run.District;
        var ics = CourseCalendar.Render(Request.Host.Host, tenant.Tenant!.TimeZoneId, run.Title, place,
            $"{Request.Scheme}://{Request.Host}/courses/{id}", meetings);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"course-{id}-run-{runId}.ics");
    }
}
