using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Volunteers;

/// <summary>
/// Keeps clearance records honest: the volunteer is reminded six weeks before theirs lapses, and a record is deleted
/// three months after the volunteer's last activity (profile change, match, logged hours, or the record itself).
/// </summary>
public sealed class ClearanceUpkeep(AppDbContext db, TownMail mail, TenantLinks links, ITenantContext tenant, IStringLocalizer<SharedResource> resources,
    TownClock townClock, TimeProvider clock)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    public async Task<int> RemindAsync()
    {
        var town = tenant.Tenant!;
        var today = townClock.Today();
        var years = await db.Tenants.Where(t => t.Id == town.Id).Select(t => t.ClearanceValidYears).SingleAsync();
        var records = await db.PoliceClearances.ToListAsync();
        var sent = 0;
        foreach (var record in records)
        {
            var lapses = ClearanceRules.LapsesOn(record.IssuedOn, years);
            if (!ClearanceRules.ReminderDue(lapses, today) || record.ReminderSentFor == lapses)
            {
                continue;
            }

            var person = await MailRecipient.FindAsync(db, record.VolunteerUserId);
            if (person is not null)
            {
                var key = $"clearance-reminder:{record.VolunteerUserId}:{lapses:yyyyMMdd}";
                await mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "clearance-reminder", key, () =>
                    new MailContent(_l["ClearanceMail_Subject", town.Name], _l["Digest_Greeting", person.UserName],
                        [_l["ClearanceMail_Intro", lapses.ToString("D", CultureInfo.CurrentCulture)], _l["ClearanceMail_Next"]])
                    {
                        Action = new MailLink(_l["ClearanceMail_Profile"], links.TownUrl(town.Slug, "/me/volunteer")),
                    });
                sent++;
            }

            record.ReminderSentFor = lapses;
        }

        await db.SaveChangesAsync();
        return sent;
    }

    public async Task<int> DeleteExpiredRecordsAsync()
    {
        var now = clock.GetUtcNow();
        var records = await db.PoliceClearances.AsNoTracking().Select(c => new { c.Id, c.VolunteerUserId, c.RecordedAt }).ToListAsync();
        if (records.Count == 0)
        {
            return 0;
        }

        // Activity times are gathered and compared here: a town has few clearance records, and SQLite stores times as numbers.
        var people = records.Select(r => r.VolunteerUserId).ToList();
        var open = new[] { MatchStatus.Proposed, MatchStatus.Accepted };

        // A helper is the proposed volunteer or the poster of the proposed offer: either needs the clearance for the
        // match's start (Matching/MatchWindowStarts checks it again then).
        var helped = (await db.Matches.AsNoTracking().Where(m => m.Source == MatchSource.Coordination)
                .Select(m => new
                {
                    Helper = m.VolunteerUserId ?? db.Listings.Where(o => o.Id == m.OfferListingId).Select(o => o.PosterUserId).FirstOrDefault(),
                    m.Status, m.CreatedAt, m.DecidedAt, m.CompletedAt,
                })
                .Where(m => m.Helper != null && people.Contains(m.Helper)).ToListAsync())
            .Select(m => new { UserId = m.Helper!, m.Status, At = m.CompletedAt ?? m.DecidedAt ?? m.CreatedAt }).ToList();
        var activity = (await db.VolunteerProfiles.AsNoTracking().Where(v => people.Contains(v.UserId))
                .Select(v => new { UserId = v.UserId, At = v.LastActivityAt }).ToListAsync())
            .Concat(await db.VolunteerHours.AsNoTracking().Where(h => people.Contains(h.UserId)).Select(h => new { h.UserId, At = h.CreatedAt }).ToListAsync())
            .Concat(helped.Select(m => new { m.UserId, m.At }))
            .GroupBy(a => a.UserId).ToDictionary(g => g.Key, g => g.Max(a => a.At));
        var busy = helped.Where(m => open.Contains(m.Status)).Select(m => m.UserId).ToHashSet();

        var expired = records.Where(r => ClearanceRules.RetentionOver(
                activity.TryGetValue(r.VolunteerUserId, out var last) && last > r.RecordedAt ? last : r.RecordedAt, busy.Contains(r.VolunteerUserId), now))
            .Select(r => r.Id).ToList();
        return expired.Count == 0 ? 0 : await db.PoliceClearances.Where(c => expired.Contains(c.Id)).ExecuteDeleteAsync();
    }
}
