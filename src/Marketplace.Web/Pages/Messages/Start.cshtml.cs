using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Listings;
using Marketplace.Web.Messages;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Messages;

/// <summary>
/// "I can help" / "I am interested": the first message to a listing's poster opens a conversation. Only on a listing
/// everyone may see (<see cref="ListingVisibility.IsPublic"/>); any other is a 404, as on its page.
/// </summary>
public sealed class StartModel(AppDbContext db, CurrentMember member, MessageSender sender, IStringLocalizer<SharedResource> l,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public MessageInput Input { get; set; } = new();

    public ListingSummary Listing { get; private set; } = null!;

    /// <summary>Why this member cannot write here; the form is not shown then.</summary>
    public string? Refusal { get; private set; }

    public sealed record ListingSummary(int Id, ListingType Type, string Title, string PosterUserId, string PosterName);

    public async Task<IActionResult> OnGetAsync(int listingId) => await CheckAsync(listingId) ?? Page();

    public async Task<IActionResult> OnPostAsync(int listingId)
    {
        if (await CheckAsync(listingId) is { } refused)
        {
            return refused;
        }

        var userId = member.UserId!;
        if (await sender.IsRateLimitedAsync(userId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MessageInput.Body)}",
                l["Messages_RateLimited", MessageRules.MessagesPerWindow, MessageRules.RateWindow.TotalMinutes]);
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var conversation = new Conversation { ListingId = Listing.Id, OwnerUserId = Listing.PosterUserId, RespondentUserId = userId };
        try
        {
            await sender.SendAsync(conversation, userId, Input.Body);
        }
        catch (DbUpdateException)
        {
            // A second tab or a double click opened it a moment ago (the index is unique): go there.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(listingId, userId) is { } existing)
            {
                return RedirectToPage("/Messages/Thread", new { id = existing });
            }

            throw;
        }

        TempData[HtmxResults.StatusKey] = l["Messages_Sent"].Value;
        return RedirectToPage("/Messages/Thread", new { id = conversation.Id });
    }

    /// <summary>Null when the member may write the first message; otherwise the response to give.</summary>
    private async Task<IActionResult?> CheckAsync(int listingId)
    {
        var found = await db.Listings.AsNoTracking()
            .WherePublic(clock.GetUtcNow())
            .Where(x => x.Id == listingId)
            // An organisation's listing is its name to others, never the account that posted it (as on the listing's page).
            .Select(x => new ListingSummary(x.Id, x.Type, x.Title, x.PosterUserId,
                x.Organisation != null ? x.Organisation.Name : x.Poster!.UserName!))
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return NotFound();
        }

        // Listings in office mode take questions for the coordination office on their page, not messages to the poster
        // (older links, e.g. from a digest, end up there).
        if (await OfficeMode.IsOnAsync(db, listingId) && !await member.IsAtLeastAsync(TownRole.Coordinator))
        {
            return RedirectToPage("/Listings/Details", new { id = listingId });
        }

        Listing = found;
        var userId = member.UserId!;
        if (found.PosterUserId == userId)
        {
            return Refuse(l["Messages_OwnListing"]);
        }

        if (await ExistingAsync(listingId, userId) is { } id)
        {
            return RedirectToPage("/Messages/Thread", new { id });
        }

        return await member.CanParticipateAsync() ? null : Refuse(l["Messages_Blocked"]);
    }

    private PageResult Refuse(string reason)
    {
        Refusal = reason;
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    private Task<int?> ExistingAsync(int listingId, string userId) =>
        db.Conversations.AsNoTracking()
            .Where(c => c.ListingId == listingId && c.RespondentUserId == userId)
            .Select(c => (int?)c.Id)
            .SingleOrDefaultAsync();
}
