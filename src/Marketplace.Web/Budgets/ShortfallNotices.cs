using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Budgets;

/// <summary>
/// An indicator of a running project whose last two values both stayed under half its target
/// (<see cref="EffectRules.FellShortTwice"/>): the project's organisation admins and the town's coordinators hear of it
/// once per shortfall. <see cref="Indicator.ShortfallNoticeFor"/> keeps the period of the newer value; a notice is due
/// again only when a later shortfall starts after it, so a third low period in a row does not repeat the mail.
/// </summary>
public sealed class ShortfallNotices(AppDbContext db, TownMail mail, TenantLinks links, ITenantContext tenant, IStringLocalizer<SharedResource> resources)
{
    public const string MailKind = "effects-shortfall";

    // User text (titles, names) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>Queues the notices due in the caller's town; returns how many indicators were reported.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var candidates = await db.Indicators.AsNoTracking()
            .Where(i => db.ProjectBudgets.Any(b => b.Id == i.ProjectBudgetId && b.Status == ProjectBudgetStatus.Approved)
                && i.Values.Count >= 2)
            .Select(i => new
            {
                i.Id, i.Name, i.Unit, i.Baseline, i.Target, i.HigherIsBetter, i.ShortfallNoticeFor, i.ProjectBudgetId,
                Last = i.Values.OrderByDescending(v => v.PeriodStart).Take(2).Select(v => new { v.PeriodStart, v.Value }).ToList(),
            })
            .ToListAsync(ct);
        var due = candidates
            .Select(i => new { Indicator = i, Older = i.Last[^1], Newer = i.Last[0] })
            .Where(d => EffectRules.FellShortTwice(d.Indicator.Baseline, d.Indicator.Target, d.Indicator.HigherIsBetter, [d.Older.Value, d.Newer.Value])
                && (d.Indicator.ShortfallNoticeFor is not { } noticed || noticed < d.Older.PeriodStart))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var town = tenant.Tenant!;
        var office = await db.Memberships.AsNoTracking().Where(m => m.Role >= TownRole.Coordinator && m.BlockedAt == null).Select(m => m.UserId).ToListAsync(ct);
        var sent = 0;
        foreach (var item in due)
        {
            var indicator = item.Indicator;
            var project = await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == indicator.ProjectBudgetId)
                .Select(b => new { b.Title, b.OrganisationId }).SingleAsync(ct);
            var admins = await db.OrganisationMembers.AsNoTracking()
                .Where(m => m.OrganisationId == project.OrganisationId && m.Role == OrganisationRole.Admin).Select(m => m.UserId).ToListAsync(ct);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The claim and the mails commit together: of two job runs at once, only the one whose update matched writes mail.
            var claimed = await db.Indicators
                .Where(i => i.Id == indicator.Id && (i.ShortfallNoticeFor == null || i.ShortfallNoticeFor < item.Older.PeriodStart))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ShortfallNoticeFor, item.Newer.PeriodStart), ct);
            if (claimed == 0)
            {
                continue;
            }

            var path = $"/organisations/{project.OrganisationId}/budgets/{indicator.ProjectBudgetId}/indicators";
            foreach (var userId in admins.Concat(office.Except(admins)))
            {
                if (await MailRecipient.FindAsync(db, userId) is not { } person)
                {
                    continue;
                }

                var older = item.Older;
                var newer = item.Newer;
                await mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, MailKind,
                    $"{MailKind}:{indicator.Id}:{newer.PeriodStart:yyyy-MM-dd}:{userId}", () =>
                    new MailContent(_l["Effects_ShortfallSubject", indicator.Name], _l["Digest_Greeting", person.UserName],
                        [
                            _l["Effects_ShortfallIntro", indicator.Name, project.Title],
                            _l["Effects_ShortfallNumbers", Date(older.PeriodStart), older.Value, Date(newer.PeriodStart), newer.Value, indicator.Target,
                                indicator.Unit],
                            _l["Effects_ShortfallNext"],
                        ])
                    {
                        Action = new MailLink(_l["Effects_ShortfallOpen"], links.TownUrl(town.Slug, path)),
                    });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            sent++;
        }

        return sent;
    }

    private static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);
}
