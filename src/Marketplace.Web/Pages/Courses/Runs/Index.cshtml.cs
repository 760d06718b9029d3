using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses.Runs;

/// <summary>
/// One run of a course, for everyone: dates, place at district level, free seats. A member enrols here, joins the run's
/// waiting list or the list for any run of the course, sees their own place and answers an open offer.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentMember member, CourseSeats seats, MySeats mine, CourseParticipants participants,
    TownClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record RunView(int Id, int CourseId, string Title, DateOnly StartsOn, DateOnly EndsOn, bool IsOnline, string? District,
        string? PlaceNote, DayParts DayParts, CourseRunStatus Status, string? CancelReason, int LeaveDeadlineDays);

    public sealed class AnyRunInput
    {
        public List<int> Districts { get; set; } = [];
        public List<DayParts> DayParts { get; set; } = [];
    }

    public RunView Run { get; private set; } = null!;
    public RunOccupancy Occupancy { get; private set; } = null!;
    public bool SignedIn { get; private set; }
    public MySeat? Seat { get; private set; }
    public IReadOnlyList<MyWaiting> Waiting { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty]
    public AnyRunInput AnyRun { get; set; } = new();

    public bool IsOpen => Run.Status == CourseRunStatus.Planned && Run.EndsOn >= Today;

    public bool MayLeave => CourseSeats.MayLeaveOn(Today, Run.StartsOn, Run.LeaveDeadlineDays);

    public string LoginUrl => "/account/login?returnUrl=" + Uri.EscapeDataString(Request.Path);

    public async Task<IActionResult> OnGetAsync(int courseId, int runId) => await LoadAsync(courseId, runId) ? Page() : NotFound();

    public Task<IActionResult> OnPostEnrolAsync(int courseId, int runId) =>
        ActAsync(courseId, runId, participant => seats.EnrolAsync(runId, participant, member.UserId));

    public Task<IActionResult> OnPostAnyRunAsync(int courseId, int runId) =>
        ActAsync(courseId, runId, async participant =>
        {
            var known = await db.Districts.Where(d => AnyRun.Districts.Contains(d.Id)).Select(d => d.Id).ToListAsync();
            var parts = AnyRun.DayParts.Where(p => p is DayParts.Morning or DayParts.Afternoon or DayParts.Evening or DayParts.Weekend)
                .Aggregate(DayParts.None, (all, p) => all | p);
            return await seats.JoinAnyRunAsync(courseId, participant, known, parts);
        });

    public Task<IActionResult> OnPostLeaveAsync(int courseId, int runId, int entry) =>
        ActAsync(courseId, runId, participant => seats.LeaveAsync(entry, participant));

    public Task<IActionResult> OnPostCancelAsync(int courseId, int runId, int enrolment) =>
        ActAsync(courseId, runId, participant => seats.CancelEnrolmentAsync(enrolment, byManager: false, participant));

    public Task<IActionResult> OnPostAcceptAsync(int courseId, int runId, int offer) =>
        ActAsync(courseId, runId, async participant =>
            await mine.OwnsOfferAsync(participant, offer) ? await seats.AcceptOfferAsync(offer) : new SeatResult(SeatOutcome.NotOpen));

    public Task<IActionResult> OnPostDeclineAsync(int courseId, int runId, int offer) =>
        ActAsync(courseId, runId, async participant =>
            await mine.OwnsOfferAsync(participant, offer) ? await seats.DeclineOfferAsync(offer) : new SeatResult(SeatOutcome.NotOpen));

    /// <summary>Signed-in members of the town only; a visitor is sent to the login and comes back here.</summary>
    private async Task<IActionResult> ActAsync(int courseId, int runId, Func<int, Task<SeatResult>> act)
    {
        if (!await LoadAsync(courseId, runId))
        {
            return NotFound();
        }

        if (member.UserId is not { } userId)
        {
            return Challenge();
        }

        if (!await member.CanParticipateAsync())
        {
            return Forbid();
        }

        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var participant = await participants.ForMemberAsync(userId, Cultures.IsSupported(culture) ? culture : Cultures.Default);
        var result = await act(participant.Id);
        TempData[HtmxResults.StatusKey] = result.Position is { } position
            ? l[SeatMessages.KeyOf(result), position].Value
            : l[SeatMessages.KeyOf(result)].Value;
        return RedirectToPage(new { courseId, runId });
    }

    private async Task<bool> LoadAsync(int courseId, int runId)
    {
        var run = await db.CourseRuns.AsNoTracking().Where(r => r.Id == runId && r.CourseId == courseId && !r.Course!.IsWithdrawn)
            .Select(r => new RunView(r.Id, r.CourseId, r.Course!.Title, r.StartsOn, r.EndsOn, r.IsOnline, r.District!.Name, r.PlaceNote, r.DayParts,
                r.Status, r.CancelReason, r.Course.LeaveDeadlineDays))
            .SingleOrDefaultAsync();
        if (run is null)
        {
            return false;
        }

        Run = run;
        Today = clock.Today();
        Occupancy = await db.CourseRuns.Where(r => r.Id == runId).Occupancy(db).SingleAsync();
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync())
            .Select(d => (d.Id, d.Name)).ToList();
        SignedIn = member.UserId is not null;
        if (member.UserId is { } userId && await mine.ParticipantOfAsync(userId) is { } participant)
        {
            Seat = (await mine.SeatsAsync(participant, runId)).FirstOrDefault();
            Waiting = (await mine.WaitingAsync(participant, courseId))
                .Where(w => w.Offer is null ? w.RunId == runId || w.RunId is null : w.Offer.RunId == runId).ToList();
        }

        return true;
    }
}
