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
/// Writes one town's digests for a town-local date into the outbox. Each subscriber's window runs from their own last
/// digest to the start of this run; the mail and the new "last sent" commit together, and the mail's key names the
/// date, so a second run of the same day (a retry, another instance) sends nothing twice.
/// </summary>
public sealed class ListingDigests(AppDbContext db, ITenantContext tenant, TownMail mail, SignedLinks signed, TenantLinks links,
    IStringLocalizer<SharedResource> resources, TownClock townClock, TimeProvider clock, TenantScopeFactory tenantScopes, ILogger<ListingDigests> logger)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>Subscriptions per save: one transaction each, so a crash loses at most a batch's work, never its mail.</summary>
    public const int BatchSize = 200;

    private sealed record Recipient(string UserId, string Email, string Name, string? Culture);

    /// <summary>Who reads one subscription's digest; for an organisation's, its name heads the mail.</summary>
    private sealed record Audience(IReadOnlyList<Recipient> People, string? OrganisationName);

    private sealed record Listed(DigestCandidate Candidate, string Title);

    /// <summary>Returns how many digest mails it queued.</summary>
    public async Task<int> WriteAsync(DateOnly localDate, CancellationToken cancellationToken = default)
    {
        var town = tenant.Tenant ?? throw new InvalidOperationException("Digests are written inside a town's scope.");
        var now = clock.GetUtcNow();
        var subscriptions = (await db.DigestSubscriptions.AsNoTracking().Where(s => s.Frequency != DigestFrequency.Off).OrderBy(s => s.Id)
                .ToListAsync(cancellationToken))
            .Where(s => DigestSchedule.IsDay(s.Frequency, s.Weekday, localDate)).ToList();
        if (subscriptions.Count == 0)
        {
            return 0;
        }

        var listings = await LoadCandidatesAsync(subscriptions.Min(s => s.LastSentAt ?? s.CreatedAt), now, cancellationToken);
        var candidates = listings.Values.Select(l => l.Candidate).ToList();
        var names = await NamesAsync(cancellationToken);
        var keyPrefix = $"digest:{localDate:yyyyMMdd}:";
        var queuedBefore = (await db.OutboxMails.Where(m => m.IdempotencyKey.StartsWith(keyPrefix)).Select(m => m.IdempotencyKey)
            .ToListAsync(cancellationToken)).ToHashSet();
        var queued = 0;
        // A listing reads the same in every digest of one language: its lines are composed once per run, not per mail.
        var itemCache = new Dictionary<(int ListingId, string Culture), MailItem>();
        // A batch is saved, in a scope of its own, while the next one is composed: saving took as long as composing, and
        // the two share nothing but the processors.
        await using var saving = tenantScopes.CreateForNew(town);
        var saved = Task.CompletedTask;
        try
        {
            foreach (var batch in subscriptions.Chunk(BatchSize))
            {
                var recipients = await RecipientsAsync(batch, cancellationToken);
                var mails = new List<(OutgoingMail Mail, string Key)>();
                var served = new List<int>();
                foreach (var subscription in batch)
                {
                    var items = DigestSelection.Select(candidates, DigestFilter.Of(subscription),
                        subscription.LastSentAt ?? subscription.CreatedAt, now);
                    var audience = recipients[subscription.Id];
                    if (items.IsEmpty || audience.People.Count == 0)
                    {
                        continue;
                    }

                    var before = mails.Count;
                    foreach (var person in audience.People)
                    {
                        var key = $"{keyPrefix}{subscription.Id}:{person.UserId}";
                        if (!queuedBefore.Contains(key))
                        {
                            mails.Add((await mail.RenderAsync(person.Email, person.Culture ?? town.DefaultCulture, "digest",
                                () => Compose(town, subscription, audience.OrganisationName, person, items, listings, names, localDate, itemCache)), key));
                        }
                    }

                    // Only a digest written now moves the window; on a repeated run of the day, what came since stays for tomorrow.
                    if (mails.Count > before)
                    {
                        served.Add(subscription.Id);
                    }
                }

                await saved;
                // SQLite's "async" calls complete synchronously, so the save needs a thread of its own to overlap.
                saved = Task.Run(() => SaveAsync(saving.ServiceProvider, mails, served, now, cancellationToken), CancellationToken.None);
                queued += mails.Count;
            }

            await saved;
        }
        catch
        {
            // The batch in flight finishes before its scope goes; what it committed stays, the next run does the rest.
            await Task.WhenAny(saved);
            throw;
        }

        logger.LogInformation("Queued {Count} digests in municipality {TenantId} for {Date}.", queued, town.Id, localDate);
        return queued;
    }

    /// <summary>A batch's mails and its subscribers' new "last sent" commit together.</summary>
    private static async Task SaveAsync(IServiceProvider scope, List<(OutgoingMail Mail, string Key)> mails, List<int> served, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var db = scope.GetRequiredService<AppDbContext>();
        var writer = scope.GetRequiredService<OutboxWriter>();
        foreach (var (outgoing, key) in mails)
        {
            writer.Add(outgoing, key);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.DigestSubscriptions.Where(s => served.Contains(s.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSentAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    private async Task<Dictionary<int, Listed>> LoadCandidatesAsync(DateTimeOffset earliestWindow, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waitingBefore = now - DigestSelection.WaitingAfter;
        var rows = await db.Listings.AsNoTracking()
            .WherePublic(now)
            .Where(l => l.PublishedAt != null)
            .Where(l => l.PublishedAt > earliestWindow || (l.Type == ListingType.Request && l.PublishedAt <= waitingBefore))
            .Select(l => new
            {
                l.Id, l.Type, l.CategoryId, l.Category!.ParentId, l.DistrictId, l.PublishedAt, l.Title, l.PosterUserId, l.OrganisationId,
                HasResponse = db.Conversations.Any(c => c.ListingId == l.Id),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id,
            r => new Listed(new DigestCandidate(r.Id, r.Type, r.CategoryId, r.ParentId, r.DistrictId, r.PublishedAt!.Value, r.HasResponse,
                r.PosterUserId, r.OrganisationId), r.Title));
    }

    private async Task<(Dictionary<int, Category> Categories, Dictionary<int, string> Districts)> NamesAsync(CancellationToken cancellationToken) =>
        (await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken),
         await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken));

    /// <summary>A member's own digest goes to them while they belong to the town; an organisation's to its admins while it is approved.</summary>
    private async Task<Dictionary<int, Audience>> RecipientsAsync(DigestSubscription[] batch, CancellationToken cancellationToken)
    {
        var userIds = batch.Where(s => s.UserId is not null).Select(s => s.UserId!).ToList();
        var organisationIds = batch.Where(s => s.OrganisationId is not null).Select(s => s.OrganisationId!.Value).ToList();
        var members = await db.Memberships.AsNoTracking()
            .Where(m => userIds.Contains(m.UserId) && m.BlockedAt == null && m.User!.EmailConfirmed && m.User.Email != null)
            .Select(m => new Recipient(m.UserId, m.User!.Email!, m.User.UserName!, m.User.PreferredCulture))
            .ToDictionaryAsync(r => r.UserId, cancellationToken);
        var admins = (await db.OrganisationMembers.AsNoTracking()
                .Where(m => organisationIds.Contains(m.OrganisationId) && m.Role == OrganisationRole.Admin
                    && m.Organisation!.Status == OrganisationStatus.Approved && m.User!.EmailConfirmed && m.User.Email != null)
                .Select(m => new { m.OrganisationId, Recipient = new Recipient(m.UserId, m.User!.Email!, m.User.UserName!, m.User.PreferredCulture) })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.OrganisationId, a => a.Recipient);
        var organisationNames = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        return batch.ToDictionary(s => s.Id, s => s.UserId is { } user
            ? new Audience(members.TryGetValue(user, out var member) ? [member] : [], null)
            : new Audience(admins[s.OrganisationId!.Value].ToList(), organisationNames.GetValueOrDefault(s.OrganisationId!.Value)));
    }

    private MailContent Compose(TenantInfo town, DigestSubscription subscription, string? organisationName, Recipient person, DigestItems items,
        Dictionary<int, Listed> listings, (Dictionary<int, Category> Categories, Dictionary<int, string> Districts) names, DateOnly localDate,
        Dictionary<(int ListingId, string Culture), MailItem> itemCache)
    {
        var culture = CultureInfo.CurrentUICulture;
        MailItem Item(DigestCandidate c)
        {
            if (!itemCache.TryGetValue((c.Id, culture.Name), out var item))
            {
                item = ComposeItem(c);
                itemCache.Add((c.Id, culture.Name), item);
            }

            return item;
        }

        MailItem ComposeItem(DigestCandidate c) => new(
            listings[c.Id].Title,
            links.TownUrl(town.Slug, $"/listings/{c.Id}"),
            // Category and district are the town's names, in any script: isolated like a user's words.
            string.Join(" · ",
                Bidi.Isolate(names.Categories.TryGetValue(c.CategoryId, out var category) ? category.NameIn(culture.TwoLetterISOLanguageName) : ""),
                Bidi.Isolate(names.Districts.GetValueOrDefault(c.DistrictId, "")),
                _l["Digest_Since", townClock.Local(c.PublishedAt).ToString("d", culture)].Value),
            new MailLink(_l[c.Type == ListingType.Request ? "Digest_CanHelp" : "Digest_Interested"],
                links.TownUrl(town.Slug, $"/messages/start/{c.Id}")));

        var sections = new List<MailSection>();
        if (items.NewRequests.Count > 0)
        {
            sections.Add(new MailSection(_l["Digest_NewRequests"], items.NewRequests.Select(Item).ToList()));
        }

        if (items.NewOffers.Count > 0)
        {
            sections.Add(new MailSection(_l["Digest_NewOffers"], items.NewOffers.Select(Item).ToList()));
        }

        if (items.Waiting.Count > 0)
        {
            sections.Add(new MailSection(_l["Digest_Waiting"], items.Waiting.Select(Item).ToList()));
        }

        var paragraphs = new List<string>();
        if (organisationName is not null)
        {
            paragraphs.Add(_l["Digest_ForOrganisation", organisationName]);
        }

        paragraphs.Add(_l[subscription.LastSentAt is null ? "Digest_IntroFirst" : "Digest_Intro"]);
        return new MailContent(_l["Digest_Subject", town.Name, localDate.ToString("d", culture)], _l["Digest_Greeting", person.Name], paragraphs)
        {
            Sections = sections,
            MoreActions =
            [
                new MailLink(_l["Digest_AllListings"], links.TownUrl(town.Slug, "/listings")),
                new MailLink(_l["Digest_Settings"], links.TownUrl(town.Slug, SettingsPath(subscription))),
            ],
            Footer = [_l["Digest_Why"]],
            Unsubscribe = new MailLink(_l["Digest_Unsubscribe"],
                signed.UnsubscribeUrl(town, UnsubscribeKind.Digest, subscription.Id.ToString(CultureInfo.InvariantCulture))),
        };
    }

    public static string SettingsPath(DigestSubscription subscription) =>
        subscription.OrganisationId is { } organisation ? $"/me/notifications?organisation={organisation}" : "/me/notifications";
}
