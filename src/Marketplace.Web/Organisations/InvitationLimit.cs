using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Organisations;

/// <summary>
/// How many invitations one account sends in this town: an invitation carries an organisation's name into a stranger's
/// inbox, so a flood of them is phishing. Counted in the database (revoked ones too), so it holds across instances.
/// </summary>
public sealed class InvitationLimit(AppDbContext db, TimeProvider clock)
{
    public const int PerWindow = 25;

    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>
    /// True when the account has sent <see cref="PerWindow"/> invitations within <see cref="Window"/>. The caller counts
    /// inside its transaction after <see cref="SerialiseAsync"/>, so two posts at once cannot both take the last one.
    /// </summary>
    public async Task<bool> IsReachedAsync(string userId)
    {
        var since = clock.GetUtcNow() - Window;
        return await db.OrganisationInvitations.CountAsync(i => i.InvitedByUserId == userId && i.CreatedAt > since) >= PerWindow;
    }

    /// <summary>Takes the account's membership row for writing (a no-op update locks on every provider) until the transaction ends.</summary>
    public Task SerialiseAsync(string userId) =>
        db.Memberships.Where(m => m.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, m => m.Role));
}
