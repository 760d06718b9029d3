using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Security;

/// <summary>The signed-in account's role in the current town, read once per request from the database.</summary>
public sealed class CurrentMember(IHttpContextAccessor accessor, ITenantContext tenant, AppDbContext db)
{
    private TownRole? _role;
    private bool _loaded;

    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<TownRole?> RoleAsync()
    {
        if (!_loaded)
        {
            _loaded = true;
            var userId = UserId;
            if (userId is not null && tenant.Tenant is not null)
            {
                _role = await db.Memberships.Where(m => m.UserId == userId).Select(m => (TownRole?)m.Role).SingleOrDefaultAsync();
            }
        }

        return _role;
    }

    public async Task<bool> IsAtLeastAsync(TownRole role) => await RoleAsync() >= role;
}
