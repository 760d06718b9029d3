using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Privacy;

/// <summary>
/// What the town forgets on its own, each after its own setting, counted in whole months back from the start of the
/// town's today: ended listings lose their text and photos, the messages of deleted accounts go, and so do old audit entries.
/// Each step may run again and finds nothing more to do.
/// </summary>
public sealed class Retention(AppDbContext db, ITenantContext tenant, TownClock townClock, ListingAnonymiser listings, ILogger<Retention> logger)
{
    public async Task RunAsync()
    {
        var town = tenant.Tenant!;
        var months = await db.Tenants.AsNoTracking().Where(t => t.Id == town.Id)
            .Select(t => new { t.ListingRetentionMonths, t.DeletedAccountMessageMonths, t.AuditRetentionMonths }).SingleAsync();
        var listingsDone = await AnonymiseEndedListingsAsync(KeptFrom(months.ListingRetentionMonths));
        var messagesDone = await DeleteMessagesOfDeletedAccountsAsync(KeptFrom(months.DeletedAccountMessageMonths));
        var auditDone = await db.AuditEntries.Where(a => a.At < KeptFrom(months.AuditRetentionMonths)).ExecuteDeleteAsync();
        if (listingsDone + messagesDone + auditDone > 0)
        {
            logger.LogInformation("Retention in municipality {TenantId}: {Listings} listings anonymised, {Messages} messages and {Audit} audit entries deleted.",
                town.Id, listingsDone, messagesDone, auditDone);
        }
    }

    private DateTimeOffset KeptFrom(int months) => townClock.StartOfDay(PrivacyRules.KeptFrom(townClock.Today(), months));

    /// <summary>
    /// Closed (by its last change), expired (by its end) and fulfilled (by that day) listings; a published one whose end
    /// passed waits for the hourly expiry to mark it.
    /// </summary>
    private Task<int> AnonymiseEndedListingsAsync(DateTimeOffset before) =>
        listings.AnonymiseAsync(db.Listings.Where(l =>
                (l.Status == ListingStatus.Closed && l.UpdatedAt < before)
                || (l.Status == ListingStatus.Expired && (l.ExpiresAt ?? l.UpdatedAt) < before)
                || (l.Status == ListingStatus.Fulfilled && (l.FulfilledAt ?? l.UpdatedAt) < before))
            .Where(l => l.Description != "" || l.MeetingPoint != null || l.Photos.Any()));

    /// <summary>The messages a deleted account sent, kept for the other side until the account has been gone this long.</summary>
    private Task<int> DeleteMessagesOfDeletedAccountsAsync(DateTimeOffset before) =>
        db.Messages.Where(m => db.AccountDeletions.Any(d => d.UserId == m.SenderUserId && d.CompletedAt != null && d.CompletedAt < before))
            .ExecuteDeleteAsync();
}
