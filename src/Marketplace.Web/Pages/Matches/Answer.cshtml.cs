using Marketplace.Web.Data;
using Marketplace.Web.Mail;
using Marketplace.Web.Matching;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Matches;

/// <summary>
/// Accept or decline a proposed match from the mail, without logging in. The link opens a page with one button (mail
/// scanners open links); accepting asks whether the other side may see one's contact details.
/// </summary>
public sealed class AnswerModel(AppDbContext db, SignedLinks signed, OneClickTokens tokens, MatchProposals proposals, ITenantContext tenant) : PageModel
{
    public LinkState State { get; private set; }
    public MatchLink? Link { get; private set; }
    public AnswerOutcome? Outcome { get; private set; }

    /// <summary>What and who is proposed, so nobody answers blind.</summary>
    public MatchParticulars? Particulars { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await ReadAsync(token);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string token, bool shareContact)
    {
        await ReadAsync(token);
        if (State != LinkState.Confirm)
        {
            return Show();
        }

        State = await Link!.RedeemAsync(db, tokens, async () =>
        {
            Outcome = await proposals.AnswerAsync(Link.Sides.MatchId, Link.RequestSide, Link.Choice == "accept", shareContact);
            return Outcome != AnswerOutcome.NotOpen;
        });
        return Show();
    }

    private async Task ReadAsync(string token)
    {
        (State, Link) = await MatchLink.ReadAsync(db, signed, tokens, token, tenant.TenantId ?? Guid.Empty, MatchProposals.AnswerPurpose, ["accept", "decline"]);
        Particulars = Link is null ? null : await MatchParticulars.LoadAsync(db, Link.Sides.MatchId);
    }

    private PageResult Show()
    {
        var page = Page();
        page.StatusCode = MatchLink.StatusCode(State);
        return page;
    }
}
