using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>
/// The roll call of one meeting, made for a phone in the classroom: one form, present / excused / absent per person as
/// big radio buttons, saved at once; a second save corrects the first. The provider's members and admins and the office
/// take it; until completion is recorded, after which the marks are the record.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class RunRollCallModel(AppDbContext db, CourseAccess access, AttendanceRecords attendance, CurrentMember member, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public int RunId { get; private set; }
    public string Title { get; private set; } = "";
    public MeetingRow Meeting { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    public IReadOnlyList<SeatedPerson> People { get; private set; } = [];

    /// <summary>The marks by enrolment, as the form posts them (Marks[12]=Present).</summary>
    [BindProperty]
    public Dictionary<int, AttendanceMark> Marks { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int meetingId)
    {
        if (!await LoadAsync(id, meetingId))
        {
            return NotFound();
        }

        Marks = await attendance.MarksAsync(meetingId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int meetingId)
    {
        var posted = Marks;
        if (!await LoadAsync(id, meetingId))
        {
            return NotFound();
        }

        var seated = People.Where(p => p.Status == EnrolmentStatus.Confirmed).Select(p => p.EnrolmentId).ToHashSet();
        if (!IsOpen)
        {
            ModelState.AddModelError(string.Empty, l["CourseDesk_RollCallClosed"]);
        }
        else if (posted.Keys.Any(k => !seated.Contains(k)) || posted.Values.Any(m => !Enum.IsDefined(m)))
        {
            // Someone not seated in this run, or a mark that does not exist: nothing is written.
            ModelState.AddModelError(string.Empty, l["CourseDesk_RollCallUnknown"]);
        }

        if (!ModelState.IsValid)
        {
            Marks = posted;
            return this.InvalidForm("_RollCallForm");
        }

        await attendance.RecordAsync(meetingId, posted, member.UserId!);
        return await this.FormSucceededAsync("_RollCallForm", async () => Marks = await attendance.MarksAsync(meetingId), l["CourseDesk_RollCallSaved"].Value,
            new { id, meetingId });
    }

    private async Task<bool> LoadAsync(int id, int meetingId)
    {
        if (await access.ForRunAsync(id) < CourseAccessLevel.Teacher)
        {
            return false;
        }

        var meeting = (await attendance.MeetingsAsync(id)).SingleOrDefault(m => m.Id == meetingId);
        if (meeting is null)
        {
            return false;
        }

        var run = await db.CourseRuns.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Course!.Title, r.Status }).SingleAsync();
        RunId = id;
        Title = run.Title;
        Meeting = meeting;
        IsOpen = run.Status == CourseRunStatus.Planned;
        People = await attendance.SeatedAsync(id);
        return true;
    }
}
