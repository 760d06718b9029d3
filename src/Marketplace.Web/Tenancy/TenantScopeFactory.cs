using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tenancy;

/// <summary>
/// Opens a DI scope that acts for one municipality outside a web request (jobs, seeding, the platform
/// admin creating a town). The only sanctioned way to work with a town other than the request's.
/// </summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes)
{
    public async Task<AsyncServiceScope> CreateAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        TenantInfo? info;
        await using (var lookup = scopes.CreateAsyncScope())
        {
            info = await lookup.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.AsNoTracking()
                .Where(t => t.Id == tenantId)
                .Select(TenantInfo.FromTenant)
                .SingleOrDefaultAsync(cancellationToken);
        }

        return CreateForNew(info ?? throw new InvalidOperationException($"Municipality {tenantId} does not exist."));
    }

    /// <summary>For a known municipality, or one that is being created in this scope and is not saved yet.</summary>
    public AsyncServiceScope CreateForNew(TenantInfo tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(tenant);
        return scope;
    }
}
