using System.Globalization;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Pages.Organisations;

/// <summary>The organisation mails, each written in the recipient's language (same pattern as the account mails).</summary>
public sealed class OrganisationMailer(IMailSender sender, IStringLocalizer<SharedResource> localizer, IOptions<MailOptions> options)
{
    public Task SendInvitationAsync(string to, string culture, string organisationName, string townName, string link) =>
        SendAsync(to, culture, () => (
            localizer["Org_Mail_Invite_Subject", townName, organisationName],
            localizer["Org_Mail_Invite_Body", organisationName, townName, link]));

    public Task SendApprovedAsync(string to, string culture, string userName, string organisationName, string townName, string link) =>
        SendAsync(to, culture, () => (
            localizer["Org_Mail_Approved_Subject", townName, organisationName],
            localizer["Org_Mail_Approved_Body", userName, organisationName, townName, link]));

    public Task SendRejectedAsync(string to, string culture, string userName, string organisationName, string townName, string? reason, string link) =>
        SendAsync(to, culture, () =>
        {
            var body = localizer["Org_Mail_Rejected_Body", userName, organisationName, townName, link].Value;
            if (!string.IsNullOrWhiteSpace(reason))
            {
                body += "\n\n" + localizer["Org_Mail_RejectedReason", reason];
            }

            return (localizer["Org_Mail_Rejected_Subject", townName, organisationName], body);
        });

    private async Task SendAsync(string to, string culture, Func<(string Subject, string Body)> compose)
    {
        var message = new MimeMessage();
        using (CultureScope.Use(culture))
        {
            var (subject, body) = compose();
            message.Subject = subject;
            message.Body = new TextPart("plain") { Text = body };
            message.Headers.Add("Content-Language", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        }

        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        await sender.SendAsync(message);
    }
}
