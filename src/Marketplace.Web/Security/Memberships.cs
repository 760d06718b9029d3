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

    /// <summary>Applies appointments made for this address before the account existed or joined. Caller saves.</summary>
    public async Task ApplyAppointmentsAsync(AppUser user)
    {
        if (!user.EmailConfirmed || user.NormalizedEmail is null)
        {
            return;
        }

        var pending = await db.Appointments
            .Where(a => a.NormalizedEmail == user.NormalizedEmail && a.AcceptedAt == null)
            .ToListAsync();
        foreach (var appointment in pending)
        {
            await JoinAsync(user.Id, appointment.Role);
            appointment.AcceptedAt = clock.GetUtcNow();
        }
    }
}
