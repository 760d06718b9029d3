using System.Diagnostics;
using Marketplace.Bench.Seed;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Seeds a fresh database for the load test: {towns} towns "town01".."townNN" with {listings} listings each, and in the
// report town the member the /me page is measured for (BenchMember) and a course catalogue of 2,000 runs and 50,000
// enrolments with the coordinator who reads its overview (BenchCourses), and 200 project budgets with 50,000 expenses
// (BenchBudgets).
// Usage: Marketplace.Bench.Seed <data folder> [towns=50] [listings per town=2000] [report town=town07] [--Key=Value ...]
// SQLite in <data folder> by default; the app's own switches choose PostgreSQL:
//   --Database:Provider=Postgres "--ConnectionStrings:Postgres=Host=...;Database=bench;Username=..."
// Writes <data folder>/bench.env with the ids the benchmark needs (a district and a listing of the report town, the member).
var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
if (positional.Length < 1)
{
    Console.Error.WriteLine("usage: Marketplace.Bench.Seed <data folder> [towns=50] [listings per town=2000] [report town=town07] [--Database:Provider=Postgres --ConnectionStrings:Postgres=...]");
    return 2;
}

var dataFolder = Path.GetFullPath(positional[0]);
var townCount = positional.Length > 1 ? int.Parse(positional[1]) : 50;
var listingsPerTown = positional.Length > 2 ? int.Parse(positional[2]) : 2000;
var reportTown = positional.Length > 3 ? positional[3] : "town07";
const int BatchSize = 1000;
const int PostersPerTown = 20;

// Positional arguments stay out of the configuration: a path like /tmp/x would read as a "/key value" switch.
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:DataFolder"] = dataFolder })
    .AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray())
    .Build();
Directory.CreateDirectory(dataFolder);
var services = new ServiceCollection();
var database = services.AddMarketplaceDatabase(configuration, dataFolder);
var isPostgres = database.Provider == DatabaseProvider.Postgres;
// The same Identity store options as the app, so the model matches the migrations.
services.AddIdentityCore<AppUser>().AddEntityFrameworkStores<AppDbContext>();
services.AddSingleton(TimeProvider.System);
// The app's own tenancy registrations (current town, tenant scopes, and whatever the database's interceptors need from
// it), so the seeder keeps working when the app adds to them.
services.AddTenancy(configuration);
await using var provider = services.BuildServiceProvider();

var clock = Stopwatch.StartNew();
var now = DateTimeOffset.UtcNow;
var texts = new ListingTexts(new Random(20261124));

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    if (await db.Database.CanConnectAsync() && (await db.Database.GetAppliedMigrationsAsync()).Any())
    {
        Console.Error.WriteLine(isPostgres
            ? "The PostgreSQL database already holds the app's tables; the seeder wants a new or empty database."
            : $"{dataFolder} already holds a database; the seeder wants a fresh folder.");
        return 1;
    }

    await db.Database.MigrateAsync();
}

var towns = new List<TenantInfo>();
var member = BenchMember.Create(provider.GetRequiredService<IPasswordHasher<AppUser>>(), now);
var coordinator = BenchCourses.CreateCoordinator(provider.GetRequiredService<IPasswordHasher<AppUser>>(), now);
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = 1; i <= townCount; i++)
    {
        var slug = $"town{i:00}";
        var name = ListingTexts.TownNames[(i - 1) % ListingTexts.TownNames.Length] + (i > ListingTexts.TownNames.Length ? $" {i}" : "");
        var tenant = new Tenant
        {
            Slug = slug,
            Name = name,
            FederalState = (FederalState)(i % 16),
            ContactEmail = $"koordination@{slug}.example",
            Description = $"Hilfenetz {name}: Angebote und Gesuche aus allen Stadtteilen.",
            CreatedAt = now.AddDays(-400),
        };
        db.Tenants.Add(tenant);
        towns.Add(new TenantInfo(tenant.Id, tenant.Slug, tenant.Name, tenant.DefaultCulture, tenant.TimeZoneId));
        for (var p = 1; p <= PostersPerTown; p++)
        {
            var userName = $"{slug}-user{p:00}";
            var email = $"{userName}@bench.example";
            db.Users.Add(new AppUser
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                CreatedAt = now.AddDays(-300),
            });
        }
    }

    db.Users.Add(member);
    db.Users.Add(coordinator);
    await db.SaveChangesAsync();
}

