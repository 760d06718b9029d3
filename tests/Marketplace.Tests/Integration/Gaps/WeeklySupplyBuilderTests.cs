using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Gaps;

/// <summary>The app on a clock the test sets, so builds can run at moments weeks apart.</summary>
public sealed class GapsClockFactory : MarketplaceFactory
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The machine's time until a test sets one.</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now ?? base.GetUtcNow();
}

/// <summary>The fold of the facts into weekly aggregates: incremental equals rebuild, concurrent runs, towns apart.</summary>
[Trait("Category", "Database")]
public sealed class WeeklySupplyBuilderTests(GapsClockFactory app) : IClassFixture<GapsClockFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private async Task<string> NewTownAsync()
    {
        var slug = $"gaps-{Guid.NewGuid():N}"[..20];
        await app.InTownAsync(null, async db =>
        {
            db.Tenants.Add(new Tenant { Slug = slug, Name = "Lückenstadt", ContactEmail = "kontakt@lueckenstadt.example", CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return slug;
    }

    private async Task BuildAsync(string slug, DateTimeOffset at, bool rebuild = false)
    {
        app.Clock.Now = at;
        await RunAsync(slug, b => rebuild ? b.RebuildAsync(CancellationToken.None) : b.BuildAsync(CancellationToken.None));
    }

    private async Task RunAsync(string slug, Func<WeeklySupplyBuilder, Task> work)
    {
        await using var scope = await app.Services.GetRequiredService<TenantScopeFactory>().CreateAsync(await app.TownIdAsync(slug));
        await work(scope.ServiceProvider.GetRequiredService<WeeklySupplyBuilder>());
    }

    private Task<List<string>> RowsAsync(string slug) => app.InTownAsync(slug, async db =>
        (await db.WeeklySupplies.AsNoTracking().ToListAsync())
        .Select(w => $"{w.WeekStart:yyyy-MM-dd} {w.CategoryId}/{w.SubCategoryId}/{w.DistrictId}/{w.Side}: P{w.Published} C{w.Contacted} Pr{w.Proposed} "
            + $"M{w.Matched} Co{w.Completed} E{w.ExpiredUnmatched} W{w.Withdrawn} O{w.OpenAtWeekEnd} S{w.StaleAtWeekEnd} M7{w.MatchedWithin7Days} "
            + $"{w.DaysToMatch0To1}/{w.DaysToMatch2To3}/{w.DaysToMatch4To7}/{w.DaysToMatch8To30}/{w.DaysToMatchOver30}")
        .Order(StringComparer.Ordinal).ToList());

    /// <summary>A few hundred facts over ten weeks for forty listings in a handful of cells, as the recorder would write them.</summary>
    private static List<SupplyFact> RandomFacts(Random random, int count)
    {
        var open = new HashSet<int>();
        var facts = new List<SupplyFact>();
        var at = Start;
        for (var i = 0; i < count; i++)
        {
            at += TimeSpan.FromMinutes(random.Next(1, 60 * 8));
            var key = random.Next(1, 41);
            var side = key % 2 == 0 ? ListingType.Request : ListingType.Offer;
            SupplyEvent supplyEvent;
            var closes = false;
            int? days = null;
            if (!open.Contains(key))
            {
                supplyEvent = SupplyEvent.Published;
                open.Add(key);
            }
            else
            {
                supplyEvent = (SupplyEvent)random.Next(2, 9);
                closes = supplyEvent is SupplyEvent.ExpiredUnmatched or SupplyEvent.Withdrawn
                    || (supplyEvent == SupplyEvent.Matched && random.Next(3) == 0);
                days = supplyEvent == SupplyEvent.Matched && side == ListingType.Request ? random.Next(0, 45) : null;
                if (closes)
                {
                    open.Remove(key);
                }
            }

            facts.Add(new SupplyFact
            {
                Event = supplyEvent, Side = side, CategoryId = 1 + (key % 3), SubCategoryId = key % 5 == 0 ? 10 + key % 3 : 0,
                DistrictId = 1 + (key % 4), ListingKey = key, At = at, Closes = closes, DaysToMatch = days,
            });
        }

        return facts;
    }

    private Task AddFactsAsync(string slug, IEnumerable<SupplyFact> facts) => app.InTownAsync(slug, async db =>
    {
        db.SupplyFacts.AddRange(facts);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task IncrementalBuilds_AtRandomMoments_GiveTheRebuildsRows()
    {
        var slug = await NewTownAsync();
        var random = new Random(17);
        var facts = RandomFacts(random, 300);
        await AddFactsAsync(slug, facts);
        var end = facts[^1].At + TimeSpan.FromDays(3);

        var at = Start;
        while (at < end)
        {
            at += TimeSpan.FromHours(random.Next(1, 24 * 9));
            await BuildAsync(slug, at < end ? at : end);
        }

        var incremental = await RowsAsync(slug);
        var open = await app.InTownAsync(slug, db => db.OpenSupplies.CountAsync());
        await BuildAsync(slug, end, rebuild: true);

        Assert.True(incremental.Count > 20);
        Assert.Equal(await RowsAsync(slug), incremental);
        Assert.Equal(await app.InTownAsync(slug, db => db.OpenSupplies.CountAsync()), open);
    }

    [Fact]
    public async Task TwoBuildsAtOnce_CountEachFactOnce()
    {
        var slug = await NewTownAsync();
        await AddFactsAsync(slug, RandomFacts(new Random(3), 200));
        app.Clock.Now = Start + TimeSpan.FromDays(40);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync(slug, b => b.BuildAsync(CancellationToken.None)))));
        var concurrent = await RowsAsync(slug);
        await BuildAsync(slug, Start + TimeSpan.FromDays(40), rebuild: true);

        Assert.Equal(await RowsAsync(slug), concurrent);
    }

    [Fact]
    public async Task FactsOfOneTown_NeverCountInAnother()
    {
        var counted = await NewTownAsync();
        var other = await NewTownAsync();
        await AddFactsAsync(counted, RandomFacts(new Random(5), 50));

        await BuildAsync(other, Start + TimeSpan.FromDays(30));
        await BuildAsync(counted, Start + TimeSpan.FromDays(30));

        Assert.Empty(await RowsAsync(other));
        Assert.NotEmpty(await RowsAsync(counted));
    }

    [Fact]
    public async Task AWeekWithoutFacts_StillShowsWhatIsOpen_AndARequestWaitingTooLongIsStale()
    {
        var slug = await NewTownAsync();
        await AddFactsAsync(slug,
        [
            new SupplyFact { Event = SupplyEvent.Published, Side = ListingType.Request, CategoryId = 1, DistrictId = 1, ListingKey = 1, At = Start },
        ]);

        await BuildAsync(slug, Start + TimeSpan.FromDays(20));

        var rows = await app.InTownAsync(slug, db => db.WeeklySupplies.AsNoTracking().OrderBy(w => w.WeekStart).ToListAsync());
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 16)], rows.Select(r => r.WeekStart));
        Assert.Equal([1, 0, 0], rows.Select(r => r.Published));
        Assert.All(rows, r => Assert.Equal(1, r.OpenAtWeekEnd));
        // Open six days at the first week's end, thirteen at the second's: waiting longer than the town's seven days.
        Assert.Equal([0, 1, 1], rows.Select(r => r.StaleAtWeekEnd));
    }

    [Fact]
    public async Task Volunteers_AreSnapshotForTheCurrentWeek_ByTopCategoryAndDistrict()
    {
        app.Clock.Now = null;
        var userName = await app.NewMemberAsync("erlangen", "gv");
        var (category, district) = await app.InTownAsync("erlangen", async db =>
        {
            var sub = await db.Categories.Where(c => c.ParentId != null).Select(c => new { c.Id, Parent = c.ParentId!.Value }).FirstAsync();
            var districtId = await db.Districts.OrderByDescending(d => d.SortOrder).Select(d => d.Id).FirstAsync();
            db.VolunteerProfiles.Add(new VolunteerProfile
            {
                UserId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(),
                SkillCategoryIds = [sub.Id], DistrictIds = [districtId],
                Availability = WeeklyAvailability.Bit(0, 0) | WeeklyAvailability.Bit(6, 2),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return (sub.Parent, districtId);
        });
        var before = await app.InTownAsync("erlangen", db => db.VolunteerProfiles.CountAsync(v => v.IsAvailable
            && v.DistrictIds.Contains(district)));

        await RunAsync("erlangen", b => b.BuildAsync(CancellationToken.None));

        var week = await app.InTownAsync("erlangen", db => db.WeeklyVolunteers.AsNoTracking()
            .Where(w => w.CategoryId == category && w.DistrictId == district).OrderByDescending(w => w.WeekStart).FirstAsync());
        Assert.InRange(week.Available, 1, before);
        Assert.InRange(week.Mornings, 1, week.Available);
        Assert.InRange(week.Weekends, 1, week.Available);
    }
}
