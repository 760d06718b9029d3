using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Marketplace.Web.Domain;
using Marketplace.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Town;

/// <summary>The hourly job that marks published listings past their end as expired, one town at a time.</summary>
[Trait("Category", "Database")]
public sealed class ExpireListingsJobTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{

    private Task<Listing> ListingAsync(string slug, int id) => app.InTownAsync(slug, db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));

    private async Task<int> RunForTownAsync(string slug)
    {
        var tenantId = await app.TownIdAsync(slug);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExpireListingsJob>().RunForTownAsync(tenantId);
    }

    [Fact]
    public async Task PublishedListingPastItsEnd_BecomesExpired_FutureAndOtherTownsAreUntouched_AndASecondRunChangesNothing()
    {
        var past = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Abgelaufen",
            configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-5));
        var future = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Läuft noch",
            configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddHours(1));
        var paused = await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Pausiert und alt",
            configure: l => { l.Status = ListingStatus.Paused; l.ExpiresAt = DateTimeOffset.UtcNow.AddDays(-3); });
        var otherTown = await app.CreateListingAsync("potsdam", "potsdam-mitglied", title: "Potsdam abgelaufen",
            configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-5));
        var pastUpdatedAt = (await ListingAsync("erlangen", past)).UpdatedAt;

        var first = await RunForTownAsync("erlangen");

        Assert.True(first >= 1);
        Assert.Equal(ListingStatus.Expired, (await ListingAsync("erlangen", past)).Status);
        Assert.Equal(ListingStatus.Published, (await ListingAsync("erlangen", future)).Status);
        Assert.Equal(ListingStatus.Paused, (await ListingAsync("erlangen", paused)).Status);
        Assert.Equal(ListingStatus.Published, (await ListingAsync("potsdam", otherTown)).Status);
        var snapshot = await app.InTownAsync("erlangen", db => db.Listings.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Id, l.Status }).ToListAsync());

        var second = await RunForTownAsync("erlangen");

        Assert.Equal(0, second);
        var again = await app.InTownAsync("erlangen", db => db.Listings.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Id, l.Status }).ToListAsync());
        Assert.Equal(snapshot, again);
        Assert.Equal(pastUpdatedAt, (await ListingAsync("erlangen", past)).UpdatedAt);

        await RunForTownAsync("potsdam");
        Assert.Equal(ListingStatus.Expired, (await ListingAsync("potsdam", otherTown)).Status);
    }

    [Fact]
    public async Task FanOut_EnqueuesOneRunPerTown()
    {
        var client = new RecordingJobClient();
        await using var scope = app.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<ExpireListingsJob>(scope.ServiceProvider, (IBackgroundJobClient)client);

        await job.RunAsync();

        var towns = await app.InTownAsync(null, db => db.Tenants.Select(t => t.Id).ToListAsync());
        Assert.All(client.Jobs, j => Assert.Equal(nameof(ExpireListingsJob.RunForTownAsync), j.Method.Name));
        Assert.Equal(towns.Order(), client.Jobs.Select(j => (Guid)j.Args[0]).Order());
    }

    [Fact]
    public void RecurringJob_RunsHourly_UnderItsName()
    {
        Assert.Equal("expire-listings", ExpireListingsJob.RecurringJobId);
        Assert.Equal(Cron.Hourly(), ExpireListingsJob.Schedule);
    }

    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        public List<Job> Jobs { get; } = [];

        public string Create(Job job, IState state)
        {
            Jobs.Add(job);
            return Jobs.Count.ToString();
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
