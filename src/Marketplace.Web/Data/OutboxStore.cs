using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// The outbox's database side for the delivery job, which works across towns (hence here, in Data/, where the tenant
/// filter may be bypassed). Every change to a claimed row is conditional on the claimant's lease token, so a run whose
/// lease has expired and been taken over cannot mark or reschedule a row it no longer owns.
/// </summary>
public sealed class OutboxStore(AppDbContext db, TimeProvider clock)
{
    /// <summary>Retries go on for at least this long after the mail was written; then the row is failed for the town admin.</summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromHours(24);

    private static readonly TimeSpan LongestPause = TimeSpan.FromHours(2);

    /// <summary>
    /// Leases up to <paramref name="batch"/> due rows for <paramref name="lease"/> and returns them. The update repeats
    /// the "not leased" condition, so of two runs that picked the same row only one gets it (PostgreSQL re-checks it on
    /// the locked row; SQLite writes one at a time).
    /// </summary>
    public async Task<IReadOnlyList<OutboxMail>> ClaimDueAsync(int batch, TimeSpan lease)
    {
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        var candidates = await Due(now).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(batch).ToListAsync();
        if (candidates.Count == 0)
        {
            return [];
        }

        var until = now + lease;
        await Due(now).Where(m => candidates.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseToken, token).SetProperty(m => m.LeaseUntil, until));
        // By key, then the token: LeaseToken has no index, so asking by the token alone scanned the whole table, bodies
        // and all, for every batch.
        return await db.OutboxMails.IgnoreQueryFilters().AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && m.LeaseToken == token).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToListAsync();
    }

    /// <summary>
    /// Keeps the connection open for a delivery run: otherwise each claim and each mark takes one from the pool and
    /// gives it back, which cost as much as the mark itself.
    /// </summary>
    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new HeldConnection(db);
    }

    private sealed class HeldConnection(AppDbContext db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(db.Database.CloseConnectionAsync());
    }

    /// <summary>
    /// Marks mails sent, one statement (and so one commit) per claim they came from. Also drops the bodies: they are not
    /// needed once sent, and they hold personal links (confirmations, one-click).
    /// </summary>
    public async Task<int> MarkSentAsync(IReadOnlyCollection<OutboxMail> mails)
    {
        var marked = 0;
        foreach (var claim in mails.GroupBy(m => m.LeaseToken))
        {
            marked += await MarkSentAsync(claim.Key, claim.Select(m => m.Id).ToList());
        }

        return marked;
    }

    private Task<int> MarkSentAsync(Guid? token, List<long> ids) =>
        Owned(token, ids).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sent)
            .SetProperty(m => m.HtmlBody, "")
            .SetProperty(m => m.TextBody, "")
            .SetProperty(m => m.SentAt, clock.GetUtcNow())
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LeaseToken, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null));

    /// <summary>Reschedules with exponential back-off (1, 2, 4 … minutes, at most 2 hours), or fails the row after a day.</summary>
    public Task<int> RecordFailureAsync(OutboxMail mail, string error)
    {
        var now = clock.GetUtcNow();
        var attempts = mail.Attempts + 1;
        var giveUp = now - mail.CreatedAt >= RetryFor;
        var next = now + NextPause(attempts);
        var trimmed = error.Length > 1000 ? error[..1000] : error;
        return Owned(mail).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, giveUp ? OutboxState.Failed : OutboxState.Pending)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LastError, trimmed)
            .SetProperty(m => m.LeaseToken, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null));
    }

    /// <summary>Sent rows (without bodies) are kept a month for the admin's counts and questions, then deleted.</summary>
    public static readonly TimeSpan KeepSent = TimeSpan.FromDays(30);

    public Task<int> PurgeSentAsync() =>
        db.OutboxMails.IgnoreQueryFilters().Where(m => m.State == OutboxState.Sent && m.SentAt < clock.GetUtcNow() - KeepSent).ExecuteDeleteAsync();

    public static TimeSpan NextPause(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Min(attempts - 1, 20)), LongestPause.TotalMinutes));

    private IQueryable<OutboxMail> Due(DateTimeOffset now) =>
        db.OutboxMails.IgnoreQueryFilters()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now));

    private IQueryable<OutboxMail> Owned(OutboxMail mail) => Owned(mail.LeaseToken, [mail.Id]);

    /// <summary>Rows still held by the claim that took them: a lease that ran out and was claimed again is not ours to mark.</summary>
    private IQueryable<OutboxMail> Owned(Guid? token, List<long> ids) =>
        db.OutboxMails.IgnoreQueryFilters().Where(m => ids.Contains(m.Id) && m.LeaseToken == token);
}
