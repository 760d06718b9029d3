using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Tenancy;

/// <summary>Every entity belongs to a municipality and is filtered, except this short list of global ones.</summary>
public sealed class TenancyModelTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    public static readonly Type[] GlobalEntities =
    [
        typeof(Tenant),
        typeof(AppUser),
        typeof(IdentityRole),
        typeof(IdentityUserRole<string>),
        typeof(IdentityUserClaim<string>),
        typeof(IdentityUserLogin<string>),
        typeof(IdentityUserToken<string>),
        typeof(IdentityRoleClaim<string>),
        typeof(DataProtectionKey),
        // An account's own requests, across all its towns (GDPR archive and deletion); read only by the account's id.
        typeof(DataExport),
        typeof(AccountDeletion),
        // Sign-in records belong to the account, which spans towns; a link names its host itself.
        typeof(LoginFailure),
        typeof(LoginLink),
    ];

    private IReadOnlyList<Microsoft.EntityFrameworkCore.Metadata.IEntityType> EntityTypes()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Model.GetEntityTypes().ToList();
    }

    [Fact]
    public void EveryEntityButTheAllowList_IsTenantOwned()
    {
        var notOwned = EntityTypes()
            .Where(e => !typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && !GlobalEntities.Contains(e.ClrType))
            .Select(e => e.ClrType.Name)
            .ToList();

        Assert.Empty(notOwned);
    }

    [Fact]
    public void EveryTenantOwnedEntity_HasTheTenantFilter_AndTenantLeadsItsUniqueIndexes()
    {
        foreach (var entity in EntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            var filter = entity.GetDeclaredQueryFilters().SingleOrDefault()?.Expression;
            Assert.True(filter is not null, $"{entity.ClrType.Name} has no query filter");
            Assert.Contains(nameof(AppDbContext.CurrentTenantId), filter!.ToString());
            foreach (var index in entity.GetIndexes().Where(i => i.IsUnique))
            {
                Assert.Equal(nameof(ITenantOwned.TenantId), index.Properties[0].Name);
            }
        }
    }

    [Fact]
    public void EveryTenantOwnedEntity_HasAnIsolationTest()
    {
        var owned = EntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).Select(e => e.ClrType).ToHashSet();

        Assert.Equal(owned.OrderBy(t => t.Name), TenantDataIsolationTests.Covered.OrderBy(t => t.Name));
    }
}
