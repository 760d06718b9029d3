using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Security;

/// <summary>
/// The account mails, each written in the recipient's language into the outbox. Links point to the host of the current
/// request. <c>Queue…</c> leaves the save to the caller's transaction; <c>Send…</c> saves at once.
/// </summary>
public sealed class AccountMailer(TownMail mail, AppDbContext db, IStringLocalizer<SharedResource> resources, UserManager<AppUser> users,
    LinkGenerator links, IHttpContextAccessor accessor, TimeProvider clock)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>A fresh confirmation link for the account's address, written with the account in the caller's transaction.</summary>
    public async Task QueueConfirmationAsync(AppUser user, string townName)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = PageUrl("/Account/ConfirmEmail", new { userId = user.Id, code });
        await QueueAsync(user.Email!, CultureOf(user), "account-confirm", $"account-confirm:{user.Id}:{Minute()}",
            "Mail_Confirm_Subject", "Mail_Confirm_Body", "Mail_Confirm_Action", townName, link, () => user.UserName!);
    }

    public async Task SendConfirmationAsync(AppUser user, string townName)
    {
        await QueueConfirmationAsync(user, townName);
        await db.SaveChangesAsync();
    }

    public async Task SendPasswordResetAsync(AppUser user, string siteName)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        var link = PageUrl("/Account/ResetPassword", new { userId = user.Id, code });
        await QueueAsync(user.Email!, CultureOf(user), "password-reset", $"password-reset:{user.Id}:{Minute()}",
            "Mail_Reset_Subject", "Mail_Reset_Body", "Mail_Reset_Action", siteName, link, () => user.UserName!);
        await db.SaveChangesAsync();
    }

    /// <summary>A one-time sign-in link (<see cref="LoginLinks"/>); a key per link, so each of the few allowed is sent.</summary>
    public async Task SendLoginLinkAsync(AppUser user, string siteName, string token)
    {
        var link = PageUrl("/Account/LoginWithLink", new { token });
        await QueueAsync(user.Email!, CultureOf(user), "login-link", $"login-link:{user.Id}:{Guid.NewGuid():N}",
            "Mail_LoginLink_Subject", "Mail_LoginLink_Body", "Mail_LoginLink_Action", siteName, link, () => user.UserName!);
        await db.SaveChangesAsync();
    }

    /// <summary>Sent instead of a second account when someone registers with an address that already has one.</summary>
    public async Task SendAlreadyRegisteredAsync(AppUser owner, string townName)
    {
        await QueueAsync(owner.Email!, CultureOf(owner), "account-exists", $"account-exists:{owner.Id}:{Minute()}",
            "Mail_Existing_Subject", "Mail_Existing_Body", "Mail_Existing_Action", townName, PageUrl("/Account/Login", null), () => owner.UserName!);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A request to move the account to <paramref name="newEmail"/>: the link that confirms it goes to the new address,
    /// and the current address is told, with the way to take the account back if it was not its owner.
    /// </summary>
    public async Task SendEmailChangeAsync(AppUser user, string newEmail, string townName)
    {
        var code = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = PageUrl("/Account/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code });
        await QueueAsync(newEmail, CultureOf(user), "email-change", $"email-change:{user.Id}:{Minute()}",
            "Mail_EmailChange_Subject", "Mail_EmailChange_Body", "Mail_EmailChange_Action", townName, link, () => user.UserName!);
        await QueueChangeNoticeAsync(user, newEmail, townName);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Instead of the link, when <paramref name="newEmail"/> already belongs to <paramref name="owner"/>'s account: the
    /// requester sees and receives the same as for a free address, so the form does not tell who has an account.
    /// </summary>
    public async Task SendEmailTakenAsync(AppUser user, AppUser owner, string newEmail, string townName)
    {
        await QueueAsync(owner.Email!, CultureOf(owner), "email-taken", $"email-taken:{owner.Id}:{Minute()}",
            "Mail_EmailTaken_Subject", "Mail_EmailTaken_Body", "Mail_EmailTaken_Action", townName, PageUrl("/Account/Login", null), () => owner.UserName!);
        await QueueChangeNoticeAsync(user, newEmail, townName);
        await db.SaveChangesAsync();
    }

    private Task QueueChangeNoticeAsync(AppUser user, string newEmail, string townName) =>
        QueueAsync(user.Email!, CultureOf(user), "email-change-notice", $"email-change-notice:{user.Id}:{Minute()}",
            "Mail_EmailChangeNotice_Subject", "Mail_EmailChangeNotice_Body", "Mail_EmailChangeNotice_Action", townName,
            PageUrl("/Account/ForgotPassword", null), () => user.UserName!, newEmail);

    /// <summary>Queued in the scope that saves the appointment, so the mail exists exactly when the appointment does.</summary>
    public Task QueueAppointmentAsync(string to, TownRole role, string townName, string link, string culture) =>
        QueueAsync(to, culture, "appointment", $"appointment:{to.ToLowerInvariant()}:{role}:{Minute()}",
            "Mail_Appointment_Subject", "Mail_Appointment_Body", "Mail_Appointment_Action", townName, link, () => _l["Role_" + role]);

    /// <summary>The language the account chose last; an account that never chose reads the language of this request.</summary>
    private static string CultureOf(AppUser user) => user.PreferredCulture ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>Part of the idempotency key: a double click sends one mail, a request a minute later sends another.</summary>
    private string Minute() => clock.GetUtcNow().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    private string PageUrl(string page, object? values) =>
        links.GetUriByPage(accessor.HttpContext ?? throw new InvalidOperationException("Account mails link to the host of a request."), page, null, values)
        ?? throw new InvalidOperationException($"No address for {page}.");

    /// <param name="name">Read inside the recipient's culture, so a role name is translated with the rest of the mail.</param>
    /// <param name="detail">The body's fourth placeholder, where it has one.</param>
    private Task QueueAsync(string to, string culture, string template, string key, string subjectKey, string bodyKey, string actionKey,
        string townName, string link, Func<string> name, string detail = "") =>
        mail.QueueAsync(to, culture, template, key, () => MailContent.FromBody(
            _l[subjectKey, townName], _l[bodyKey, name(), townName, link, detail], link, _l[actionKey]));
}
