using System.Globalization;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Mail;

/// <summary>What a notification about a conversation says. <see cref="Text"/> is null unless the town lets mails quote messages.</summary>
public sealed record MessageNotification(
    string To, string Culture, string TownName, string RecipientName, string SenderName, string ListingTitle, string Link,
    string? Text, bool StartsConversation);

/// <summary>Tells the other side of a conversation that something arrived, in the recipient's language.</summary>
public sealed class MessageMailer(IMailSender sender, IStringLocalizer<SharedResource> localizer, IOptions<MailOptions> options)
{
    public async Task SendAsync(MessageNotification notification, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage();
        using (CultureScope.Use(notification.Culture))
        {
            var (subject, body) = notification.StartsConversation
                ? (localizer["Messages_Mail_StartSubject", notification.TownName, notification.ListingTitle],
                   localizer["Messages_Mail_StartBody", notification.RecipientName, notification.SenderName, notification.ListingTitle, notification.Link])
                : (localizer["Messages_Mail_ReplySubject", notification.TownName, notification.ListingTitle],
                   localizer["Messages_Mail_ReplyBody", notification.RecipientName, notification.SenderName, notification.ListingTitle, notification.Link]);
            var text = notification.Text is null
                ? localizer["Messages_Mail_TextNotIncluded"].Value
                : localizer["Messages_Mail_Text", notification.Text].Value;

            message.Subject = subject;
            message.Body = new TextPart("plain") { Text = $"{body.Value}\n\n{text}\n\n{localizer["Messages_Mail_Footer", notification.TownName].Value}" };
            message.Headers.Add("Content-Language", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        }

        // Replies to a notification would reach no one; the conversation happens on the site.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(notification.To));
        await sender.SendAsync(message, cancellationToken);
    }
}
