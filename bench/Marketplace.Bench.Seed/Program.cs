using System.Diagnostics;
using Marketplace.Bench.Seed;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Seeds a fresh SQLite database for the load test: {towns} towns "town01".."townNN" with {listings} listings each.
// Usage: Marketplace.Bench.Seed <data folder> [towns=50] [listings per town=2000] [report town=town07]
// Writes <data folder>/bench.env with the ids the benchmark needs (a district of the report town).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Marketplace.Bench.Seed <data folder> [towns=50] [listings per town=2000] [report town=town07]");
    return 2;
}

var dataFolder = Path.GetFullPath(args[0]);
var townCount = args.Length > 1 ? int.Parse(args[1]) : 50;
var listingsPerTown = args.Length > 2 ? int.Parse(args[2]) : 2000;
var reportTown = args.Length > 3 ? args[3] : "town07";
const int BatchSize = 1000;
const int PostersPerTown = 20;

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:DataFolder"] = dataFolder })
    .Build();
var services = new ServiceCollection();
services.AddMarketplaceDatabase(configuration, dataFolder);
// The same Identity store options as the app, so the model matches the migrations.
services.AddIdentityCore<AppUser>().AddEntityFrameworkStores<AppDbContext>();
services.AddSingleton(TimeProvider.System);
services.AddScoped<TenantContext>();
services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
services.AddSingleton<TenantScopeFactory>();
await using var provider = services.BuildServiceProvider();

var clock = Stopwatch.StartNew();
var now = DateTimeOffset.UtcNow;
var texts = new ListingTexts(new Random(20261124));

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    if (await db.Database.CanConnectAsync() && (await db.Database.GetAppliedMigrationsAsync()).Any())
    {
        Console.Error.WriteLine($"{dataFolder} already holds a database; the seeder wants a fresh folder.");
        return 1;
    }

    await db.Database.MigrateAsync();
}

var towns = new List<TenantInfo>();
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

    await db.SaveChangesAsync();
}

var tenantScopes = provider.GetRequiredService<TenantScopeFactory>();
var reportDistrictId = 0;
var total = 0;
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
    db.Memberships.AddRange(posters.Select(id => new TenantMembership { UserId = id, Role = TownRole.Member, JoinedAt = now.AddDays(-200) }));
    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();

    var districts = (await db.Districts.OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync()).Select(d => (d.Id, d.Name)).ToList();
    var categories = await db.Categories.Select(c => new ListingTexts.CategoryRef(c.Id, c.Key, c.Kind)).ToListAsync();
    if (town.Slug == reportTown)
    {
        reportDistrictId = districts[0].Id;
    }

    for (var done = 0; done < listingsPerTown; done += BatchSize)
    {
        var batch = Enumerable.Range(0, Math.Min(BatchSize, listingsPerTown - done))
            .Select(_ => texts.Next(categories, districts, posters, now))
            .ToList();
        db.Listings.AddRange(batch);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        total += batch.Count;
    }

    await transaction.CommitAsync();
    Console.WriteLine($"{town.Slug}: {listingsPerTown} listings ({total} in all, {clock.Elapsed.TotalSeconds:0.0} s)");
}

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    // The insert trigger filled the FTS index; prove it (integrity-check with rank 1 compares the index with the
    // Listings rows and throws on a difference). No ANALYZE or FTS 'optimize': the app does neither.
    await db.Database.ExecuteSqlRawAsync($"INSERT INTO {SqliteListingSearch.Table}({SqliteListingSearch.Table}, rank) VALUES ('integrity-check', 1)");
    var indexed = await db.Database.SqlQueryRaw<int>($"SELECT count(*) AS Value FROM {SqliteListingSearch.Table}_docsize").SingleAsync();
    var matching = await db.Database.SqlQueryRaw<int>($"SELECT count(*) AS Value FROM {SqliteListingSearch.Table} WHERE {SqliteListingSearch.Table} MATCH 'fahrrad*'").SingleAsync();
    if (indexed != total || matching == 0)
    {
        Console.Error.WriteLine($"FTS index holds {indexed} rows ({matching} match 'fahrrad*'), expected {total}.");
        return 1;
    }

    Console.WriteLine($"FTS index: {indexed} rows, {matching} match 'fahrrad*'");
}

await File.WriteAllTextAsync(Path.Combine(dataFolder, "bench.env"),
    $"BENCH_TOWN={reportTown}\nBENCH_DISTRICT_ID={reportDistrictId}\nBENCH_LISTINGS={total}\n");
Console.WriteLine($"Seeded {townCount} towns, {total} listings in {clock.Elapsed.TotalSeconds:0.0} s; {reportTown} district id {reportDistrictId}");
return 0;
