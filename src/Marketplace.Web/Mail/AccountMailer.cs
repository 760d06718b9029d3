using Marketplace.Web.Resources;
using System.Globalization;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Mail;

/// <summary>The account mails, each written in the recipient's language. Links point to the host of the current request.</summary>
public sealed class AccountMailer(IMailSender sender, IStringLocalizer<SharedResource> localizer, IOptions<MailOptions> options,
    UserManager<AppUser> users, LinkGenerator links, IHttpContextAccessor accessor)
{
    /// <summary>A fresh confirmation link for the account's address.</summary>
    public async Task SendConfirmationAsync(AppUser user, string townName)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = PageUrl("/Account/ConfirmEmail", new { userId = user.Id, code });
        await SendAsync(user.Email!, CultureOf(user), "Mail_Confirm_Subject", "Mail_Confirm_Body", townName, link, () => user.UserName!);
    }

    public async Task SendPasswordResetAsync(AppUser user, string siteName)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        var link = PageUrl("/Account/ResetPassword", new { userId = user.Id, code });
        await SendAsync(user.Email!, CultureOf(user), "Mail_Reset_Subject", "Mail_Reset_Body", siteName, link, () => user.UserName!);
    }

    /// <summary>Sent instead of a second account when someone registers with an address that already has one.</summary>
    public Task SendAlreadyRegisteredAsync(AppUser owner, string townName) =>
        SendAsync(owner.Email!, CultureOf(owner), "Mail_Existing_Subject", "Mail_Existing_Body", townName, PageUrl("/Account/Login", null),
            () => owner.UserName!);

    public Task SendAppointmentAsync(string to, TownRole role, string townName, string link, string culture) =>
        SendAsync(to, culture, "Mail_Appointment_Subject", "Mail_Appointment_Body", townName, link, () => localizer["Role_" + role]);

    /// <summary>The language the account chose last; an account that never chose reads the language of this request.</summary>
    private static string CultureOf(AppUser user) => user.PreferredCulture ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private string PageUrl(string page, object? values) =>
        links.GetUriByPage(accessor.HttpContext ?? throw new InvalidOperationException("Account mails link to the host of a request."), page, null, values)
        ?? throw new InvalidOperationException($"No address for {page}.");

    /// <param name="name">Read inside the recipient's culture, so a role name is translated with the rest of the mail.</param>
    private async Task SendAsync(string to, string culture, string subjectKey, string bodyKey, string townName, string link, Func<string> name)
    {
        var message = new MimeMessage();
        using (CultureScope.Use(culture))
        {
            message.Subject = localizer[subjectKey, townName];
            message.Body = new TextPart("plain") { Text = localizer[bodyKey, name(), townName, link] };
            message.Headers.Add("Content-Language", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        }

        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        await sender.SendAsync(message);
    }
}
