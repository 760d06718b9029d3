using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Messages;

/// <summary>What a notification about a conversation says. <see cref="Text"/> is null unless the town lets mails quote messages.</summary>
public sealed record MessageNotification(
    string To, string RecipientUserId, int MessageId, string Culture, string RecipientName, string SenderName, string ListingTitle,
    string Link, string? Text, bool StartsConversation);

/// <summary>Tells the other side of a conversation that something arrived, in the recipient's language.</summary>
public sealed class MessageMailer(TownMail mail, SignedLinks signed, ITenantContext tenant, IStringLocalizer<SharedResource> resources)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>Queues the notification for the caller's save; one per message, however often this is called.</summary>
    public Task QueueAsync(MessageNotification n)
    {
        var town = tenant.Tenant!;
        var unsubscribe = signed.UnsubscribeUrl(town, UnsubscribeKind.MessageMails, n.RecipientUserId);
        return mail.QueueAsync(n.To, n.Culture, "message", $"message:{n.MessageId}", () =>
        {
            var (subjectKey, bodyKey) = n.StartsConversation
                ? ("Messages_Mail_StartSubject", "Messages_Mail_StartBody")
                : ("Messages_Mail_ReplySubject", "Messages_Mail_ReplyBody");
            var content = MailContent.FromBody(_l[subjectKey, town.Name, n.ListingTitle],
                _l[bodyKey, n.RecipientName, n.SenderName, n.ListingTitle, n.Link], n.Link, _l["Messages_Mail_Action"]);
            return content with
            {
                Quote = n.Text,
                AfterAction = n.Text is null ? [_l["Messages_Mail_TextNotIncluded"]] : [],
                Footer = [_l["Messages_Mail_Footer", town.Name]],
                Unsubscribe = new MailLink(_l["Mail_UnsubscribeMessages"], unsubscribe),
            };
        });
    }
}
