using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Security;

/// <summary>
/// The signed-in account's membership in the current town, read once per request from the database. The database
/// context is taken from the request only when a signed-in reader asks: the layout injects this on every page.
/// </summary>
public sealed class CurrentMember(IHttpContextAccessor accessor, ITenantContext tenant, IServiceProvider services)
{
    private sealed record Snapshot(TownRole Role, bool IsBlocked);

    private Snapshot? _membership;
    private bool _loaded;
    private string? _knownFor;

    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<TownRole?> RoleAsync() => (await LoadAsync())?.Role;

    public async Task<bool> IsAtLeastAsync(TownRole role) => await RoleAsync() >= role;

    /// <summary>A member a coordinator blocked: may read, but not post, message or report in this town.</summary>
    public async Task<bool> IsBlockedAsync() => (await LoadAsync())?.IsBlocked ?? false;

    /// <summary>
    /// The one participation check: signed in, a member of this town, and not blocked. Every action that makes something
    /// visible to others or sends mail asks it (posting, publishing, resuming and renewing a listing, messages, reports,
    /// organisations and their invitations, the volunteer profile); reading, pausing and closing need it not.
    /// A link that acts for an account without a login asks <see cref="Memberships.CanParticipateAsync"/>, the same rule.
    /// </summary>
    public async Task<bool> CanParticipateAsync() => await LoadAsync() is { IsBlocked: false };

    /// <summary>
    /// The session check read the membership together with the account's stamp; the request uses that instead of
    /// reading it again. Kept for the account checked: the request's user is set only after the check.
    /// </summary>
    internal void Known(string userId, TownRole? role, bool isBlocked)
    {
        _knownFor = userId;
        _membership = role is { } r ? new Snapshot(r, isBlocked) : null;
    }

    private async Task<Snapshot?> LoadAsync()
    {
        if (!_loaded)
        {
            _loaded = true;
            var userId = UserId;
            if (userId is not null && userId == _knownFor)
            {
                return _membership;
            }

            _membership = null;
            if (userId is not null && tenant.Tenant is not null)
            {
                var db = services.GetRequiredService<AppDbContext>();
                _membership = await db.Memberships.Where(m => m.UserId == userId)
                    .Select(m => new Snapshot(m.Role, m.BlockedAt != null)).SingleOrDefaultAsync();
            }
        }

        return _membership;
    }
}
