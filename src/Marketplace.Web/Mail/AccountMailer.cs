using Marketplace.Web.Resources;
using System.Globalization;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Mail;

/// <summary>The account mails, each written in the recipient's language.</summary>
public sealed class AccountMailer(IMailSender sender, IStringLocalizer<SharedResource> localizer, IOptions<MailOptions> options)
{
    public Task SendConfirmationAsync(string to, string userName, string townName, string link, string culture) =>
        SendAsync(to, culture, "Mail_Confirm_Subject", "Mail_Confirm_Body", townName, userName, link);

    public Task SendPasswordResetAsync(string to, string userName, string townName, string link, string culture) =>
        SendAsync(to, culture, "Mail_Reset_Subject", "Mail_Reset_Body", townName, userName, link);

    /// <summary>Sent instead of a second account when someone registers with an address that already has one.</summary>
    public Task SendAlreadyRegisteredAsync(string to, string userName, string townName, string link, string culture) =>
        SendAsync(to, culture, "Mail_Existing_Subject", "Mail_Existing_Body", townName, userName, link);

    public Task SendAppointmentAsync(string to, string roleName, string townName, string link, string culture) =>
        SendAsync(to, culture, "Mail_Appointment_Subject", "Mail_Appointment_Body", townName, roleName, link);

    private async Task SendAsync(string to, string culture, string subjectKey, string bodyKey, string townName, string name, string link)
    {
        var message = new MimeMessage();
        using (CultureScope.Use(culture))
        {
            message.Subject = localizer[subjectKey, townName];
            message.Body = new TextPart("plain") { Text = localizer[bodyKey, name, townName, link] };
            message.Headers.Add("Content-Language", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        }

        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        await sender.SendAsync(message);
    }
}
