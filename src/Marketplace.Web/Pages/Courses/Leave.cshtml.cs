using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Mail;
using Marketplace.Web.Pages.Matches;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Courses;

/// <summary>Leaving a waiting list from the mail, without logging in: GET asks, POST leaves (and passes an open offer on).</summary>
public sealed class LeaveModel(AppDbContext db, SignedLinks signed, OneClickTokens tokens, CourseSeats seats, ITenantContext tenant) : PageModel
{
    public sealed record EntryView(int EntryId, int CourseId, string Title, bool OnList);

    public LinkState State { get; private set; }
    public EntryView? Entry { get; private set; }

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

        State = await SeatLinks.RedeemAsync(db, tokens, tokenId!.Value, "leave",
            async () => (await seats.LeaveAsync(Entry!.EntryId)).Outcome == SeatOutcome.Done);
        return Show();
    }

    private async Task<Guid?> ReadAsync(string token)
    {
        if (signed.ReadOneClick(token, tenant.TenantId ?? Guid.Empty) is not { Action: "leave" } link)
        {
            State = LinkState.Invalid;
            return null;
        }

        var (state, row) = await tokens.CheckAsync(link.TokenId, CourseSeatMailer.LeavePurpose);
        Entry = row is null ? null : await db.WaitingListEntries.AsNoTracking().Where(e => e.Id == row.TargetId)
            .Select(e => new EntryView(e.Id, e.CourseId, db.Courses.Where(c => c.Id == e.CourseId).Select(c => c.Title).First(),
                CourseSeats.OnList.Contains(e.Status)))
            .SingleOrDefaultAsync();
        State = Entry is null ? LinkState.Invalid : state switch
        {
            OneClickTokens.State.Valid => Entry.OnList ? LinkState.Confirm : LinkState.NotOpen,
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
