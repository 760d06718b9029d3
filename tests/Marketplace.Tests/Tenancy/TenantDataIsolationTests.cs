using Marketplace.Tests.Infrastructure;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Tenancy;

/// <summary>A row written in Erlangen is invisible and unchangeable from Potsdam and from the bare domain.</summary>
[Trait("Category", "Database")]
public sealed class TenantDataIsolationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    public static readonly Type[] Covered = [typeof(District), typeof(TenantMembership), typeof(CoordinatorAppointment)];

    private async Task AssertIsolatedAsync<T>(Func<AppDbContext, Task<T>> create) where T : class, ITenantOwned
    {
        var row = await app.InTownAsync("erlangen", async db =>
        {
            var entity = await create(db);
            await db.SaveChangesAsync();
            return entity;
        });
        var erlangenId = await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "erlangen").Select(t => t.Id).SingleAsync());
        Assert.Equal(erlangenId, row.TenantId);

        bool VisibleIn(AppDbContext db) => db.Set<T>().AsEnumerable().Any(e => ReferenceEquals(e, row) || KeyOf(db, e).Equals(KeyOf(db, row)));

        Assert.True(await app.InTownAsync("erlangen", db => Task.FromResult(VisibleIn(db))));
        Assert.False(await app.InTownAsync("potsdam", db => Task.FromResult(VisibleIn(db))));
        Assert.False(await app.InTownAsync(null, db => Task.FromResult(VisibleIn(db))));

        // Writing it from Potsdam is refused before it reaches the database.
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => app.InTownAsync("potsdam", async db =>
        {
            db.Set<T>().Attach(row);
            db.Entry(row).State = EntityState.Modified;
            return await db.SaveChangesAsync();
        }));
    }

    private static object KeyOf(AppDbContext db, object entity) =>
        db.Entry(entity).Metadata.FindPrimaryKey()!.Properties.Select(p => db.Entry(entity).Property(p.Name).CurrentValue).Single()!;

    [Fact]
    public Task District_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(db.Districts.Add(new District { Name = "Isolationstest" }).Entity));

    [Fact]
    public Task Membership_IsIsolated() =>
        AssertIsolatedAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.UserName == "koeln-mitglied").Select(u => u.Id).SingleAsync();
            return db.Memberships.Add(new TenantMembership { UserId = userId, Role = TownRole.Member }).Entity;
        });

    [Fact]
    public Task Appointment_IsIsolated() =>
        AssertIsolatedAsync(db => Task.FromResult(
            db.Appointments.Add(new CoordinatorAppointment { NormalizedEmail = "ISOLATION@EXAMPLE.ORG", Role = TownRole.Coordinator }).Entity));

    [Fact]
    public async Task NewRow_OnThePlatformHost_IsRefused()
    {
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => app.InTownAsync(null, db =>
        {
            db.Districts.Add(new District { Name = "Niemandsland" });
            return db.SaveChangesAsync();
        }));
    }
}
