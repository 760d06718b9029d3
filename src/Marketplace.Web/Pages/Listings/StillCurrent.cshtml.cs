using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Marketplace.Web.Mail;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Listings;

/// <summary>
/// The "still current?" links: renew, mark fulfilled or close a listing without logging in. The link opens a page with
/// one button (mail scanners open links by themselves); the button acts once. Used, expired and altered links each get
/// their own clear page and change nothing. A poster the office blocked may still close or mark fulfilled, not renew.
/// </summary>
public sealed class StillCurrentModel(AppDbContext db, SignedLinks signed, OneClickTokens tokens, Memberships memberships, ITenantContext tenant,
    TimeProvider clock, Matching.MatchFulfilment fulfilment, Web.Gaps.SupplyFactRecorder facts) : PageModel
{
    public enum Outcome
    {
        Confirm,
        Done,
        Invalid,
        Used,
        Expired,
        NotPossible,
        Blocked,
    }

    public Outcome Result { get; private set; }
    public string Action { get; private set; } = "";
    public string? Title { get; private set; }
    public int ListingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var (outcome, link, listing) = await ReadAsync(token);
        return Show(outcome, link?.Action, listing);
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var (outcome, link, listing) = await ReadAsync(token);
        if (outcome != Outcome.Confirm)
        {
            return Show(outcome, link?.Action, listing);
        }

        var action = ToListingAction(link!.Value.Action);
        if (ListingLifecycle.MakesVisible(action) && !await memberships.CanParticipateAsync(listing!.PosterUserId))
        {
            return Show(Outcome.Blocked, link.Value.Action, listing);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await tokens.RedeemAsync(link.Value.TokenId, link.Value.Action))
        {
            // Another click won the race; say what the first one did.
            return Show(Outcome.Used, link.Value.Action, listing);
        }

        var tracked = await db.Listings.SingleAsync(l => l.Id == listing!.Id);
        var now = clock.GetUtcNow();
        var lifetime = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ListingLifetimeDays).SingleAsync();
        var wasOpen = Web.Gaps.SupplyFactRecorder.IsOpen(tracked);
        if (!ListingLifecycle.Apply(tracked, action, now, lifetime))
        {
            await transaction.RollbackAsync();
            return Show(Outcome.NotPossible, link.Value.Action, listing);
        }

        if (action == ListingAction.Fulfil)
        {
            await fulfilment.RecordAsync(tracked, counterpartUserId: null);
        }

        await facts.AddChangeAsync(tracked, wasOpen, fulfilled: action == ListingAction.Fulfil);

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Show(Outcome.Done, link.Value.Action, listing);
    }

    private async Task<(Outcome, (Guid TokenId, string Action)?, Listing?)> ReadAsync(string token)
    {
        if (signed.ReadOneClick(token, tenant.TenantId ?? Guid.Empty) is not { } link || !StillCurrentReminders.Actions.Contains(link.Action))
        {
            return (Outcome.Invalid, null, null);
        }

        var (state, row) = await tokens.CheckAsync(link.TokenId, StillCurrentReminders.Purpose);
        var listing = row is null ? null : await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == row.TargetId);
        if (listing is null)
        {
            return (Outcome.Invalid, link, null);
        }

        return state switch
        {
            OneClickTokens.State.Valid => (Outcome.Confirm, link, listing),
            OneClickTokens.State.Used => (Outcome.Used, (link.TokenId, row!.UsedFor ?? link.Action), listing),
            OneClickTokens.State.Expired => (Outcome.Expired, link, listing),
            _ => (Outcome.Invalid, link, null),
        };
    }

    private PageResult Show(Outcome outcome, string? action, Listing? listing)
    {
        Result = outcome;
        Action = action ?? "";
        Title = listing?.Title;
        ListingId = listing?.Id ?? 0;
        var page = Page();
        page.StatusCode = outcome switch
        {
            Outcome.Invalid => StatusCodes.Status404NotFound,
            Outcome.Used or Outcome.Expired => StatusCodes.Status410Gone,
            Outcome.NotPossible => StatusCodes.Status409Conflict,
            Outcome.Blocked => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status200OK,
        };
        return page;
    }

    private static ListingAction ToListingAction(string action) => action switch
    {
        "renew" => ListingAction.Renew,
        "fulfil" => ListingAction.Fulfil,
        _ => ListingAction.Close,
    };
}
