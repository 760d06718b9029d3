using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Courses;

/// <summary>
/// A planned run still below its minimum <see cref="CourseRules.LowEnrolmentNoticeDays"/> days before its start: its
/// provider's admins and the town's coordinators hear of it once (CourseRun.LowEnrolmentNoticeSentAt), so there is time
/// to advertise it or to call it off.
/// </summary>
public sealed class LowEnrolmentNotices(AppDbContext db, TownMail mail, TenantLinks links, ITenantContext tenant, IStringLocalizer<SharedResource> resources,
    TownClock townClock, TimeProvider clock)
{
    // User text (titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>Queues the notices due today in the caller's town; returns how many runs were reported.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var town = tenant.Tenant!;
        var today = townClock.Today();
        var horizon = today.AddDays(CourseRules.LowEnrolmentNoticeDays);
        var due = await db.CourseRuns.AsNoTracking()
            .Where(r => r.Status == CourseRunStatus.Planned && r.LowEnrolmentNoticeSentAt == null && r.StartsOn >= today && r.StartsOn <= horizon
                && db.Enrolments.Count(e => e.RunId == r.Id && RunOccupancyQueries.SeatHolding.Contains(e.Status)) < r.MinParticipants)
            .Select(r => new
            {
                r.Id,
                r.StartsOn,
                r.MinParticipants,
                r.Course!.Title,
                r.Course.ProviderOrganisationId,
                Seated = db.Enrolments.Count(e => e.RunId == r.Id && RunOccupancyQueries.SeatHolding.Contains(e.Status)),
            })
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var office = await db.Memberships.AsNoTracking().Where(m => m.Role >= TownRole.Coordinator && m.BlockedAt == null).Select(m => m.UserId).ToListAsync(ct);
        foreach (var run in due)
        {
            var admins = run.ProviderOrganisationId is { } providerId
                ? await db.OrganisationMembers.AsNoTracking().Where(m => m.OrganisationId == providerId && m.Role == OrganisationRole.Admin)
                    .Select(m => m.UserId).ToListAsync(ct)
                : [];
            foreach (var (userId, isProvider) in admins.Select(a => (a, true)).Concat(office.Except(admins).Select(o => (o, false))))
            {
                if (await MailRecipient.FindAsync(db, userId) is not { } person)
                {
                    continue;
                }

                var path = isProvider ? $"/courses/manage/runs/{run.Id}" : $"/coordination/courses/runs/{run.Id}";
                await mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "course-low-enrolment", $"course-low-enrolment:{run.Id}:{userId}", () =>
                    new MailContent(_l["CourseDeskMail_LowSubject", run.Title], _l["Digest_Greeting", person.UserName],
                        [
                            _l["CourseDeskMail_LowIntro", run.Title, run.StartsOn.ToString("d", System.Globalization.CultureInfo.CurrentCulture)],
                            _l["CourseDeskMail_LowNumbers", run.Seated, run.MinParticipants],
                            _l["CourseDeskMail_LowNext"],
                        ])
                    {
                        Action = new MailLink(_l["CourseDeskMail_LowOpenRun"], links.TownUrl(town.Slug, path)),
                    });
            }
        }

        var ids = due.Select(r => r.Id).ToList();
        var now = clock.GetUtcNow();
        // Marked in the same save as the mails: a run is reported once, and its mails are never lost.
        foreach (var run in await db.CourseRuns.Where(r => ids.Contains(r.Id)).ToListAsync(ct))
        {
            run.LowEnrolmentNoticeSentAt = now;
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
