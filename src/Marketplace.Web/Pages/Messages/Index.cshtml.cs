using Marketplace.Web.Data;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Messages;

/// <summary>My conversations in this town, as poster or respondent, the most recent activity first.</summary>
public sealed class IndexModel(AppDbContext db, CurrentMember member, UnreadMessages unread) : PageModel
{
    public IReadOnlyList<ConversationRow> Conversations { get; private set; } = [];

    public sealed record ConversationRow(int Id, string ListingTitle, string OtherName, bool IAmOwner, DateTimeOffset LastMessageAt, int Unread);

    public async Task OnGetAsync() => Conversations = await LoadAsync(db, unread, member.UserId!);

    /// <summary>The member's conversations with unread counts; also shown on "my area".</summary>
    public static async Task<IReadOnlyList<ConversationRow>> LoadAsync(AppDbContext db, UnreadMessages unread, string me)
    {
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.OwnerUserId == me || c.RespondentUserId == me)
            .Select(c => new
            {
                c.Id,
                c.Listing!.Title,
                OtherName = c.OwnerUserId == me ? c.Respondent!.UserName! : c.Owner!.UserName!,
                IAmOwner = c.OwnerUserId == me,
                c.LastMessageAt,
                ReadAt = c.OwnerUserId == me ? c.OwnerReadAt : c.RespondentReadAt,
            })
            .ToListAsync();
        var counts = await unread.CountsAsync(me, rows.Select(r => new UnreadMessages.ConversationActivity(r.Id, r.LastMessageAt, r.ReadAt)));

        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        return rows
            .OrderByDescending(r => r.LastMessageAt)
            .Select(r => new ConversationRow(r.Id, r.Title, r.OtherName, r.IAmOwner, r.LastMessageAt, counts.GetValueOrDefault(r.Id)))
            .ToList();
    }
}
