using Marketplace.Web.Courses;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me;

/// <summary>The member's courses: seats they hold, waiting places with their position, open offers; and leaving each.</summary>
public sealed class CoursesModel(CurrentMember member, MySeats mine, CourseSeats seats, TownClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<MySeat> Seats { get; private set; } = [];
    public IReadOnlyList<MyWaiting> Waiting { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = clock.Today();
        if (await mine.ParticipantOfAsync(member.UserId!) is { } participant)
        {
            Seats = await mine.SeatsAsync(participant);
            Waiting = await mine.WaitingAsync(participant);
        }
    }

    public Task<IActionResult> OnPostCancelAsync(int enrolment) =>
        ActAsync(participant => seats.CancelEnrolmentAsync(enrolment, byManager: false, participant));

    public Task<IActionResult> OnPostLeaveAsync(int entry) => ActAsync(participant => seats.LeaveAsync(entry, participant));

    public Task<IActionResult> OnPostAcceptAsync(int offer) =>
        ActAsync(async participant => await mine.OwnsOfferAsync(participant, offer) ? await seats.AcceptOfferAsync(offer) : new SeatResult(SeatOutcome.NotOpen));

    public Task<IActionResult> OnPostDeclineAsync(int offer) =>
        ActAsync(async participant => await mine.OwnsOfferAsync(participant, offer) ? await seats.DeclineOfferAsync(offer) : new SeatResult(SeatOutcome.NotOpen));

    private async Task<IActionResult> ActAsync(Func<int, Task<SeatResult>> act)
    {
        if (await mine.ParticipantOfAsync(member.UserId!) is not { } participant)
        {
            return NotFound();
        }

        var result = await act(participant);
        TempData[HtmxResults.StatusKey] = result.Position is { } position ? l[SeatMessages.KeyOf(result), position].Value : l[SeatMessages.KeyOf(result)].Value;
        return RedirectToPage();
    }
}
