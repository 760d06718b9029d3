using Marketplace.Web.Data;
using Marketplace.Web.Messages;
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
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Listing!.Title,
                OtherName = c.OwnerUserId == me ? c.Respondent!.UserName! : c.Owner!.UserName!,
                IAmOwner = c.OwnerUserId == me,
                c.LastMessageAt,
            })
            .ToListAsync();
        var counts = await unread.CountsAsync(me);
        return rows
            .Select(r => new ConversationRow(r.Id, r.Title, r.OtherName, r.IAmOwner, r.LastMessageAt, counts.GetValueOrDefault(r.Id)))
            .ToList();
    }
}