var tenantScopes = provider.GetRequiredService<TenantScopeFactory>();
var reportDistrictId = 0;
var detailsListingId = 0;
var total = 0;
var gapFacts = 0;
foreach (var town in towns)
{
    await using var scope = tenantScopes.CreateForNew(town);
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    await using var transaction = await db.Database.BeginTransactionAsync();

    var districtNames = texts.PickDistricts();
    db.Districts.AddRange(districtNames.Select((n, i) => new District { Name = n, SortOrder = i }));
    db.Categories.AddRange(DefaultCategories.Build());
    var posters = await db.Users.Where(u => u.UserName!.StartsWith(town.Slug + "-")).Select(u => u.Id).ToListAsync();
    var isReportTown = town.Slug == reportTown;
    db.Memberships.AddRange(posters.Append(isReportTown ? member.Id : null).OfType<string>()
        .Select(id => new TenantMembership { UserId = id, Role = TownRole.Member, JoinedAt = now.AddDays(-200) }));
    if (isReportTown)
    {
        db.Memberships.Add(new TenantMembership { UserId = coordinator.Id, Role = TownRole.Coordinator, JoinedAt = now.AddDays(-200) });
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();

    var districts = (await db.Districts.OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync()).Select(d => (d.Id, d.Name)).ToList();
    var categories = await db.Categories.Select(c => new ListingTexts.CategoryRef(c.Id, c.Key, c.Kind)).ToListAsync();
    if (isReportTown)
    {
        reportDistrictId = districts[0].Id;
    }

    // The member's listings are the report town's first ones, so every town still has exactly listingsPerTown.
    var memberListings = isReportTown ? Math.Min(BenchMember.ListingCount, listingsPerTown) : 0;
    List<string> memberOnly = [member.Id];
    for (var done = 0; done < listingsPerTown; done += BatchSize)
    {
        var batch = Enumerable.Range(done, Math.Min(BatchSize, listingsPerTown - done))
            .Select(n => texts.Next(categories, districts, n < memberListings ? memberOnly : posters, now))
            .ToList();
        db.Listings.AddRange(batch);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        total += batch.Count;
    }

    if (isReportTown)
    {
        await BenchMember.AddConversationsAsync(db, member.Id, new Random(20261125), now);
        await BenchCourses.AddAsync(db, districts, new Random(20261205), now);
        await BenchBudgets.AddAsync(db, posters, coordinator.Id, new Random(20261206), now);
        var categoryTree = (await db.Categories.Select(c => new { c.Id, c.ParentId }).ToListAsync()).Select(c => (c.Id, c.ParentId)).ToList();
        gapFacts = await BenchGaps.AddAsync(db, districts, categoryTree, new Random(20261207), now);
        // Details are measured on a listing everyone sees in full: published, running, peer-to-peer, someone else's.
        detailsListingId = await db.Listings
            .Where(l => l.Status == ListingStatus.Published && l.ExpiresAt > now && !l.IsHidden && l.PosterUserId != member.Id
                        && l.Category!.ExchangeMode == ExchangeMode.PeerToPeer)
            .OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
    }

    await transaction.CommitAsync();
    Console.WriteLine($"{town.Slug}: {listingsPerTown} listings ({total} in all, {clock.Elapsed.TotalSeconds:0.0} s)");
}

// Issue 17's bar: a full rebuild of one town's weekly aggregates from two years of facts in under 10 s.
var rebuildSeconds = new List<double>();
var reportTownInfo = towns.Single(t => t.Slug == reportTown);
for (var attempt = 0; attempt < 2; attempt++)
{
    await using var scope = tenantScopes.CreateForNew(reportTownInfo);
    var builder = ActivatorUtilities.CreateInstance<WeeklySupplyBuilder>(scope.ServiceProvider);
    var watch = Stopwatch.StartNew();
    await builder.RebuildAsync(CancellationToken.None);
    rebuildSeconds.Add(watch.Elapsed.TotalSeconds);
}

var weeklyRows = 0;
await using (var scope = tenantScopes.CreateForNew(reportTownInfo))
{
    weeklyRows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WeeklySupplies.CountAsync();
}

Console.WriteLine($"gaps: {reportTown} rebuilt its weekly aggregates from {gapFacts} facts of two years into {weeklyRows} rows in " +
                  string.Join(" and ", rebuildSeconds.Select(s => $"{s:0.0} s")) + " (bar: under 10 s)");

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var problem = isPostgres ? await AnalysePostgresAsync(db, total) : await CheckSqliteSearchIndexAsync(db, total);
    if (problem is not null)
    {
        Console.Error.WriteLine(problem);
        return 1;
    }
}

