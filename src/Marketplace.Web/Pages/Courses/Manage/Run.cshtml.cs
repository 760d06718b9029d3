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
/// The run desk, one page class for the provider (Courses/Manage/Run, /courses/manage/runs/{id}) and the office
/// (Coordination/Courses/Run, /coordination/courses/runs/{id}, which adds the office's folder rules); both render
/// _RunDesk. It shows the run's facts, its seated people with their attendance, the meetings with their roll
/// call, the attendance list as CSV and PDF, and completion. A teacher of the provider sees the people and takes the roll
/// call; a manager (the provider's admins, the office) does everything. Anyone else gets a 404.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class RunModel(AppDbContext db, CourseAccess access, AttendanceRecords attendance, CourseCompletion completion, AttendanceExport export,
    CurrentMember member, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record RunFacts(int Id, int CourseId, string Title, string? Provider, string? District, bool IsOnline, string? PlaceNote, DateOnly StartsOn,
        DateOnly EndsOn, int MinParticipants, CourseRunStatus Status, bool RequiresPass, int MinimumAttendancePercent);

    public RunFacts Run { get; private set; } = null!;
    public CourseAccessLevel Access { get; private set; }
    public RunOccupancy Occupancy { get; private set; } = null!;
    public IReadOnlyList<AttendanceRate> People { get; private set; } = [];
    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];
    public bool IsOver { get; private set; }

    public bool IsManager => Access == CourseAccessLevel.Manager;

    /// <summary>The address this desk was opened at, so links and redirects stay on the office's or the provider's side.</summary>
    public string DeskPath => Request.Path.StartsWithSegments("/coordination", StringComparison.OrdinalIgnoreCase)
        ? $"/coordination/courses/runs/{Run.Id}"
        : $"/courses/manage/runs/{Run.Id}";

    public bool CanRecordCompletion => IsManager && IsOver && Run.Status == CourseRunStatus.Planned && People.Count > 0;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id, CourseAccessLevel.Teacher) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int id)
    {
        if (!await LoadAsync(id, CourseAccessLevel.Manager))
        {
            return NotFound();
        }

        var file = await export.CsvAsync(Run.Id, Meetings, People);
        return File(file, "text/csv; charset=utf-8", $"anwesenheit-{Run.Id}.csv");
    }

    public async Task<IActionResult> OnGetPdfAsync(int id)
    {
        if (!await LoadAsync(id, CourseAccessLevel.Manager))
        {
            return NotFound();
        }

        var file = await export.PdfAsync(new AttendanceListFacts(Run.Id, Run.Title, Run.Provider, Run.StartsOn, Run.EndsOn), Meetings, People);
        return File(file, "application/pdf", $"anwesenheit-{Run.Id}.pdf");
    }

    /// <summary>Completion, once; "passed" holds the enrolments ticked as passed where the course requires a pass.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(int id, int[] passed)
    {
        if (!await LoadAsync(id, CourseAccessLevel.Manager))
        {
            return NotFound();
        }

        var outcome = await completion.RecordAsync(id, passed.ToHashSet(), member.UserId!);
        if (outcome != CompletionOutcome.Recorded)
        {
            ModelState.AddModelError(string.Empty, l[outcome == CompletionOutcome.TooEarly ? "CourseDesk_CompletionTooEarly" : "CourseDesk_CompletionAlreadyRecorded"]);
            await LoadAsync(id, CourseAccessLevel.Manager);
            var refused = Page();
            refused.StatusCode = outcome == CompletionOutcome.TooEarly ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
            return refused;
        }

        TempData[HtmxResults.StatusKey] = l["CourseDesk_CompletionRecorded"].Value;
        return Redirect(DeskPath);
    }

    private async Task<bool> LoadAsync(int id, CourseAccessLevel needed)
    {
        Access = await access.ForRunAsync(id);
        if (Access < needed)
        {
            return false;
        }

        Run = await db.CourseRuns.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RunFacts(r.Id, r.CourseId, r.Course!.Title, r.Course.Provider!.Name, r.District!.Name, r.IsOnline, r.PlaceNote, r.StartsOn, r.EndsOn,
                r.MinParticipants, r.Status, r.Course.RequiresPass, r.Course.MinimumAttendancePercent))
            .SingleAsync();
        Occupancy = await db.CourseRuns.AsNoTracking().Where(r => r.Id == id).Occupancy(db).SingleAsync();
        People = await attendance.RatesAsync(id);
        Meetings = await attendance.MeetingsAsync(id);
        IsOver = await completion.IsOverAsync(id);
        return true;
    }
}
