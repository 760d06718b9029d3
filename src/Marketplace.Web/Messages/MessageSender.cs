using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Mail;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Messages;

/// <summary>
/// Writes messages: the per-account limit, the conversation's bookkeeping and the mail to the other side.
/// </summary>
public sealed class MessageSender(AppDbContext db, ITenantContext tenant, TenantLinks links, MessageMailer mailer, TimeProvider clock, Gaps.SupplyFactRecorder facts)
{
    /// <summary>True when the account has already sent the maximum in this town within the window. Counted in the database, so it holds across instances.</summary>
    public async Task<bool> IsRateLimitedAsync(string userId)
    {
        var windowStart = clock.GetUtcNow() - MessageRules.RateWindow;
        return await db.Messages.CountAsync(m => m.SenderUserId == userId && m.SentAt > windowStart) >= MessageRules.MessagesPerWindow;
    }

    /// <summary>Adds the message to a tracked (or new, unsaved) conversation, saves, and notifies the other side.</summary>
    public async Task<Message> SendAsync(Conversation conversation, string senderUserId, string body)
    {
        var startsConversation = conversation.Id == 0;
        var now = clock.GetUtcNow();
        var quietSince = now - MessageRules.MailQuietPeriod;
        var wroteRecently = !startsConversation && await db.Messages.AnyAsync(m =>
            m.ConversationId == conversation.Id && m.SenderUserId == senderUserId && m.SentAt > quietSince);

        var message = new Message { SenderUserId = senderUserId, Body = body.Trim(), SentAt = now };
        conversation.Messages.Add(message);
        conversation.LastMessageAt = now;
        if (conversation.OwnerUserId == senderUserId)
        {
            conversation.OwnerReadAt = now;
        }
        else
        {
            conversation.RespondentReadAt = now;
        }

        if (startsConversation)
        {
            conversation.CreatedAt = now;
            db.Conversations.Add(conversation);
        }

        // The message and its notification commit together: the mail's key needs the message's id.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        if (startsConversation && !await db.Conversations.AnyAsync(c => c.ListingId == conversation.ListingId && c.Id != conversation.Id))
        {
            await facts.WriteAsync(conversation.ListingId, SupplyEvent.Contacted, _ => false);
        }
        if (!wroteRecently)
        {
            await QueueNotificationAsync(conversation, message, startsConversation);
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return message;
    }

    private async Task QueueNotificationAsync(Conversation conversation, Message message, bool startsConversation)
    {
        var town = tenant.Tenant!;
        var recipientId = conversation.OwnerUserId == message.SenderUserId ? conversation.RespondentUserId : conversation.OwnerUserId;
        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == recipientId)
            .Select(u => new { u.Email, u.UserName, u.PreferredCulture }).SingleAsync();
        var wantsMail = await db.NotificationSettings.Where(n => n.UserId == recipientId).Select(n => (bool?)n.MessageMails).SingleOrDefaultAsync() ?? true;
        if (recipient.Email is null || !wantsMail)
        {
            return;
        }

        var senderName = await db.Users.Where(u => u.Id == message.SenderUserId).Select(u => u.UserName).SingleAsync();
        var listingTitle = await db.Listings.Where(l => l.Id == conversation.ListingId).Select(l => l.Title).SingleAsync();
        var quote = await db.Tenants.Where(t => t.Id == town.Id).Select(t => t.MailIncludesMessageText).SingleAsync();

        await mailer.QueueAsync(new MessageNotification(
            recipient.Email, recipientId, message.Id, recipient.PreferredCulture ?? town.DefaultCulture, recipient.UserName ?? "", senderName ?? "",
            listingTitle, links.TownUrl(town.Slug, $"/messages/{conversation.Id}"), quote ? message.Body : null, startsConversation));
    }
}
