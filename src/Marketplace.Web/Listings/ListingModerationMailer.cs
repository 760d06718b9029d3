using System.Globalization;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Listings;

/// <summary>Tells a listing's poster what the coordination office decided on it and why, in the poster's language.</summary>
public sealed class ListingModerationMailer(TownMail mail, TenantLinks links, ITenantContext tenant, IStringLocalizer<SharedResource> resources)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>The decisions the poster hears of: those that change who sees the listing. Dismissed reports change nothing for them.</summary>
    public static bool TellsPoster(ModerationActionKind kind) =>
        kind is ModerationActionKind.Hide or ModerationActionKind.Restore or ModerationActionKind.Close;

    /// <summary>Queued for the caller's save, keyed by the decision's time: one mail per listing and decision.</summary>
    public Task QueueDecisionAsync(ListingDecision decision)
    {
        var town = tenant.Tenant ?? throw new InvalidOperationException("A decision is mailed inside a town's scope.");
        var link = links.TownUrl(town.Slug, $"/listings/{decision.ListingId}");
        var key = $"listing-moderated:{decision.ListingId}:{decision.At.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        return mail.QueueAsync(decision.To, decision.Culture, "listing-moderated", key, () =>
        {
            var content = MailContent.FromBody(
                _l["ListingMail_Moderated_Subject", town.Name, decision.Title],
                _l["ListingMail_Moderated_" + decision.Kind, decision.UserName, decision.Title, link], link, _l["ListingMail_Moderated_Action"]);
            return content with { Paragraphs = [.. content.Paragraphs, _l["ListingMail_Moderated_Reason", decision.Reason]] };
        });
    }
}

/// <summary>One decision on a listing, addressed to its poster.</summary>
public sealed record ListingDecision(string To, string Culture, string UserName, int ListingId, string Title, ModerationActionKind Kind, string Reason,
    DateTimeOffset At);
