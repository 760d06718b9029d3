using System.Globalization;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Privacy;

/// <summary>The privacy mails of the current town, queued for the caller's save, each in the recipient's language and keyed so it goes out once.</summary>
public sealed class PrivacyMailer(TownMail mail, TenantLinks links, ITenantContext tenant, IStringLocalizer<SharedResource> resources)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    public const string ExportPath = "/me/account/export";

    /// <summary>The archive is ready: until when, and where to fetch it after logging in (the mail carries no data).</summary>
    public Task QueueExportReadyAsync(int exportId, MailRecipient person, DateTimeOffset expiresAt)
    {
        var town = tenant.Tenant!;
        return mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "data-export-ready", $"data-export-ready:{exportId}", () =>
            new MailContent(_l["PrivacyMail_ExportSubject", town.Name], _l["Digest_Greeting", person.UserName],
                [_l["PrivacyMail_ExportReady", LocalDate(expiresAt)], _l["PrivacyMail_ExportLogin"]])
            {
                Action = new MailLink(_l["PrivacyMail_ExportAction"], links.TownUrl(town.Slug, ExportPath)),
            });
    }

    /// <summary>The last mail the account receives: the day it goes, and that logging in before then keeps it.</summary>
    public Task QueueDeletionScheduledAsync(int deletionId, MailRecipient person, DateTimeOffset dueAt)
    {
        var town = tenant.Tenant!;
        return mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "account-deletion", $"account-deletion:{deletionId}", () =>
            new MailContent(_l["PrivacyMail_DeletionSubject", town.Name], _l["Digest_Greeting", person.UserName],
                [_l["PrivacyMail_DeletionScheduled", LocalDate(dueAt)], _l["PrivacyMail_DeletionWhat"]])
            {
                Action = new MailLink(_l["PrivacyMail_DeletionAction"], links.TownUrl(town.Slug, "/account/login")),
                AfterAction = [_l["PrivacyMail_DeletionNotYou"]],
            });
    }

    /// <summary>To the other side of a proposal or match that ended because its person deleted their account; never names them.</summary>
    public Task QueueMatchWithdrawnAsync(int matchId, MailRecipient person, string requestTitle, bool toRequestSide)
    {
        var town = tenant.Tenant!;
        return mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "match-withdrawn", $"match-withdrawn:{matchId}:{(toRequestSide ? "request" : "offer")}", () =>
            new MailContent(_l["PrivacyMail_WithdrawnSubject", town.Name], _l["Digest_Greeting", person.UserName],
                [_l["PrivacyMail_WithdrawnIntro", requestTitle], _l[toRequestSide ? "PrivacyMail_WithdrawnRequest" : "PrivacyMail_WithdrawnOffer"]])
            {
                Action = new MailLink(_l["MatchMail_MyMatches"], links.TownUrl(town.Slug, "/me/matches")),
            });
    }

    /// <summary>Formatted inside the recipient's culture (the compose callback runs there), on the town's calendar.</summary>
    private string LocalDate(DateTimeOffset instant) =>
        TownClock.DateOf(TownClock.ZoneOf(tenant.Tenant!.TimeZoneId), instant).ToString("d", CultureInfo.CurrentCulture);
}
