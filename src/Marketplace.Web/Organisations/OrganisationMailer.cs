using System.Globalization;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Organisations;

/// <summary>The organisation mails, queued for the caller's save, each in the recipient's language.</summary>
public sealed class OrganisationMailer(TownMail mail, IStringLocalizer<SharedResource> resources)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>Keyed by the invitation's token hash: one mail per invitation.</summary>
    public Task QueueInvitationAsync(string to, string culture, string organisationName, string townName, string link, string tokenHash) =>
        mail.QueueAsync(to, culture, "organisation-invitation", $"org-invitation:{tokenHash}", () => MailContent.FromBody(
            _l["Org_Mail_Invite_Subject", townName, organisationName],
            _l["Org_Mail_Invite_Body", organisationName, townName, link], link, _l["Org_Mail_Invite_Action"]));

    /// <summary>Keyed by the review's time: one mail per admin and decision.</summary>
    public Task QueueReviewedAsync(string to, string userId, string culture, string userName, string organisationName, string townName,
        string link, bool approved, string? reason, DateTimeOffset reviewedAt) =>
        mail.QueueAsync(to, culture, approved ? "organisation-approved" : "organisation-rejected",
            $"org-reviewed:{userId}:{reviewedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}", () =>
            {
                var content = approved
                    ? MailContent.FromBody(_l["Org_Mail_Approved_Subject", townName, organisationName],
                        _l["Org_Mail_Approved_Body", userName, organisationName, townName, link], link, _l["Org_Mail_Open_Action"])
                    : MailContent.FromBody(_l["Org_Mail_Rejected_Subject", townName, organisationName],
                        _l["Org_Mail_Rejected_Body", userName, organisationName, townName, link], link, _l["Org_Mail_Edit_Action"]);
                return string.IsNullOrWhiteSpace(reason) ? content
                    : content with { Paragraphs = [.. content.Paragraphs, _l["Org_Mail_RejectedReason", reason]] };
            });
}
