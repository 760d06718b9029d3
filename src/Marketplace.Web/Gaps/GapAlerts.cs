using System.Globalization;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Gaps;

/// <summary>An alert as the office reads it: what it says, where it leads.</summary>
public sealed record GapAlertView(GapAlert Alert, string Text, string MatrixUrl, MailLink? Queue);

/// <summary>
/// One town's gap alerts: raised daily for the last complete week (<see cref="GapAlertRules"/>), then written into the
/// coordinators' daily digest and, for rising requests, into "we can help here" invitations to the organisations whose
/// digest covers the cell. Each step marks its alerts in the same transaction as its mails, and the mails' keys name the
/// alerts, so a rerun (or a second instance at the same time) sends nothing twice.
/// </summary>
public sealed class GapAlerts(AppDbContext db, ITenantContext tenant, GapMatrixReader matrices, TimeToMatch timeToMatch, LanguageCourseDemand courses,
    TownMail mail, SignedLinks signed, TenantLinks links, TownClock townClock, IStringLocalizer<SharedResource> resources, TimeProvider clock,
    ILogger<GapAlerts> logger)
{
    public const string DigestKind = "gap-alerts";
    public const string InvitationKind = "gap-invitation";

    // Names of categories and districts are the town's, in any script: isolated like a user's words.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>The Monday of the last week that has ended, in the town's time.</summary>
    public DateOnly LastCompleteWeek() => townClock.WeekStartOf(clock.GetUtcNow()).AddDays(-7);

    /// <summary>The whole daily run: raise, tell the coordinators, invite the organisations.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var raised = await RaiseAsync(LastCompleteWeek(), cancellationToken);
        var digests = await SendDigestAsync(cancellationToken);
        var invitations = await SendInvitationsAsync(cancellationToken);
        logger.LogInformation("Gap alerts in municipality {TenantId}: {Raised} raised, {Digests} digests, {Invitations} invitations.",
            tenant.Tenant?.Id, raised, digests, invitations);
    }

    /// <summary>Stores the alerts of <paramref name="week"/> not stored yet; returns how many this call stored.</summary>
    public async Task<int> RaiseAsync(DateOnly week, CancellationToken cancellationToken = default)
    {
        var town = tenant.Tenant ?? throw new InvalidOperationException("Alerts are raised inside a town's scope.");
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == town.Id)
            .Select(t => new GapAlertSettings(t.GapAlertOpenRequests, t.GapAlertMedianDays, t.GapAlertSurplusWeeks)).SingleAsync(cancellationToken);
        var weeks = await matrices.ForWeeksAsync(week.AddDays(-7 * (settings.WeeksNeeded - 1)), week, cancellationToken);
        var matched = await timeToMatch.MatchedAsync(townClock.StartOfWeek(week.AddDays(-7 * (GapAlertRules.MedianWeeks - 1))),
            townClock.StartOfWeek(week.AddDays(7)), cancellationToken);
        var found = GapAlertRules.Find(weeks, matched, await courses.AggregateAsync(), settings);

        var existing = (await db.GapAlerts.AsNoTracking().Where(a => a.WeekStart == week)
            .Select(a => new { a.Kind, a.CategoryId, a.DistrictId, a.CourseType }).ToListAsync(cancellationToken)).ToHashSet();
        var stored = 0;
        foreach (var alert in found.Where(f => !existing.Contains(new { f.Kind, f.CategoryId, f.DistrictId, f.CourseType })))
        {
            var row = new GapAlert
            {
                Kind = alert.Kind, WeekStart = week, CategoryId = alert.CategoryId, DistrictId = alert.DistrictId, CourseType = alert.CourseType,
                Value = alert.Value, RaisedAt = clock.GetUtcNow(),
            };
            db.GapAlerts.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored++;
            }
            catch (DbUpdateException)
            {
                // Another run stored the same alert a moment ago: the unique key kept one, so it is raised already.
                db.Entry(row).State = EntityState.Detached;
            }
        }

        return stored;
    }

    /// <summary>One mail per coordinator and town admin listing the alerts not notified yet; none when there are none. Returns the mails queued.</summary>
    public async Task<int> SendDigestAsync(CancellationToken cancellationToken = default)
    {
        var town = tenant.Tenant ?? throw new InvalidOperationException("The digest is written inside a town's scope.");
        var alerts = await db.GapAlerts.Where(a => a.CoordinatorsNotifiedAt == null)
            .OrderBy(a => a.WeekStart).ThenBy(a => a.Kind).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        if (alerts.Count == 0)
        {
            return 0;
        }

        var names = await NamesAsync(cancellationToken);
        var office = await db.Memberships.AsNoTracking().Where(m => m.Role >= TownRole.Coordinator && m.BlockedAt == null)
            .OrderBy(m => m.UserId).Select(m => m.UserId).ToListAsync(cancellationToken);
        var newest = alerts.Max(a => a.Id);
        var queued = 0;
        foreach (var userId in office)
        {
            if (await MailRecipient.FindAsync(db, userId) is not { } person)
            {
                continue;
            }

            // The newest alert names the batch: a second instance composing the same digest meets the same key.
            if (await mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "gap-alerts", $"{DigestKind}:{newest}:{userId}",
                    () => ComposeDigest(town, person, alerts, names)))
            {
                queued++;
            }
        }

        var now = clock.GetUtcNow();
        alerts.ForEach(a => a.CoordinatorsNotifiedAt = now);
        return await CommitAsync(queued, cancellationToken);
    }

    /// <summary>
    /// "We can help here": for each rising-requests alert not handled yet, one mail to the admins of each approved
    /// organisation whose digest (not switched off, with requests) covers the cell, unless every waiting request there
    /// is the organisation's own. Returns the mails queued.
    /// </summary>
    public async Task<int> SendInvitationsAsync(CancellationToken cancellationToken = default)
    {
        var town = tenant.Tenant ?? throw new InvalidOperationException("Invitations are written inside a town's scope.");
        var alerts = await db.GapAlerts.Where(a => a.OrganisationsInvitedAt == null && a.Kind == GapAlertKind.RisingRequests)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        if (alerts.Count == 0)
        {
            return 0;
        }

        var subscriptions = await db.DigestSubscriptions.AsNoTracking()
            .Where(s => s.OrganisationId != null && s.Frequency != DigestFrequency.Off && (s.IncludeRequests || s.OnlyUnanswered))
            .Where(s => s.Organisation!.Status == OrganisationStatus.Approved)
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var organisationIds = subscriptions.Select(s => s.OrganisationId!.Value).Distinct().ToList();
        var admins = (await db.OrganisationMembers.AsNoTracking()
                .Where(m => organisationIds.Contains(m.OrganisationId) && m.Role == OrganisationRole.Admin && m.User!.EmailConfirmed && m.User.Email != null)
                .OrderBy(m => m.UserId)
                .Select(m => new { m.OrganisationId, m.UserId, Person = new MailRecipient(m.User!.Email!, m.User.UserName!, m.User.PreferredCulture) })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.OrganisationId);
        var organisationNames = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var names = await NamesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var alert in alerts)
        {
            var waiting = await db.Listings.AsNoTracking().WherePublic(now)
                .Where(l => l.Type == ListingType.Request && l.DistrictId == alert.DistrictId
                    && (l.CategoryId == alert.CategoryId || l.Category!.ParentId == alert.CategoryId))
                .Select(l => l.OrganisationId).ToListAsync(cancellationToken);
            var cell = new DigestCandidate(0, ListingType.Request, alert.CategoryId, null, alert.DistrictId, now, false);
            // One subscription per organisation: its unsubscribe link is the one this mail carries.
            var covering = subscriptions.Where(s => DigestFilter.Of(s).InArea(cell)).DistinctBy(s => s.OrganisationId);
            foreach (var subscription in covering)
            {
                var organisationId = subscription.OrganisationId!.Value;
                // Requests that are all the organisation's own are no news to it; nobody is invited to what is already theirs.
                if (waiting.All(o => o == organisationId))
                {
                    continue;
                }

                foreach (var admin in admins[organisationId])
                {
                    if (await mail.QueueAsync(admin.Person.Email, admin.Person.Culture ?? town.DefaultCulture, "gap-invitation",
                            $"{InvitationKind}:{alert.Id}:{organisationId}:{admin.UserId}",
                            () => ComposeInvitation(town, admin.Person, organisationNames.GetValueOrDefault(organisationId, ""), subscription, alert, names)))
                    {
                        queued++;
                    }
                }
            }

            alert.OrganisationsInvitedAt = now;
        }

        return await CommitAsync(queued, cancellationToken);
    }

    /// <summary>The alerts of one week, as the office page lists them, in the reader's language.</summary>
    public async Task<IReadOnlyList<GapAlertView>> ForWeekAsync(DateOnly week, CancellationToken cancellationToken = default)
    {
        var town = tenant.Tenant ?? throw new InvalidOperationException("Alerts are read inside a town's scope.");
        var alerts = await db.GapAlerts.AsNoTracking().Where(a => a.WeekStart == week)
            .OrderBy(a => a.Kind).ThenBy(a => a.CategoryId).ThenBy(a => a.DistrictId).ThenBy(a => a.CourseType).ToListAsync(cancellationToken);
        var names = await NamesAsync(cancellationToken);
        return alerts.Select(a => View(town, a, names)).ToList();
    }

    /// <summary>Mails and marks in one transaction; a unique violation means another run did this work a moment ago.</summary>
    private async Task<int> CommitAsync(int queued, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return queued;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private sealed record Names(Dictionary<int, Category> Categories, Dictionary<int, string> Districts)
    {
        public string Category(int id) =>
            Categories.TryGetValue(id, out var category) ? category.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) : id.ToString(CultureInfo.InvariantCulture);

        public string District(int id) => Districts.GetValueOrDefault(id, id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<Names> NamesAsync(CancellationToken cancellationToken) =>
        new(await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken),
            await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken));

    private GapAlertView View(TenantInfo town, GapAlert alert, Names names)
    {
        var matrix = links.TownUrl(town.Slug, $"/coordination/gaps?week={alert.WeekStart:yyyy-MM-dd}");
        var queue = links.TownUrl(town.Slug, alert.DistrictId == 0
            ? $"/coordination/requests?category={alert.CategoryId}"
            : $"/coordination/requests?category={alert.CategoryId}&district={alert.DistrictId}");
        var openQueue = new MailLink(_l["GapAlerts_OpenQueue"], queue);
        return alert.Kind switch
        {
            GapAlertKind.RisingRequests => new(alert, _l["GapAlerts_Rising", names.Category(alert.CategoryId), names.District(alert.DistrictId), alert.Value],
                matrix, openQueue),
            GapAlertKind.SlowMatching => new(alert, _l["GapAlerts_Slow", names.Category(alert.CategoryId), alert.Value], matrix, openQueue),
            GapAlertKind.LastingSurplus => new(alert, _l["GapAlerts_Surplus", names.Category(alert.CategoryId), names.District(alert.DistrictId), alert.Value],
                matrix, null),
            _ => new(alert, _l["GapAlerts_Course", _l["Quals_Interest_Type_" + (LanguageCourseType)alert.CourseType],
                    alert.DistrictId == 0 ? _l["Quals_Interest_NoDistrict"].Value : names.District(alert.DistrictId), alert.Value],
                links.TownUrl(town.Slug, "/coordination/courses/interest"), null),
        };
    }

    private MailContent ComposeDigest(TenantInfo town, MailRecipient person, List<GapAlert> alerts, Names names)
    {
        var culture = CultureInfo.CurrentUICulture;
        var items = alerts.Select(a =>
        {
            var view = View(town, a, names);
            return new MailItem(view.Text, view.MatrixUrl, _l["GapAlerts_Week", a.WeekStart.ToString("d", culture)], view.Queue);
        }).ToList();
        return new MailContent(_l["GapAlerts_Subject", town.Name, alerts.Count], _l["Digest_Greeting", person.UserName], [_l["GapAlerts_Intro"]])
        {
            Sections = [new MailSection(_l["GapAlerts_Heading"], items)],
            MoreActions = [new MailLink(_l["GapAlerts_OpenMatrix"], links.TownUrl(town.Slug, "/coordination/gaps"))],
        };
    }

    private MailContent ComposeInvitation(TenantInfo town, MailRecipient person, string organisation, DigestSubscription subscription, GapAlert alert,
        Names names)
    {
        var category = names.Category(alert.CategoryId);
        var district = names.District(alert.DistrictId);
        var waiting = links.TownUrl(town.Slug, $"/listings?type={ListingType.Request}&category={alert.CategoryId}&district={alert.DistrictId}");
        return new MailContent(_l["GapInvite_Subject", category, district], _l["Digest_Greeting", person.UserName],
            [_l["Digest_ForOrganisation", organisation], _l["GapInvite_Intro", alert.Value, category, district]])
        {
            Action = new MailLink(_l["GapInvite_Show"], waiting),
            MoreActions = [new MailLink(_l["Digest_Settings"], links.TownUrl(town.Slug, ListingDigests.SettingsPath(subscription)))],
            Footer = [_l["GapInvite_Why"]],
            Unsubscribe = new MailLink(_l["Digest_Unsubscribe"],
                signed.UnsubscribeUrl(town, UnsubscribeKind.Digest, subscription.Id.ToString(CultureInfo.InvariantCulture))),
        };
    }
}
