using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Messages;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Messages;

/// <summary>
/// One conversation: the thread, the reply form and contact sharing. Only its two sides see it; anyone else gets 404,
/// as does everyone on another town's host (the tenant filter). htmx replaces #conversation-thread.
/// </summary>
public sealed class ThreadModel(AppDbContext db, CurrentMember member, MessageSender sender, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public MessageInput Input { get; set; } = new();

    public ThreadView View { get; private set; } = null!;

    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];

    public bool CanParticipate { get; private set; }

    public sealed record ThreadView(
        int Id, int ListingId, string ListingTitle, string? MeetingPoint, bool IAmOwner, string OtherName,
        string? OtherEmail, string? OtherPhone, bool ISharesEmail, bool ISharePhone, bool IHavePhone);

    /// <summary>Body is null for a message moderation has hidden.</summary>
    public sealed record MessageRow(int Id, bool Mine, string SenderName, DateTimeOffset SentAt, string? Body);

    private string UserId => member.UserId!;

    private static string BodyField => $"{nameof(Input)}.{nameof(MessageInput.Body)}";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var conversation = await FindAsync(id);
        if (conversation is null)
        {
            return NotFound();
        }

        MarkRead(conversation);
        await db.SaveChangesAsync();
        return await ShowAsync(conversation.Id, StatusCodes.Status200OK);
    }

    public async Task<IActionResult> OnPostSendAsync(int id)
    {
        var conversation = await FindAsync(id);
        if (conversation is null)
        {
            return NotFound();
        }

        if (!await member.CanParticipateAsync())
        {
            return await ShowAsync(id, StatusCodes.Status403Forbidden);
        }

        if (await sender.IsRateLimitedAsync(UserId))
        {
            ModelState.AddModelError(BodyField, l["Messages_RateLimited", MessageRules.MessagesPerWindow, MessageRules.RateWindow.TotalMinutes]);
            return await ShowAsync(id, StatusCodes.Status429TooManyRequests);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity);
        }

        await sender.SendAsync(conversation, UserId, Input.Body);
        Input = new MessageInput();
        return await this.FormSucceededAsync("_Thread", () => LoadAsync(id), routeValues: new { id });
    }

    public async Task<IActionResult> OnPostShareEmailAsync(int id)
    {
        var conversation = await FindAsync(id);
        if (conversation is null)
        {
            return NotFound();
        }

        if (!await member.CanParticipateAsync())
        {
            return await ShowAsync(id, StatusCodes.Status403Forbidden);
        }

        if (conversation.OwnerUserId == UserId)
        {
            conversation.OwnerSharesEmail = true;
        }
        else
        {
            conversation.RespondentSharesEmail = true;
        }

        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Messages_EmailShared"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSharePhoneAsync(int id)
    {
        var conversation = await FindAsync(id);
        if (conversation is null)
        {
            return NotFound();
        }

        if (!await member.CanParticipateAsync())
        {
            return await ShowAsync(id, StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrWhiteSpace(await db.Users.Where(u => u.Id == UserId).Select(u => u.PhoneNumber).SingleAsync()))
        {
            ModelState.AddModelError(string.Empty, l["Messages_NoPhoneStored"]);
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity);
        }

        if (conversation.OwnerUserId == UserId)
        {
            conversation.OwnerSharesPhone = true;
        }
        else
        {
            conversation.RespondentSharesPhone = true;
        }

        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Messages_PhoneShared"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>The conversation if the signed-in member is one of its sides (in this town: the tenant filter).</summary>
    private Task<Conversation?> FindAsync(int id)
    {
        var userId = UserId;
        return db.Conversations.SingleOrDefaultAsync(c => c.Id == id && (c.OwnerUserId == userId || c.RespondentUserId == userId));
    }

    private void MarkRead(Conversation conversation)
    {
        if (conversation.OwnerUserId == UserId)
        {
            conversation.OwnerReadAt = clock.GetUtcNow();
        }
        else
        {
            conversation.RespondentReadAt = clock.GetUtcNow();
        }
    }

    /// <summary>The whole page, or for htmx just the thread fragment, with the given status.</summary>
    private async Task<IActionResult> ShowAsync(int id, int statusCode)
    {
        await LoadAsync(id);
        return statusCode == StatusCodes.Status200OK ? this.PageOrFragment("_Thread") : this.InvalidForm("_Thread", statusCode);
    }

    private async Task LoadAsync(int id)
    {
        CanParticipate = await member.CanParticipateAsync();
        var me = UserId;
        Messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == id)
            .OrderBy(m => m.Id)
            .Select(m => new MessageRow(m.Id, m.SenderUserId == me, m.Sender!.UserName!, m.SentAt, m.IsHidden ? null : m.Body))
            .ToListAsync();

        // Contact details leave the database only when their owner has shared them.
        View = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ThreadView(
                c.Id,
                c.ListingId,
                c.Listing!.Title,
                c.Listing.MeetingPoint,
                c.OwnerUserId == me,
                c.OwnerUserId == me ? c.Respondent!.UserName! : c.Owner!.UserName!,
                c.OwnerUserId == me
                    ? (c.RespondentSharesEmail ? c.Respondent!.Email : null)
                    : (c.OwnerSharesEmail ? c.Owner!.Email : null),
                c.OwnerUserId == me
                    ? (c.RespondentSharesPhone ? c.Respondent!.PhoneNumber : null)
                    : (c.OwnerSharesPhone ? c.Owner!.PhoneNumber : null),
                c.OwnerUserId == me ? c.OwnerSharesEmail : c.RespondentSharesEmail,
                c.OwnerUserId == me ? c.OwnerSharesPhone : c.RespondentSharesPhone,
                (c.OwnerUserId == me ? c.Owner!.PhoneNumber : c.Respondent!.PhoneNumber) != null))
            .SingleAsync();
    }
}
