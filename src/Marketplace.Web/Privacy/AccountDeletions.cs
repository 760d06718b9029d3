using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Privacy;

/// <summary>
/// "Delete my account": the request with its grace period, its cancellation by logging in, and after the grace period
/// the anonymisation of the person in every town (<see cref="TownAnonymiser"/>) and of the account itself. Nothing is
/// mailed to the person afterwards: no address is left.
/// </summary>
public sealed class AccountDeletions(AppDbContext db, TenantScopeFactory tenantScopes, ITenantContext tenant, PrivacyMailer mailer,
    ILookupNormalizer normalizer, IStringLocalizer<SharedResource> l, TimeProvider clock, ILogger<AccountDeletions> logger)
{
    /// <summary>The date the account goes, or null when none is asked for (or it is already under way).</summary>
    public Task<DateTimeOffset?> ScheduledAsync(string userId) =>
        db.AccountDeletions.AsNoTracking().Where(d => d.UserId == userId && d.StartedAt == null).Select(d => (DateTimeOffset?)d.DueAt).SingleOrDefaultAsync();

    /// <summary>Schedules the deletion (asking twice keeps the first date) and queues the mail that says when and how to cancel; saves.</summary>
    public async Task<DateTimeOffset> ScheduleAsync(string userId)
    {
        var deletion = await db.AccountDeletions.SingleOrDefaultAsync(d => d.UserId == userId);
        if (deletion is null)
        {
            var now = clock.GetUtcNow();
            deletion = db.AccountDeletions.Add(new AccountDeletion
            {
                UserId = userId, RequestedInTenantId = tenant.TenantId!.Value, RequestedAt = now, DueAt = now + PrivacyRules.DeletionGracePeriod,
            }).Entity;
            await db.SaveChangesAsync();
        }

        if (await MailRecipient.FindAsync(db, userId) is { } person)
        {
            await mailer.QueueDeletionScheduledAsync(deletion.Id, person, deletion.DueAt);
            await db.SaveChangesAsync();
        }

        return deletion.DueAt;
    }

    /// <summary>Withdraws a deletion that has not started; returns whether there was one.</summary>
    public async Task<bool> CancelAsync(string userId) =>
        await db.AccountDeletions.Where(d => d.UserId == userId && d.StartedAt == null).ExecuteDeleteAsync() == 1;

    /// <summary>
    /// Called once a login succeeded: logging in during the grace period keeps the account, and the page after the login
    /// says so.
    /// </summary>
    public async Task CancelOnSignInAsync(string userId, ITempDataDictionary tempData)
    {
        if (await CancelAsync(userId))
        {
            tempData[HtmxResults.StatusKey] = l["Privacy_DeletionCancelled"].Value;
        }
    }

    /// <summary>Deletions past their grace period that are not finished (a started one that failed is picked up again).</summary>
    public Task<List<int>> DueAsync()
    {
        var now = clock.GetUtcNow();
        return db.AccountDeletions.AsNoTracking().Where(d => d.DueAt <= now && d.CompletedAt == null).Select(d => d.Id).ToListAsync();
    }

    /// <summary>
    /// Claims the deletion (from then on a login no longer cancels it), anonymises the person in every town, then the
    /// account. Every step may run again: a retried job finishes what a failed one began.
    /// </summary>
    public async Task AnonymiseAsync(int deletionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await db.AccountDeletions.Where(d => d.Id == deletionId && d.DueAt <= now && d.StartedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.StartedAt, now), cancellationToken);
        var deletion = await db.AccountDeletions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deletionId, cancellationToken);
        if (deletion is not { StartedAt: not null, CompletedAt: null })
        {
            return;
        }

        var person = await db.Users.AsNoTracking().Where(u => u.Id == deletion.UserId)
            .Select(u => new { u.UserName, u.Email }).SingleAsync(cancellationToken);
        var pseudonym = PrivacyRules.PseudonymFor(deletion.Id);
        var formerPerson = new FormerPerson(deletion.UserId, person.UserName ?? pseudonym, person.Email, pseudonym);
        foreach (var tenantId in await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync(cancellationToken))
        {
            await using var scope = await tenantScopes.CreateAsync(tenantId, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<TownAnonymiser>().AnonymiseAsync(formerPerson);
        }

        await AnonymiseAccountAsync(deletion.UserId, person.Email, pseudonym);
        await db.AccountDeletions.Where(d => d.Id == deletionId).ExecuteUpdateAsync(s => s.SetProperty(d => d.CompletedAt, clock.GetUtcNow()), cancellationToken);
        logger.LogInformation("Anonymised the account of deletion {DeletionId}.", deletionId);
    }

    /// <summary>
    /// The login itself: pseudonym for the name, no address, phone, password, second factor, external logins or roles,
    /// and a new security stamp, so nobody can sign in and every open session ends. Mails of the platform's own site
    /// (outside any town, e.g. a password reset there) go too; this scope is the platform's.
    /// </summary>
    private async Task AnonymiseAccountAsync(string userId, string? email, string pseudonym)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (email is not null)
        {
            var lower = email.ToLowerInvariant();
            await db.OutboxMails.Where(m => m.Recipient.ToLower() == lower).ExecuteDeleteAsync();
        }

        await db.DataExports.Where(e => e.UserId == userId).ExecuteDeleteAsync();
        await db.UserLogins.Where(x => x.UserId == userId).ExecuteDeleteAsync();
        await db.UserTokens.Where(x => x.UserId == userId).ExecuteDeleteAsync();
        await db.UserClaims.Where(x => x.UserId == userId).ExecuteDeleteAsync();
        await db.UserRoles.Where(x => x.UserId == userId).ExecuteDeleteAsync();
        var normalized = normalizer.NormalizeName(pseudonym);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.UserName, pseudonym)
            .SetProperty(u => u.NormalizedUserName, normalized)
            .SetProperty(u => u.Email, (string?)null)
            .SetProperty(u => u.NormalizedEmail, (string?)null)
            .SetProperty(u => u.EmailConfirmed, false)
            .SetProperty(u => u.PhoneNumber, (string?)null)
            .SetProperty(u => u.PhoneNumberConfirmed, false)
            .SetProperty(u => u.PasswordHash, (string?)null)
            .SetProperty(u => u.TwoFactorEnabled, false)
            .SetProperty(u => u.AccessFailedCount, 0)
            .SetProperty(u => u.PreferredCulture, (string?)null)
            .SetProperty(u => u.MailCultureChosen, false)
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()));
        await transaction.CommitAsync();
    }
}

/// <summary>Who is being anonymised: the names and address to remove, and the pseudonym that replaces the name.</summary>
public sealed record FormerPerson(string UserId, string UserName, string? Email, string Pseudonym);
