using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Mail;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Messages;

/// <summary>
/// Writes messages: the per-account limit, the conversation's bookkeeping and the mail to the other side.
/// Times are compared in memory: SQLite keeps DateTimeOffset as text, which EF does not compare in SQL; ids grow with time,
/// so "the latest" is found by id.
/// </summary>
public sealed class MessageSender(AppDbContext db, ITenantContext tenant, TenantLinks links, MessageMailer mailer, TimeProvider clock,
    ILogger<MessageSender> logger)
{
    /// <summary>True when the account has already sent the maximum in this town within the window. Counted in the database, so it holds across instances.</summary>
    public async Task<bool> IsRateLimitedAsync(string userId)
    {
        var oldestOfLimit = await db.Messages.AsNoTracking()
            .Where(m => m.SenderUserId == userId)
            .OrderByDescending(m => m.Id)
            .Skip(MessageRules.MessagesPerWindow - 1)
            .Select(m => (DateTimeOffset?)m.SentAt)
            .FirstOrDefaultAsync();
        return oldestOfLimit is { } sentAt && sentAt > clock.GetUtcNow() - MessageRules.RateWindow;
    }

    /// <summary>Adds the message to a tracked (or new, unsaved) conversation, saves, and notifies the other side.</summary>
    public async Task<Message> SendAsync(Conversation conversation, string senderUserId, string body)
    {
        var startsConversation = conversation.Id == 0;
        var previous = startsConversation
            ? null
            : await db.Messages.AsNoTracking()
                .Where(m => m.ConversationId == conversation.Id && m.SenderUserId == senderUserId)
                .OrderByDescending(m => m.Id)
                .Select(m => (DateTimeOffset?)m.SentAt)
                .FirstOrDefaultAsync();

        var now = clock.GetUtcNow();
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

        await db.SaveChangesAsync();

        if (startsConversation || previous is null || now - previous.Value >= MessageRules.MailQuietPeriod)
        {
            await NotifyAsync(conversation, message, startsConversation);
        }

        return message;
    }

    private async Task NotifyAsync(Conversation conversation, Message message, bool startsConversation)
    {
        var town = tenant.Tenant!;
        var recipientId = conversation.OwnerUserId == message.SenderUserId ? conversation.RespondentUserId : conversation.OwnerUserId;
        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == recipientId)
            .Select(u => new { u.Email, u.UserName, u.PreferredCulture }).SingleAsync();
        if (recipient.Email is null)
        {
            return;
        }

        var senderName = await db.Users.Where(u => u.Id == message.SenderUserId).Select(u => u.UserName).SingleAsync();
        var listingTitle = await db.Listings.Where(l => l.Id == conversation.ListingId).Select(l => l.Title).SingleAsync();
        var quote = await db.Tenants.Where(t => t.Id == town.Id).Select(t => t.MailIncludesMessageText).SingleAsync();

        var notification = new MessageNotification(
            recipient.Email, recipient.PreferredCulture ?? town.DefaultCulture, town.Name, recipient.UserName ?? "", senderName ?? "",
            listingTitle, links.TownUrl(town.Slug, $"/messages/{conversation.Id}"), quote ? message.Body : null, startsConversation);
        try
        {
            await mailer.SendAsync(notification);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The message is saved and shows up in the other side's inbox; a lost notification must not undo it.
            logger.LogWarning(exception, "Notification for conversation {ConversationId} could not be sent.", conversation.Id);
        }
    }
}
