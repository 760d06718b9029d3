using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Messages;

/// <summary>Visible messages from the other side that arrived after the reader last opened the conversation.</summary>
/// <remarks>Takes the data context only when it reads: the navigation asks on every page, mostly answered from memory.</remarks>
public sealed class UnreadMessages(IServiceProvider services, CurrentMember member, ITenantContext tenant, MemberViewCache views, IHttpContextAccessor http)
{
    /// <summary>
    /// The signed-in member's unread messages in this town, over all conversations; 0 when signed out. Shown in the
    /// navigation of every page, so kept with the member's views (<see cref="MemberViewCache"/>).
    /// </summary>
    public async Task<int> CountAsync()
    {
        if (member.UserId is not { } userId || tenant.TenantId is not { } town || http.HttpContext is not { } request)
        {
            return 0;
        }

        var total = await views.GetOrLoadAsync(request, town, userId, nameof(UnreadMessages),
            async () => new Total(await Unread(Db, userId).CountAsync()));
        return total!.Count;
    }

    private sealed record Total(int Count);

    private AppDbContext Db => services.GetRequiredService<AppDbContext>();

    /// <summary>Unread messages per conversation id; conversations without any are left out.</summary>
    public Task<Dictionary<int, int>> CountsAsync(string userId) =>
        Unread(Db, userId)
            .GroupBy(m => m.ConversationId)
            .Select(g => new { ConversationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ConversationId, g => g.Count);

    private static IQueryable<Message> Unread(AppDbContext db, string userId) =>
        db.Messages.AsNoTracking().Where(m => m.SenderUserId != userId && !m.IsHidden
            && (m.Conversation!.OwnerUserId == userId
                ? m.Conversation.OwnerReadAt == null || m.SentAt > m.Conversation.OwnerReadAt
                : m.Conversation.RespondentUserId == userId
                    && (m.Conversation.RespondentReadAt == null || m.SentAt > m.Conversation.RespondentReadAt)));
}
