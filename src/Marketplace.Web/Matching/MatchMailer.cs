using Marketplace.Web.Data;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Matching;

/// <summary>The matching mails, queued for the caller's save, each in the recipient's language and keyed so it goes out once.</summary>
public sealed class MatchMailer(AppDbContext db, TownMail mail, SignedLinks signed, OneClickTokens tokens, TenantLinks links,
    ITenantContext tenant, IStringLocalizer<SharedResource> l)
{
    /// <summary>A proposal to one side, with signed accept and decline links that work without logging in.</summary>
    public async Task QueueProposedAsync(MatchSides sides, string userId, bool requestSide)
    {
        var town = tenant.Tenant!;
        var person = await MailRecipient.FindAsync(db, userId);
        if (person is null)
        {
            return;
        }

        var token = tokens.Issue(MatchProposals.AnswerPurpose, sides.MatchId);
        var side = requestSide ? "request" : "offer";
        await mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "match-proposed", $"match-proposed:{sides.MatchId}:{side}", () =>
            new MailContent(l["MatchMail_ProposedSubject", town.Name], l["Digest_Greeting", person.UserName],
                [l[requestSide ? "MatchMail_ProposedForRequest" : "MatchMail_ProposedForHelper", sides.RequestTitle], l["MatchMail_AnswerWithin"]])
            {
                Action = new MailLink(l["MatchMail_Accept"], signed.OneClickUrl(town, MatchProposals.AnswerPath, token, $"{side}:accept")),
                MoreActions =
                [
                    new MailLink(l["MatchMail_Decline"], signed.OneClickUrl(town, MatchProposals.AnswerPath, token, $"{side}:decline")),
                    new MailLink(l["MatchMail_MyMatches"], links.TownUrl(town.Slug, "/me/matches")),
                ],
                AfterAction = [l["MatchMail_ContactChoice"]],
            });
    }

    /// <summary>Both said yes: the other side's name, and their address where they chose to share it.</summary>
    public async Task QueueAcceptedAsync(MatchSides sides, string side, string? email, bool confirmed, string userName, string? culture,
        string otherName, string? otherEmail)
    {
        if (email is null || !confirmed)
        {
            return;
        }

        var town = tenant.Tenant!;
        await mail.QueueAsync(email, culture ?? town.DefaultCulture, "match-accepted", $"match-accepted:{sides.MatchId}:{side}", () =>
            new MailContent(l["MatchMail_AcceptedSubject", town.Name], l["Digest_Greeting", userName],
                [l["MatchMail_AcceptedIntro", sides.RequestTitle, otherName],
                 otherEmail is null ? l["MatchMail_NoContact"] : l["MatchMail_Contact", otherName, otherEmail]])
            {
                Action = new MailLink(l["MatchMail_MyMatches"], links.TownUrl(town.Slug, "/me/matches")),
            });
    }

    /// <summary>"Did it happen, did it help?" after the match's window, with signed yes and no links.</summary>
    public async Task QueueFeedbackRequestAsync(MatchSides sides, string userId, string side)
    {
        var town = tenant.Tenant!;
        var person = await MailRecipient.FindAsync(db, userId);
        if (person is null)
        {
            return;
        }

        var token = tokens.Issue(MatchFeedbackRequests.Purpose, sides.MatchId);
        await mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "match-feedback", $"match-feedback:{sides.MatchId}:{side}", () =>
            new MailContent(l["MatchMail_FeedbackSubject", town.Name], l["Digest_Greeting", person.UserName],
                [l["MatchMail_FeedbackIntro", sides.RequestTitle]])
            {
                Action = new MailLink(l["MatchMail_FeedbackYes"], signed.OneClickUrl(town, MatchFeedbackRequests.Path, token, $"{side}:yes")),
                MoreActions =
                [
                    new MailLink(l["MatchMail_FeedbackNo"], signed.OneClickUrl(town, MatchFeedbackRequests.Path, token, $"{side}:no")),
                    new MailLink(l["MatchMail_MyMatches"], links.TownUrl(town.Slug, "/me/matches")),
                ],
            });
    }
}
