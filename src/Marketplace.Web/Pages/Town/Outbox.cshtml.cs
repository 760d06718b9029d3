using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Town;

/// <summary>
/// The town's outgoing mail for its admin: how much is waiting, sent and failed, and the failed rows to retry once the
/// cause (a full mailbox, a typo'd address, the mail server) is fixed. Bodies are not shown: they hold personal links.
/// </summary>
public sealed class OutboxModel(AppDbContext db, OutboxSignal signal, TimeProvider clock, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    public const int FailedShown = 100;

    public IReadOnlyDictionary<OutboxState, int> Counts { get; private set; } = new Dictionary<OutboxState, int>();
    public IReadOnlyList<FailedRow> Failed { get; private set; } = [];

    public sealed record FailedRow(long Id, string Recipient, string Template, string Subject, int Attempts, DateTimeOffset CreatedAt, string? LastError);

    public async Task OnGetAsync()
    {
        var counts = await db.OutboxMails.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Counts = counts.ToDictionary(c => c.Key, c => c.Count);
        Failed = await db.OutboxMails.AsNoTracking().Where(m => m.State == OutboxState.Failed)
            .OrderByDescending(m => m.Id).Take(FailedShown)
            .Select(m => new FailedRow(m.Id, m.Recipient, m.Template, m.Subject, m.Attempts, m.CreatedAt, m.LastError))
            .ToListAsync();
    }

    public Task<IActionResult> OnPostRetryAsync(long id) => RetryAsync(db.OutboxMails.Where(m => m.Id == id));

    public Task<IActionResult> OnPostRetryAllAsync() => RetryAsync(db.OutboxMails);

    /// <summary>Back to pending with a fresh day of retries; the tenant filter keeps it to this town's rows.</summary>
    private async Task<IActionResult> RetryAsync(IQueryable<OutboxMail> rows)
    {
        var now = clock.GetUtcNow();
        var retried = await rows.Where(m => m.State == OutboxState.Failed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.CreatedAt, now)
            .SetProperty(m => m.NextAttemptAt, now)
            .SetProperty(m => m.LeaseToken, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null));
        if (retried > 0)
        {
            signal.Raise();
        }

        TempData[HtmxResults.StatusKey] = l["Outbox_Retried", retried].Value;
        return RedirectToPage();
    }
}
