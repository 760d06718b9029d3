using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Courses;

/// <summary>A grant that lapses soon, as the office's course desk lists it.</summary>
public sealed record LapsingGrantRow(int GrantId, string UserId, string Volunteer, string Qualification, DateOnly ValidUntil);

/// <summary>
/// Qualifications that lapse: the holder is reminded six weeks before (once per lapse date, with the next planned runs of
/// courses that renew it), and the office sees what lapses within the month. A grant that a newer one of the same
/// qualification continues is not lapsing.
/// </summary>
public sealed class QualificationReminders(AppDbContext db, TownMail mail, TenantLinks links, ITenantContext tenant,
    IStringLocalizer<SharedResource> resources, TownClock townClock)
{
    public const int RunsLinked = 3;
    public const int OfficeWindowDays = 30;

    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>Queues the reminders that are due; returns how many mails were queued.</summary>
    public async Task<int> RemindAsync()
    {
        var town = tenant.Tenant!;
        var today = townClock.Today();
        var horizon = today.AddDays(CourseRules.LapseReminderDays);
        var due = await Lapsing(today, horizon).Where(g => g.ReminderSentFor == null || g.ReminderSentFor != g.ValidUntil).ToListAsync();
        var sent = 0;
        foreach (var grant in due)
        {
            var lapses = grant.ValidUntil!.Value;
            var person = await MailRecipient.FindAsync(db, grant.UserId);
            var qualification = await db.Qualifications.AsNoTracking().Where(q => q.Id == grant.QualificationId).Select(q => q.Names).SingleAsync();
            var runs = await NextRunsAsync(grant.QualificationId, today);
            if (person is not null)
            {
                var culture = person.Culture ?? town.DefaultCulture;
                var name = qualification.In(culture);
                var key = $"qualification-lapse:{grant.Id}:{lapses:yyyyMMdd}";
                if (await mail.QueueAsync(person.Email, culture, "qualification-lapse", key, () =>
                        new MailContent(_l["Quals_LapseMail_Subject", name], _l["Digest_Greeting", person.UserName],
                            [_l["Quals_LapseMail_Intro", name, lapses.ToString("D", CultureInfo.CurrentCulture)],
                             runs.Count == 0 ? _l["Quals_LapseMail_NoRuns"] : _l["Quals_LapseMail_Runs"]])
                        {
                            Sections = runs.Count == 0
                                ? []
                                : [new MailSection(_l["Quals_LapseMail_RunsHeading"], runs.Select(r => new MailItem(r.Title,
                                    links.TownUrl(town.Slug, $"/courses/{r.CourseId}/runs/{r.RunId}"),
                                    r.District is null
                                        ? _l["Quals_LapseMail_RunOnline", r.StartsOn.ToString("d", CultureInfo.CurrentCulture)]
                                        : _l["Quals_LapseMail_RunFacts", r.StartsOn.ToString("d", CultureInfo.CurrentCulture), r.District])).ToList())],
                            Action = new MailLink(_l["Quals_LapseMail_Mine"], links.TownUrl(town.Slug, "/me/volunteer")),
                        }))
                {
                    sent++;
                }
            }

            // Marked in the same save as the queued mail: both or neither.
            grant.ReminderSentFor = lapses;
        }

        await db.SaveChangesAsync();
        return sent;
    }

    /// <summary>Grants lapsing within the next 30 days, soonest first, for /coordination/courses.</summary>
    public async Task<IReadOnlyList<LapsingGrantRow>> ForOfficeAsync(string culture)
    {
        var today = townClock.Today();
        var rows = await Lapsing(today, today.AddDays(OfficeWindowDays))
            .Join(db.Qualifications, g => g.QualificationId, q => q.Id, (g, q) => new { g.Id, g.UserId, q.Names, g.ValidUntil })
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { g.Id, g.UserId, u.UserName, g.Names, g.ValidUntil })
            .ToListAsync();
        return rows.Select(r => new LapsingGrantRow(r.Id, r.UserId, r.UserName ?? "", r.Names.In(culture), r.ValidUntil!.Value))
            .OrderBy(r => r.ValidUntil).ThenBy(r => r.Volunteer).ToList();
    }

    /// <summary>Grants whose last day is within [from, until] and that no later, longer grant of the same qualification renews.</summary>
    private IQueryable<QualificationGrant> Lapsing(DateOnly from, DateOnly until) =>
        db.QualificationGrants.Where(g => g.ValidUntil != null && g.ValidUntil >= from && g.ValidUntil <= until
            && !db.QualificationGrants.Any(n => n.UserId == g.UserId && n.QualificationId == g.QualificationId && n.Id != g.Id
                                                && n.GrantedOn >= g.GrantedOn && (n.ValidUntil == null || n.ValidUntil > g.ValidUntil)));

    private sealed record NextRun(int CourseId, int RunId, string Title, DateOnly StartsOn, string? District);

    /// <summary>The next planned runs of courses that grant the qualification (or one that includes it), soonest first.</summary>
    private async Task<List<NextRun>> NextRunsAsync(int qualificationId, DateOnly today)
    {
        var includes = await db.Qualifications.AsNoTracking().Select(q => new { q.Id, q.IncludesQualificationIds }).ToListAsync();
        var map = includes.ToDictionary(q => q.Id, q => q.IncludesQualificationIds);
        var renewing = includes.Where(q => CourseRules.WithIncluded([q.Id], map).Contains(qualificationId)).Select(q => q.Id).ToList();
        return await db.CourseRuns.AsNoTracking()
            .Where(r => r.Status == CourseRunStatus.Planned && r.StartsOn > today && !r.Course!.IsWithdrawn
                        && db.CourseQualifications.Any(c => c.CourseId == r.CourseId && renewing.Contains(c.QualificationId)))
            .OrderBy(r => r.StartsOn).ThenBy(r => r.Id).Take(RunsLinked)
            .Select(r => new NextRun(r.CourseId, r.Id, r.Course!.Title, r.StartsOn, r.District != null ? r.District.Name : null))
            .ToListAsync();
    }
}
