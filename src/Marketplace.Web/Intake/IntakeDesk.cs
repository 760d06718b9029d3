using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Pages.Coordination.Intake;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Intake;

public enum ClaimOutcome
{
    Claimed,

    /// <summary>No such code in this town, or it was claimed already; the person is told the same in both cases.</summary>
    Unknown,
}

/// <summary>
/// Assisted intake: records a request for a person without an account and hands it over when the person claims it
/// with the code from their slip. Both steps write all their rows in one transaction.
/// </summary>
public sealed class IntakeDesk(AppDbContext db, AuditLog audit, ITenantContext tenant, TimeProvider clock, Gaps.SupplyFactRecorder facts)
{
    private const int CodeAttempts = 5;

    /// <summary>Saves the published request, the person and the audit entry; returns the new intake's id.</summary>
    public async Task<int> CreateAsync(IntakeInput input, string coordinatorUserId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var code = await UnusedCodeAsync();
            try
            {
                return await SaveAsync(input, coordinatorUserId, code);
            }
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
                // Retried only when another intake took the same code between the check and the insert; the rollback
                // left nothing behind either way.
                db.ChangeTracker.Clear();
                if (!await db.IntakeContacts.AnyAsync(i => i.ReferenceCode == code))
                {
                    throw;
                }
            }
        }
    }

    private async Task<string> UnusedCodeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var code = ReferenceCodes.New();
            if (attempt == CodeAttempts || !await db.IntakeContacts.AnyAsync(i => i.ReferenceCode == code))
            {
                return code;
            }
        }
    }

    private async Task<int> SaveAsync(IntakeInput input, string coordinatorUserId, string code)
    {
        var now = clock.GetUtcNow();
        var lifetime = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ListingLifetimeDays).SingleAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var listing = new Listing
        {
            Type = ListingType.Request,
            Status = ListingStatus.Draft,
            CategoryId = input.CategoryId!.Value,
            DistrictId = input.DistrictId!.Value,
            PosterUserId = coordinatorUserId,
            Title = input.Title.Trim(),
            Description = input.Description.Trim(),
            Languages = SpokenLanguages.Pack(input.Languages),
            OfficeStatus = OfficeStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ListingLifecycle.Apply(listing, ListingAction.Publish, now, lifetime);
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        await facts.AddChangeAsync(listing, wasOpen: false);

        var intake = new IntakeContact
        {
            ListingId = listing.Id,
            Name = input.Name.Trim(),
            Contact = string.IsNullOrWhiteSpace(input.Contact) ? null : input.Contact.Trim(),
            Culture = input.Culture,
            ReferenceCode = code,
            CreatedByUserId = coordinatorUserId,
            CreatedAt = now,
        };
        db.IntakeContacts.Add(intake);
        await db.SaveChangesAsync();

        // The detail names the request, never the person: the log is read more widely than the intake itself.
        audit.Record(AuditAction.CreatedIntake, "intake", intake.Id, $"listing {listing.Id}", coordinatorUserId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return intake.Id;
    }

    /// <summary>
    /// Hands the request over to the member. The conditional update on "not yet claimed" lets exactly one of two
    /// simultaneous claims win; the loser changes nothing.
    /// </summary>
    public async Task<(ClaimOutcome Outcome, int ListingId)> ClaimAsync(string typedCode, string memberUserId)
    {
        if (ReferenceCodes.Normalize(typedCode) is not { } code)
        {
            return (ClaimOutcome.Unknown, 0);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var open = db.IntakeContacts.Where(i => i.ReferenceCode == code && i.ClaimedAt == null);
        var listingId = await open.Select(i => (int?)i.ListingId).SingleOrDefaultAsync();
        if (listingId is null)
        {
            return (ClaimOutcome.Unknown, 0);
        }

        var claimed = await open.ExecuteUpdateAsync(s => s
            .SetProperty(i => i.ClaimedAt, now)
            .SetProperty(i => i.ClaimedByUserId, memberUserId));
        if (claimed == 0)
        {
            return (ClaimOutcome.Unknown, 0);
        }

        await db.Listings.Where(l => l.Id == listingId).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.PosterUserId, memberUserId)
            .SetProperty(l => l.UpdatedAt, now));
        await transaction.CommitAsync();
        return (ClaimOutcome.Claimed, listingId.Value);
    }
}
