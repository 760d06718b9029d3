using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Jobs;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Privacy;

public enum ExportRequestOutcome
{
    Requested,

    /// <summary>An archive is still being made; one at a time per account.</summary>
    AlreadyPending,
}

/// <summary>What the export page shows: nothing asked for, an archive in the making, or one ready until a date.</summary>
public sealed record ExportState(DateTimeOffset RequestedAt, DateTimeOffset? ReadyAt, DateTimeOffset? ExpiresAt)
{
    public bool IsPending => ReadyAt is null;
}

/// <summary>
/// "Download my data": a request starts a job that collects the account's data town by town and stores one zip in the
/// database (every instance can serve it); the owner fetches it after logging in for <see cref="PrivacyRules.ExportLifetime"/>,
/// then the privacy job deletes it.
/// </summary>
public sealed class DataExports(AppDbContext db, IBackgroundJobClient jobs, TenantScopeFactory tenantScopes, ExportArchive archive, TimeProvider clock,
    ILogger<DataExports> logger)
{
    /// <summary>A running request is not a second job: it waits a while before the hourly run starts its build again.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    public async Task<ExportState?> StateAsync(string userId)
    {
        var now = clock.GetUtcNow();
        return await db.DataExports.AsNoTracking().Where(e => e.UserId == userId && (e.ReadyAt == null || e.ExpiresAt > now))
            .OrderByDescending(e => e.Id).Select(e => new ExportState(e.RequestedAt, e.ReadyAt, e.ExpiresAt)).FirstOrDefaultAsync();
    }

    /// <summary>A new request replaces an earlier archive; while one is being made, the account waits for it.</summary>
    public async Task<ExportRequestOutcome> RequestAsync(string userId, Guid tenantId)
    {
        int id;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            if (await db.DataExports.AnyAsync(e => e.UserId == userId && e.ReadyAt == null))
            {
                return ExportRequestOutcome.AlreadyPending;
            }

            await db.DataExports.Where(e => e.UserId == userId).ExecuteDeleteAsync();
            var export = db.DataExports.Add(new DataExport { UserId = userId, RequestedInTenantId = tenantId, RequestedAt = clock.GetUtcNow() }).Entity;
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // The filtered unique index: a second request in the same moment.
                return ExportRequestOutcome.AlreadyPending;
            }

            await transaction.CommitAsync();
            id = export.Id;
        }

        jobs.Enqueue<PrivacyJob>(job => job.BuildExportAsync(id));
        return ExportRequestOutcome.Requested;
    }

    /// <summary>The owner's archive while it may be downloaded; null otherwise (also for anyone else: the query is by owner).</summary>
    public async Task<byte[]?> ArchiveAsync(string userId)
    {
        var now = clock.GetUtcNow();
        return await db.DataExports.AsNoTracking().Where(e => e.UserId == userId && e.ReadyAt != null && e.ExpiresAt > now)
            .OrderByDescending(e => e.Id).Select(e => e.Archive).FirstOrDefaultAsync();
    }

    /// <summary>
    /// Collects the account's data in every town, writes the zip, and in the town that asked stores it and queues the mail,
    /// in one save. A repeated run of a finished export does nothing.
    /// </summary>
    public async Task BuildAsync(int exportId, CancellationToken cancellationToken = default)
    {
        var export = await db.DataExports.AsNoTracking().Where(e => e.Id == exportId && e.ReadyAt == null)
            .Select(e => new { e.UserId, e.RequestedInTenantId }).SingleOrDefaultAsync(cancellationToken);
        if (export is null)
        {
            return;
        }

        var account = await db.Users.AsNoTracking().Where(u => u.Id == export.UserId)
            .Select(u => new AccountData(u.UserName!, u.Email, u.EmailConfirmed, u.PhoneNumber, u.PreferredCulture, u.TwoFactorEnabled, u.CreatedAt))
            .SingleAsync(cancellationToken);
        var requestedIn = await db.Tenants.AsNoTracking().Where(t => t.Id == export.RequestedInTenantId).Select(t => t.DefaultCulture)
            .SingleOrDefaultAsync(cancellationToken);
        var culture = account.PreferredCulture ?? requestedIn ?? Cultures.Default;

        var towns = new List<TownData>();
        var files = new List<ArchiveFile>();
        foreach (var tenantId in await db.Tenants.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Id).ToListAsync(cancellationToken))
        {
            await using var scope = await tenantScopes.CreateAsync(tenantId, cancellationToken);
            var (town, photos) = await scope.ServiceProvider.GetRequiredService<ExportCollector>().CollectAsync(export.UserId, culture, cancellationToken);
            if (!town.IsEmpty)
            {
                towns.Add(town);
                files.AddRange(photos);
            }
        }

        var now = clock.GetUtcNow();
        var zip = await archive.WriteAsync(new PersonalData(now, account, towns), files, culture);
        if (requestedIn is null)
        {
            // The town that asked is gone: store the archive without a mail rather than lose it.
            await db.DataExports.Where(e => e.Id == exportId).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Archive, zip).SetProperty(e => e.ReadyAt, now).SetProperty(e => e.ExpiresAt, now + PrivacyRules.ExportLifetime),
                cancellationToken);
            return;
        }

        await using (var scope = await tenantScopes.CreateAsync(export.RequestedInTenantId, cancellationToken))
        {
            var townDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await townDb.DataExports.SingleAsync(e => e.Id == exportId, cancellationToken);
            row.Archive = zip;
            row.ReadyAt = now;
            row.ExpiresAt = now + PrivacyRules.ExportLifetime;
            if (await MailRecipient.FindAsync(townDb, export.UserId) is { } person)
            {
                await scope.ServiceProvider.GetRequiredService<PrivacyMailer>().QueueExportReadyAsync(exportId, person, row.ExpiresAt.Value);
            }

            await townDb.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Built data export {ExportId}: {Towns} towns, {Files} photos, {Bytes} bytes.", exportId, towns.Count, files.Count, zip.Length);
    }

    /// <summary>Archives past their seven days; returns how many were deleted.</summary>
    public Task<int> DeleteExpiredAsync()
    {
        var now = clock.GetUtcNow();
        return db.DataExports.Where(e => e.ExpiresAt != null && e.ExpiresAt <= now).ExecuteDeleteAsync();
    }

    /// <summary>Requests whose job seems lost (the enqueue after the commit failed, or the job gave up), for the hourly run to start again.</summary>
    public Task<List<int>> StalePendingAsync()
    {
        var before = clock.GetUtcNow() - StaleAfter;
        return db.DataExports.AsNoTracking().Where(e => e.ReadyAt == null && e.RequestedAt < before).Select(e => e.Id).ToListAsync();
    }
}
