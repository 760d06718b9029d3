using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Messages;

/// <summary>Visible messages from the other side that arrived after the reader last opened the conversation.</summary>
public sealed class UnreadMessages(AppDbContext db, CurrentMember member)
{
    /// <summary>The signed-in member's unread messages in this town, over all conversations; 0 when signed out.</summary>
    public async Task<int> CountAsync() => member.UserId is { } userId ? await Unread(userId).CountAsync() : 0;

    /// <summary>Unread messages per conversation id; conversations without any are left out.</summary>
    public Task<Dictionary<int, int>> CountsAsync(string userId) =>
        Unread(userId)
            .GroupBy(m => m.ConversationId)
            .Select(g => new { ConversationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ConversationId, g => g.Count);

    private IQueryable<Message> Unread(string userId) =>
        db.Messages.AsNoTracking().Where(m => m.SenderUserId != userId && !m.IsHidden
            && (m.Conversation!.OwnerUserId == userId
                ? m.Conversation.OwnerReadAt == null || m.SentAt > m.Conversation.OwnerReadAt
                : m.Conversation.RespondentUserId == userId
                    && (m.Conversation.RespondentReadAt == null || m.SentAt > m.Conversation.RespondentReadAt)));
}
