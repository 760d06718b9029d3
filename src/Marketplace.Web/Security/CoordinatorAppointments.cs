using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Security;

/// <summary>
/// Appoints someone to a role in the scope's municipality by e-mail address: at once if a confirmed account
/// has that address, otherwise when that account first signs in to the town. The caller saves and mails.
/// </summary>
public sealed class CoordinatorAppointments(AppDbContext db, UserManager<AppUser> users, Memberships memberships, TimeProvider clock)
{
    public sealed record Outcome(bool HasAccount, string? Culture);

    public async Task<Outcome> AppointAsync(string email, TownRole role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is { EmailConfirmed: true })
        {
            await memberships.JoinAsync(user.Id, role);
            return new Outcome(true, user.PreferredCulture);
        }

        var normalized = users.NormalizeEmail(email);
        var pending = await db.Appointments.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized && a.AcceptedAt == null);
        if (pending is null)
        {
            db.Appointments.Add(new CoordinatorAppointment { NormalizedEmail = normalized, Role = role, CreatedAt = clock.GetUtcNow() });
        }
        else if (pending.Role < role)
        {
            pending.Role = role;
        }

        return new Outcome(false, user?.PreferredCulture);
    }
}
