using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>
/// Edit a run: dates, place, minimum, and single meetings added or removed. The maximum is changed on the seat desk,
/// which hands freed seats to the waiting list. Each form binds only its own fields (a handler parameter each), so one
/// form's empty fields are no errors of the other.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class EditRunModel(AppDbContext db, CourseAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public RunInput Input { get; private set; } = new();
    public MeetingInput Meeting { get; private set; } = new();
    public int RunId { get; private set; }
    public int CourseId { get; private set; }
    public string CourseTitle { get; private set; } = "";
    public int MaxParticipants { get; private set; }
    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int runId)
    {
        if (await ManagedRunAsync(runId) is not { } run)
        {
            return NotFound();
        }

        Input = RunInput.From(run);
        await LoadAsync(run);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int runId, [Bind(Prefix = "Input")] RunInput input)
    {
        if (await ManagedRunAsync(runId) is not { } run)
        {
            return NotFound();
        }

        Input = input;
        await LoadAsync(run);
        input.Validate(ModelState, l, Districts.Select(d => d.Id).ToList(), generate: false, currentMax: run.MaxParticipants);
        if (ModelState.IsValid && run.Meetings.Any(m => m.Date < input.StartsOn || m.Date > input.EndsOn))
        {
            ModelState.AddModelError("Input.EndsOn", l["Courses_MeetingsOutsideDates"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        input.ApplyTo(run);
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Courses_Saved"].Value;
        return RedirectToPage(new { runId });
    }

    public async Task<IActionResult> OnPostAddMeetingAsync(int runId, [Bind(Prefix = "Meeting")] MeetingInput meeting)
    {
        if (await ManagedRunAsync(runId) is not { } run)
        {
            return NotFound();
        }

        Input = RunInput.From(run);
        Meeting = meeting;
        RunInput.ValidateMeeting(ModelState, l, "Meeting.StartsAt", "Meeting.EndsAt", meeting.StartsAt, meeting.EndsAt);
        if (meeting.Date is { } date && (date < run.StartsOn || date > run.EndsOn))
        {
            ModelState.AddModelError("Meeting.Date", l["Courses_MeetingOutsideRun"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(run);
            return this.InvalidForm();
        }

        run.Meetings.Add(new CourseMeeting { Date = meeting.Date!.Value, StartsAt = meeting.StartsAt!.Value, EndsAt = meeting.EndsAt!.Value, TeachingUnits = meeting.TeachingUnits });
        RunForm.KeepDayParts(run);
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Courses_MeetingAdded"].Value;
        return RedirectToPage(new { runId });
    }

    /// <summary>Removes a meeting that has no roll call yet: a taken roll call is attendance on record and stays.</summary>
    public async Task<IActionResult> OnPostRemoveMeetingAsync(int runId, int meetingId)
    {
        if (await ManagedRunAsync(runId) is not { } run || run.Meetings.SingleOrDefault(m => m.Id == meetingId) is not { } meeting)
        {
            return NotFound();
        }

        if (await db.Attendances.AnyAsync(a => a.MeetingId == meetingId) || run.Meetings.Count == 1)
        {
            ModelState.AddModelError(string.Empty, l[run.Meetings.Count == 1 ? "Courses_LastMeetingStays" : "Courses_MeetingHasRollCall"]);
            Input = RunInput.From(run);
            await LoadAsync(run);
            return this.InvalidForm();
        }

        run.Meetings.Remove(meeting);
        db.CourseMeetings.Remove(meeting);
        RunForm.KeepDayParts(run);
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Courses_MeetingRemoved"].Value;
        return RedirectToPage(new { runId });
    }

    private async Task<CourseRun?> ManagedRunAsync(int runId) =>
        await access.ForRunAsync(runId, HttpContext.RequestAborted) == CourseAccessLevel.Manager
            ? await db.CourseRuns.Include(r => r.Meetings).SingleOrDefaultAsync(r => r.Id == runId, HttpContext.RequestAborted)
            : null;

    private async Task LoadAsync(CourseRun run)
    {
        RunId = run.Id;
        CourseId = run.CourseId;
        MaxParticipants = run.MaxParticipants;
        CourseTitle = await db.Courses.Where(c => c.Id == run.CourseId).Select(c => c.Title).SingleAsync();
        Meetings = run.Meetings.OrderBy(m => m.Date).ThenBy(m => m.StartsAt)
            .Select(m => new MeetingView(m.Id, m.Date, m.StartsAt, m.EndsAt, m.TeachingUnits)).ToList();
        Districts = await RunForm.DistrictsAsync(db, HttpContext.RequestAborted);
    }
}
