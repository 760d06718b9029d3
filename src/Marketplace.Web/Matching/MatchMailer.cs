using Marketplace.Web.Data;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Matching;

/// <summary>The matching mails, queued for the caller's save, each in the recipient's language and keyed so it goes out once.</summary>
public sealed class MatchMailer(AppDbContext db, TownMail mail, SignedLinks signed, OneClickTokens tokens, TenantLinks links,
    ITenantContext tenant, IStringLocalizer<SharedResource> resources)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

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
        var particulars = (await MatchParticulars.LoadAsync(db, sides.MatchId))!;
        await mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "match-proposed", $"match-proposed:{sides.MatchId}:{side}", () =>
            new MailContent(_l["MatchMail_ProposedSubject", town.Name], _l["Digest_Greeting", person.UserName],
                [
                    _l[requestSide ? "MatchMail_ProposedForRequest" : "MatchMail_ProposedForHelper", sides.RequestTitle],
                    .. particulars.Lines(_l, requestSide),
                    _l["MatchMail_AnswerWithin"],
                ])
            {
                Action = new MailLink(_l["MatchMail_Accept"], signed.OneClickUrl(town, MatchProposals.AnswerPath, token, $"{side}:accept")),
                MoreActions =
                [
                    new MailLink(_l["MatchMail_Decline"], signed.OneClickUrl(town, MatchProposals.AnswerPath, token, $"{side}:decline")),
                    new MailLink(_l["MatchMail_MyMatches"], links.TownUrl(town.Slug, "/me/matches")),
                ],
                AfterAction = [_l["MatchMail_ContactChoice"]],
            });
    }

    /// <summary>
    /// Both said yes: the other side's name, and their address where they chose to share it. Without <paramref name="otherName"/>
    /// the office answered for someone without an account, and the mail names the office in the recipient's language.
    /// </summary>
    public async Task QueueAcceptedAsync(MatchSides sides, string side, string? email, bool confirmed, string userName, string? culture,
        string? otherName, string? otherEmail)
    {
        if (email is null || !confirmed)
        {
            return;
        }

        var town = tenant.Tenant!;
        await mail.QueueAsync(email, culture ?? town.DefaultCulture, "match-accepted", $"match-accepted:{sides.MatchId}:{side}", () =>
        {
            // The office's name is the platform's own word: unlike a person's name, it is not isolated.
            object other = otherName is null ? _l["Match_TheOffice"] : otherName;
            return new MailContent(_l["MatchMail_AcceptedSubject", town.Name], _l["Digest_Greeting", userName],
                [_l["MatchMail_AcceptedIntro", sides.RequestTitle, other],
                 otherEmail is null ? _l["MatchMail_NoContact"] : _l["MatchMail_Contact", other, otherEmail]])
            {
                Action = new MailLink(_l["MatchMail_MyMatches"], links.TownUrl(town.Slug, "/me/matches")),
            };
        });
    }

    /// <summary>
    /// A proposed or accepted match will not go ahead because its helper no longer meets the rules: the office (the
    /// coordinator on the request, else the one who proposed it) learns why; both sides only that it will not happen as
    /// planned and that the office gets in touch, since the reason (a lapsed clearance, a block) is the helper's own business.
    /// </summary>
    public async Task QueueCannotGoAheadAsync(MatchSides sides)
    {
        var town = tenant.Tenant!;
        var facts = await db.Matches.AsNoTracking().Where(m => m.Id == sides.MatchId)
            .Select(m => new
            {
                m.EndReason,
                Office = db.Listings.Where(r => r.Id == m.ListingId).Select(r => r.AssignedToUserId).FirstOrDefault() ?? m.ProposedByUserId,
                Helper = db.Users.Where(u => u.Id == sides.OfferUserId).Select(u => u.UserName).FirstOrDefault(),
            })
            .SingleAsync();
        if (facts.Office is { } officeUserId && await MailRecipient.FindAsync(db, officeUserId) is { } office)
        {
            await mail.QueueAsync(office.Email, office.Culture ?? town.DefaultCulture, "match-stopped", $"match-stopped:{sides.MatchId}:office", () =>
                new MailContent(_l["MatchMail_StoppedSubject", town.Name], _l["Digest_Greeting", office.UserName],
                    [_l["MatchMail_StoppedForOffice", sides.RequestTitle, facts.Helper ?? "", _l["MatchEndReason_" + facts.EndReason]], _l["MatchMail_StoppedBackInQueue"]])
                {
                    Action = new MailLink(_l["MatchMail_StoppedOpenRequest"], links.TownUrl(town.Slug, $"/coordination/requests/{sides.RequestId}")),
                });
        }

        foreach (var (userId, side) in new[] { (sides.RequestUserId, "request"), (sides.OfferUserId, "offer") })
        {
            if (userId is not null && await MailRecipient.FindAsync(db, userId) is { } person)
            {
                await mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "match-stopped", $"match-stopped:{sides.MatchId}:{side}", () =>
                    new MailContent(_l["MatchMail_StoppedSubject", town.Name], _l["Digest_Greeting", person.UserName], [_l["MatchMail_StoppedForSide", sides.RequestTitle]])
                    {
                        Action = new MailLink(_l["MatchMail_MyMatches"], links.TownUrl(town.Slug, "/me/matches")),
                    });
            }
        }
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
            new MailContent(_l["MatchMail_FeedbackSubject", town.Name], _l["Digest_Greeting", person.UserName],
                [_l["MatchMail_FeedbackIntro", sides.RequestTitle]])
            {
                Action = new MailLink(_l["MatchMail_FeedbackYes"], signed.OneClickUrl(town, MatchFeedbackRequests.Path, token, $"{side}:yes")),
                MoreActions =
                [
                    new MailLink(_l["MatchMail_FeedbackNo"], signed.OneClickUrl(town, MatchFeedbackRequests.Path, token, $"{side}:no")),
                    new MailLink(_l["MatchMail_MyMatches"], links.TownUrl(town.Slug, "/me/matches")),
                ],
            });
    }
}
