using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Security;

/// <summary>
/// Appoints someone to a role in the scope's municipality by e-mail address. The appointment always waits until that
/// address's owner signs in to the town or confirms the address there (<see cref="Memberships.ApplyAppointmentsAsync"/>):
/// nobody gets a role without taking it up, and the town does not learn which account has an address.
/// The caller saves and mails.
/// </summary>
public sealed class CoordinatorAppointments(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <param name="HasAccount">Some account, confirmed or not, has the address: the invitation links to the login, not to the registration.</param>
    /// <param name="Culture">The language that account chose, for the mail.</param>
    public sealed record Outcome(bool HasAccount, string? Culture);

    public async Task<Outcome> AppointAsync(string email, TownRole role)
    {
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

        var user = await users.FindByEmailAsync(email);
        return new Outcome(user is not null, user?.PreferredCulture);
    }
}
