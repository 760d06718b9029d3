using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Mail;
using Marketplace.Web.Pages.Matches;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Courses;

/// <summary>
/// A held seat, answered from the mail without logging in. GET only shows the offer and two buttons (mail scanners open
/// links); POST accepts or declines, redeeming the single-use token in the same transaction as the seat change.
/// </summary>
public sealed class OfferModel(AppDbContext db, SignedLinks signed, OneClickTokens tokens, CourseSeats seats, ITenantContext tenant) : PageModel
{
    public sealed record OfferView(int OfferId, int CourseId, int RunId, string Title, DateOnly StartsOn, DateOnly EndsOn, bool IsOnline, string? District,
        DateTimeOffset ExpiresAt, SeatOfferStatus Status);

    public LinkState State { get; private set; }
    public OfferView? Offer { get; private set; }
    public SeatResult? Result { get; private set; }
    public string? Choice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await ReadAsync(token);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? choice)
    {
        var link = await ReadAsync(token);
        if (State != LinkState.Confirm || choice is not ("accept" or "decline"))
        {
            return Show();
        }

        Choice = choice;
        State = await SeatLinks.RedeemAsync(db, tokens, link!.Value.TokenId, choice, async () =>
        {
            Result = choice == "accept" ? await seats.AcceptOfferAsync(Offer!.OfferId) : await seats.DeclineOfferAsync(Offer!.OfferId);
            return Result.Outcome is not SeatOutcome.NotOpen;
        });
        if (Result?.Outcome == SeatOutcome.Expired)
        {
            State = LinkState.Expired;
        }

        return Show();
    }

    private async Task<(Guid TokenId, string Action)?> ReadAsync(string token)
    {
        var link = signed.ReadOneClick(token, tenant.TenantId ?? Guid.Empty);
        if (link is null)
        {
            State = LinkState.Invalid;
            return null;
        }

        var (state, row) = await tokens.CheckAsync(link.Value.TokenId, CourseSeatMailer.OfferPurpose);
        Offer = row is null ? null : await db.SeatOffers.AsNoTracking().Where(o => o.Id == row.TargetId)
            .Select(o => new OfferView(o.Id, o.Entry!.CourseId, o.RunId, db.Courses.Where(c => c.Id == o.Entry.CourseId).Select(c => c.Title).First(),
                db.CourseRuns.Where(r => r.Id == o.RunId).Select(r => r.StartsOn).First(), db.CourseRuns.Where(r => r.Id == o.RunId).Select(r => r.EndsOn).First(),
                db.CourseRuns.Where(r => r.Id == o.RunId).Select(r => r.IsOnline).First(),
                db.CourseRuns.Where(r => r.Id == o.RunId).Select(r => r.District!.Name).FirstOrDefault(), o.ExpiresAt, o.Status))
            .SingleOrDefaultAsync();
        State = Offer is null ? LinkState.Invalid : state switch
        {
            OneClickTokens.State.Valid when Offer.Status != SeatOfferStatus.Open => Offer.Status == SeatOfferStatus.Expired ? LinkState.Expired : LinkState.NotOpen,
            OneClickTokens.State.Valid => LinkState.Confirm,
            OneClickTokens.State.Used => LinkState.Used,
            OneClickTokens.State.Expired => LinkState.Expired,
            _ => LinkState.Invalid,
        };
        return link;
    }

    private PageResult Show()
    {
        var page = Page();
        page.StatusCode = MatchLink.StatusCode(State);
        return page;
    }
}
