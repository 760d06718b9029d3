using Marketplace.Web.Data;
using Marketplace.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Messages;

/// <summary>
/// Messages from the other side that arrived after the reader last opened the conversation. Compared in memory (SQLite keeps
/// DateTimeOffset as text), and only for conversations whose last activity is newer than the reader's last visit.
/// </summary>
public sealed class UnreadMessages(AppDbContext db, CurrentMember member)
{
    public sealed record ConversationActivity(int Id, DateTimeOffset LastMessageAt, DateTimeOffset? ReadAt);

    /// <summary>The signed-in member's unread messages in this town, over all conversations; 0 when signed out.</summary>
    public async Task<int> CountAsync()
    {
        if (member.UserId is not { } userId)
        {
            return 0;
        }

        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.OwnerUserId == userId || c.RespondentUserId == userId)
            .Select(c => new ConversationActivity(c.Id, c.LastMessageAt, c.OwnerUserId == userId ? c.OwnerReadAt : c.RespondentReadAt))
            .ToListAsync();
        return (await CountsAsync(userId, conversations)).Values.Sum();
    }

    /// <summary>Unread messages per conversation id; conversations without any are left out.</summary>
    public async Task<Dictionary<int, int>> CountsAsync(string userId, IEnumerable<ConversationActivity> conversations)
    {
        var active = conversations.Where(c => c.ReadAt is null || c.LastMessageAt > c.ReadAt).ToDictionary(c => c.Id, c => c.ReadAt);
        if (active.Count == 0)
        {
            return [];
        }

        var ids = active.Keys.ToList();
        var arrivals = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId) && m.SenderUserId != userId && !m.IsHidden)
            .Select(m => new { m.ConversationId, m.SentAt })
            .ToListAsync();
        return arrivals
            .Where(m => active[m.ConversationId] is not { } readAt || m.SentAt > readAt)
            .GroupBy(m => m.ConversationId)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
