using Marketplace.Web.Data;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Tenancy;

/// <summary>
/// Database contexts are pooled. A context must belong to one scope at a time and act for that scope's town only:
/// otherwise two requests share one connection, or one town's request reads with another town's filter.
/// </summary>
[Trait("Category", "Database")]
public sealed class PooledContextTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task AfterAScopeEnds_TwoNewScopes_NeverShareItsContext()
    {
        await using (var first = app.Services.CreateAsyncScope())
        {
            _ = await first.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.CountAsync();
        }

        await using var second = app.Services.CreateAsyncScope();
        await using var third = app.Services.CreateAsyncScope();

        Assert.NotSame(second.ServiceProvider.GetRequiredService<AppDbContext>(), third.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task ScopesOpenedAndClosedConcurrently_NeverHoldTheSameContextAtOnce()
    {
        var live = new System.Collections.Concurrent.ConcurrentDictionary<AppDbContext, int>(ReferenceEqualityComparer.Instance);
        var shared = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 250; i++)
            {
                var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (!live.TryAdd(db, worker))
                {
                    Interlocked.Increment(ref shared);
                }

                await Task.Yield();
                live.TryRemove(db, out _);
                await scope.DisposeAsync();
            }
        })));

        Assert.Equal(0, shared);
    }

    [Fact]
    public async Task AReusedContext_ActsForTheTownOfItsNewScope()
    {
        var erlangen = await app.InTownAsync("erlangen", db => Task.FromResult(db.CurrentTenantId));
        var potsdam = await app.InTownAsync("potsdam", db => Task.FromResult(db.CurrentTenantId));
        var towns = app.Services.GetRequiredService<TenantScopeFactory>();

        for (var i = 0; i < 20; i++)
        {
            var town = i % 2 == 0 ? erlangen : potsdam;
            await using var scope = await towns.CreateAsync(town);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(town, db.CurrentTenantId);
            Assert.All(await db.Districts.Select(d => d.TenantId).ToListAsync(), id => Assert.Equal(town, id));
        }
    }
}
