using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Listings;

/// <summary>
/// "Still current?": a few days before a listing runs out its poster gets one-click links to renew it, mark it fulfilled
/// or close it, without logging in. One mail per listing and end date: renewing sets a new end and earns a new reminder.
/// </summary>
public sealed class StillCurrentReminders(AppDbContext db, ITenantContext tenant, TownMail mail, SignedLinks signed, OneClickTokens tokens,
    TenantLinks links, IStringLocalizer<SharedResource> resources, TownClock townClock, TimeProvider clock)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    public const string Purpose = "still-current";
    public const string LinkPath = "/listings/still-current";
    public static readonly TimeSpan Before = TimeSpan.FromDays(3);
    public static readonly string[] Actions = ["renew", "fulfil", "close"];

    /// <summary>Queues the reminders that are due in this town; returns how many.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken = default)
    {
        var town = tenant.Tenant ?? throw new InvalidOperationException("Reminders are written inside a town's scope.");
        var now = clock.GetUtcNow();
        var until = now + Before;
        var due = await db.Listings.AsNoTracking()
            .Where(l => l.Status == ListingStatus.Published && l.ExpiresAt > now && l.ExpiresAt <= until)
            .Where(l => l.Poster!.EmailConfirmed && l.Poster.Email != null)
            .Where(l => !db.NotificationSettings.Any(n => n.UserId == l.PosterUserId && !n.ListingReminders))
            .Select(l => new { l.Id, l.Title, ExpiresAt = l.ExpiresAt!.Value, l.PosterUserId, l.Poster!.Email, l.Poster.UserName, l.Poster.PreferredCulture })
            .ToListAsync(cancellationToken);

        var queued = 0;
        foreach (var listing in due)
        {
            var key = $"still-current:{listing.Id}:{listing.ExpiresAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
            if (await db.OutboxMails.AnyAsync(m => m.IdempotencyKey == key, cancellationToken))
            {
                continue;
            }

            var token = tokens.Issue(Purpose, listing.Id);
            var culture = listing.PreferredCulture ?? town.DefaultCulture;
            await mail.QueueAsync(listing.Email!, culture, "still-current", key, () =>
            {
                var ends = townClock.Local(listing.ExpiresAt).ToString("D", CultureInfo.CurrentCulture);
                return new MailContent(_l["StillCurrent_Subject", town.Name, listing.Title], _l["Digest_Greeting", listing.UserName!],
                    [_l["StillCurrent_Intro", listing.Title, ends], _l["StillCurrent_Choose"]])
                {
                    Action = new MailLink(_l["StillCurrent_Renew"], signed.OneClickUrl(town, LinkPath, token, "renew")),
                    MoreActions =
                    [
                        new MailLink(_l["StillCurrent_Fulfil"], signed.OneClickUrl(town, LinkPath, token, "fulfil")),
                        new MailLink(_l["StillCurrent_Close"], signed.OneClickUrl(town, LinkPath, token, "close")),
                        new MailLink(_l["StillCurrent_Open"], links.TownUrl(town.Slug, $"/listings/{listing.Id}")),
                    ],
                    AfterAction = [_l["StillCurrent_LinksValid"]],
                    Unsubscribe = new MailLink(_l["StillCurrent_Unsubscribe"],
                        signed.UnsubscribeUrl(town, UnsubscribeKind.ListingReminders, listing.PosterUserId)),
                };
            });
            queued++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
