using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Mail;
using Marketplace.Web.Pages.Matches;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Courses;

/// <summary>
/// Giving a seat back from the enrolment mail, without logging in: GET asks, POST gives it back (up to the course's
/// leave deadline; the freed seat is offered to the head of the waiting list in the same step).
/// </summary>
public sealed class CancelModel(AppDbContext db, SignedLinks signed, OneClickTokens tokens, CourseSeats seats, ITenantContext tenant) : PageModel
{
    public sealed record SeatView(int EnrolmentId, int CourseId, int RunId, string Title);

    public LinkState State { get; private set; }
    public SeatView? Seat { get; private set; }

    /// <summary>The deadline for giving the seat back oneself has passed: the provider must be asked.</summary>
    public bool TooLate { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await ReadAsync(token);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var tokenId = await ReadAsync(token);
        if (State != LinkState.Confirm)
        {
            return Show();
        }

        State = await SeatLinks.RedeemAsync(db, tokens, tokenId!.Value, "cancel", async () =>
        {
            var outcome = (await seats.CancelEnrolmentAsync(Seat!.EnrolmentId, byManager: false)).Outcome;
            TooLate = outcome == SeatOutcome.TooLate;
            return outcome == SeatOutcome.Done;
        });
        return Show();
    }

    private async Task<Guid?> ReadAsync(string token)
    {
        if (signed.ReadOneClick(token, tenant.TenantId ?? Guid.Empty) is not { Action: "cancel" } link)
        {
            State = LinkState.Invalid;
            return null;
        }

        var (state, row) = await tokens.CheckAsync(link.TokenId, CourseSeatMailer.CancelPurpose);
        var seat = row is null ? null : await db.Enrolments.AsNoTracking().Where(e => e.Id == row.TargetId)
            .Select(e => new { e.Id, e.Run!.CourseId, e.RunId, e.Run.Course!.Title, Open = e.Status == Domain.EnrolmentStatus.Confirmed })
            .SingleOrDefaultAsync();
        Seat = seat is null ? null : new SeatView(seat.Id, seat.CourseId, seat.RunId, seat.Title);
        State = seat is null ? LinkState.Invalid : state switch
        {
            OneClickTokens.State.Valid => seat.Open ? LinkState.Confirm : LinkState.NotOpen,
            OneClickTokens.State.Used => LinkState.Used,
            OneClickTokens.State.Expired => LinkState.Expired,
            _ => LinkState.Invalid,
        };
        return link.TokenId;
    }

    private PageResult Show()
    {
        var page = Page();
        page.StatusCode = MatchLink.StatusCode(State);
        return page;
    }
}