await File.WriteAllTextAsync(Path.Combine(dataFolder, "bench.env"),
    $"BENCH_TOWN={reportTown}\nBENCH_DISTRICT_ID={reportDistrictId}\nBENCH_LISTING_ID={detailsListingId}\nBENCH_LISTINGS={total}\n" +
    $"BENCH_MEMBER={BenchMember.UserName}\nBENCH_MEMBER_PASSWORD={BenchMember.Password}\nBENCH_DATABASE={database.Provider}\n" +
    $"BENCH_COORDINATOR={BenchCourses.CoordinatorName}\nBENCH_COORDINATOR_PASSWORD={BenchCourses.CoordinatorPassword}\n" +
    $"BENCH_GAP_FACTS={gapFacts}\nBENCH_GAP_REBUILD_SECONDS={rebuildSeconds.Max():0.00}\n");
Console.WriteLine($"Seeded {townCount} towns, {total} listings in {clock.Elapsed.TotalSeconds:0.0} s on {database.Provider}; " +
                  $"{reportTown}: district {reportDistrictId}, listing {detailsListingId}, member {BenchMember.UserName}");
return 0;

// The insert trigger filled the FTS index; prove it (integrity-check with rank 1 compares the index with the
// Listings rows and throws on a difference). No ANALYZE or FTS 'optimize': the app does neither.
static async Task<string?> CheckSqliteSearchIndexAsync(AppDbContext db, int total)
{
    await db.Database.ExecuteSqlRawAsync($"INSERT INTO {SqliteListingSearch.Table}({SqliteListingSearch.Table}, rank) VALUES ('integrity-check', 1)");
    var indexed = await db.Database.SqlQueryRaw<int>($"SELECT count(*) AS Value FROM {SqliteListingSearch.Table}_docsize").SingleAsync();
    var matching = await db.Database.SqlQueryRaw<int>($"SELECT count(*) AS Value FROM {SqliteListingSearch.Table} WHERE {SqliteListingSearch.Table} MATCH 'fahrrad*'").SingleAsync();
    if (indexed != total || matching == 0)
    {
        return $"FTS index holds {indexed} rows ({matching} match 'fahrrad*'), expected {total}.";
    }

    Console.WriteLine($"FTS index: {indexed} rows, {matching} match 'fahrrad*'");
    return null;
}

// Autovacuum analyses tables this size within a minute or so of the inserts anyway; analysing now lets the first
// measurement see the same plans as the later ones instead of depending on when the daemon comes round.
static async Task<string?> AnalysePostgresAsync(AppDbContext db, int total)
{
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
    var listings = await db.Listings.IgnoreQueryFilters().CountAsync();
    if (listings != total)
    {
        return $"PostgreSQL holds {listings} listings, expected {total}.";
    }

    Console.WriteLine($"PostgreSQL: {listings} listings, analysed");
    return null;
}
