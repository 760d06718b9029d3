using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Mail;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages;

/// <summary>
/// Stops one kind of mail without logging in. The link shows a page with one button, because mail scanners open links
/// on their own; the button, and a mail program's RFC 8058 one-click POST, take effect at once. The signed token is
/// the authorisation, so the POST needs no antiforgery token (a mail program cannot have one).
/// </summary>
[IgnoreAntiforgeryToken]
[HostScope(HostScope.Town)]
public sealed class UnsubscribeModel(AppDbContext db, SignedLinks signed, ITenantContext tenant) : PageModel
{
    public UnsubscribeKind? Kind { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet(string token)
    {
        if (Read(token) is not { } target)
        {
            return InvalidLink();
        }

        Kind = target.Kind;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (Read(token) is not { } target)
        {
            return InvalidLink();
        }

        Kind = target.Kind;
        switch (target.Kind)
        {
            case UnsubscribeKind.Digest when int.TryParse(target.Target, out var subscriptionId):
                await db.DigestSubscriptions.Where(s => s.Id == subscriptionId)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Frequency, DigestFrequency.Off));
                break;
            case UnsubscribeKind.MessageMails or UnsubscribeKind.ListingReminders:
                await StopNotificationAsync(target.Target, target.Kind);
                break;
        }

        Done = true;
        return Page();
    }

    private async Task StopNotificationAsync(string userId, UnsubscribeKind kind)
    {
        if (!await db.Memberships.AnyAsync(m => m.UserId == userId))
        {
            return;
        }

        var settings = await db.NotificationSettings.SingleOrDefaultAsync(n => n.UserId == userId)
            ?? db.NotificationSettings.Add(new NotificationSettings { UserId = userId }).Entity;
        if (kind == UnsubscribeKind.MessageMails)
        {
            settings.MessageMails = false;
        }
        else
        {
            settings.ListingReminders = false;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A link of another town is as unknown here as a forged one.</summary>
    private UnsubscribeTarget? Read(string token) =>
        signed.ReadUnsubscribe(token) is { } target && target.TenantId == tenant.TenantId ? target : null;

    private PageResult InvalidLink()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }
}
