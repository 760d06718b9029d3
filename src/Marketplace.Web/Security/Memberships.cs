using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Security;

/// <summary>Joining a town and taking up pending appointments; always in the scope's municipality.</summary>
public sealed class Memberships(AppDbContext db, TimeProvider clock)
{
    public async Task<TenantMembership> JoinAsync(string userId, TownRole role = TownRole.Member)
    {
        var existing = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == userId);
        if (existing is not null)
        {
            if (existing.Role < role)
            {
                existing.Role = role;
            }

            return existing;
        }

        var membership = new TenantMembership { UserId = userId, Role = role, JoinedAt = clock.GetUtcNow() };
        db.Memberships.Add(membership);
        return membership;
    }

    /// <summary>
    /// <see cref="CurrentMember.CanParticipateAsync"/> for an account that acts through a signed link without logging in
    /// (the "still current?" mail): a member of this town whom no coordinator blocked.
    /// </summary>
    public Task<bool> CanParticipateAsync(string userId) => db.Memberships.AnyAsync(m => m.UserId == userId && m.BlockedAt == null);

    /// <summary>
    /// Takes up the appointments made for this address, when its owner signs in to the town or confirms the address there:
    /// being appointed needs that person's consent, and the town learns their user name only then. Caller saves.
    /// </summary>
    public async Task ApplyAppointmentsAsync(AppUser user)
    {
        if (!user.EmailConfirmed || user.NormalizedEmail is null)
        {
            return;
        }

        var pending = await db.Appointments
            .Where(a => a.NormalizedEmail == user.NormalizedEmail && a.AcceptedAt == null)
            .ToListAsync();
        if (pending.Count == 0)
        {
            return;
        }

        // Several appointments for one address (two admins at once) still make one membership, with the highest role.
        await JoinAsync(user.Id, pending.Max(a => a.Role));
        var now = clock.GetUtcNow();
        pending.ForEach(a => a.AcceptedAt = now);
    }
}
