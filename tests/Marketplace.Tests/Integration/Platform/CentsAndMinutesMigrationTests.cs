using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>
/// An installation that stored euros and hours as decimals keeps its figures when it updates: a database at the
/// migration before CentsAndMinutes, filled through SQL of that schema, reads as cents and minutes afterwards.
/// </summary>
[Trait("Category", "Database")]
public sealed class CentsAndMinutesMigrationTests : IAsyncLifetime
{
    private const string Migration = "CentsAndMinutes";
    private static readonly Guid TownId = new("6f1d2c3b-0a4e-4b5f-9c8d-7e6f5a4b3c2d");
    private static readonly Guid OtherTownId = new("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");

    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-migration-").FullName;
    private readonly TestDatabase _database;

    public CentsAndMinutesMigrationTests() => _database = TestDatabase.Create(_folder);

    private AppDbContext NewContext() => OldSchema.Open(_database);

    [Fact]
    public async Task EurosAndHoursInDecimalColumns_AreCentsAndMinutesAfterTheMigration()
    {
        await using (var db = NewContext())
        {
            await OldSchema.MigrateAsync(db, Migration);

            foreach (var statement in LegacyRows())
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            await OldSchema.MigrateAsync(db, Migration, toTheOneBefore: false);
        }

        await using var fresh = NewContext();
        Assert.Equal(
            [("alt-stadt", 1735L), ("noch-eine", 1235L)],
            (await fresh.Tenants.AsNoTracking().Where(t => t.Id == TownId || t.Id == OtherTownId).OrderBy(t => t.Slug)
                .Select(t => new { t.Slug, t.HourlyRateCents }).ToListAsync()).Select(t => (t.Slug, t.HourlyRateCents)));
        Assert.Equal(
            [54_999L, 61_250L, 105_075L],
            await fresh.RentLimits.IgnoreQueryFilters().OrderBy(r => r.HouseholdSize).Select(r => r.MaxWarmRentCents).ToListAsync());
        Assert.Equal(
            [61_250L, null],
            await fresh.Listings.IgnoreQueryFilters().OrderBy(l => l.Id).Select(l => l.WarmRentCents).ToListAsync());
        Assert.Equal(
            [135, 45, 1440],
            await fresh.VolunteerHours.IgnoreQueryFilters().OrderBy(h => h.Id).Select(h => h.Minutes).ToListAsync());

        // The sums the office pages ask for, and the rent check, work in SQL on the migrated rows.
        Assert.Equal(1620, await fresh.VolunteerHours.IgnoreQueryFilters().SumAsync(h => h.Minutes));
        Assert.Equal(2, await fresh.RentLimits.IgnoreQueryFilters()
            .CountAsync(r => fresh.Listings.IgnoreQueryFilters().Any(l => l.Id == 1 && l.WarmRentCents <= r.MaxWarmRentCents)));

        if (!_database.IsPostgres)
        {
            // A table rebuild of Listings would drop the triggers that keep the search index in step.
            var triggers = await fresh.Database.SqlQueryRaw<string>(
                "SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Listings' ORDER BY name").ToListAsync();
            Assert.Equal(["Listings_SearchDelete", "Listings_SearchInsert", "Listings_SearchUnindex", "Listings_SearchUpdate",
                "Listings_TrigramDelete", "Listings_TrigramInsert", "Listings_TrigramUnindex", "Listings_TrigramUpdate"], triggers);
        }
    }

    /// <summary>Rows written the way the decimal schema stored them; SQL that both databases read.</summary>
    private IEnumerable<string> LegacyRows()
    {
        var now = _database.IsPostgres ? "now()" : "0"; // times: timestamptz there, UTC ticks on SQLite
        // Braces doubled: ExecuteSqlRaw reads its text as a format string.
        var noNeighbours = _database.IsPostgres ? "'{{}}'" : "'[]'";
        // EF writes a Guid on SQLite as upper-case text; PostgreSQL reads the same literal as uuid.
        var town = $"'{TownId.ToString().ToUpperInvariant()}'";
        var other = $"'{OtherTownId.ToString().ToUpperInvariant()}'";
        var names = "'{{\"de\":\"Wohnung\"}}'";
        string TownRow(string id, string slug, string rate) => $"""
            INSERT INTO "Tenants" ("Id", "Slug", "Name", "FederalState", "TimeZoneId", "DefaultCulture", "ContactEmail", "CreatedAt",
                "ListingLifetimeDays", "ReportsToHide", "MailIncludesMessageText", "AccentColour", "DigestHour", "ClearanceValidYears", "HourlyRate")
            VALUES ({id}, '{slug}', '{slug}', 1, 'Europe/Berlin', 'de', 'office@example.org', {now}, 28, 3, false, '#0b5cad', 7, 5, '{rate}')
            """;
        yield return TownRow(town, "alt-stadt", "17.35");
        // More than two decimals could be stored before (the column had no scale): rounded half away from zero.
        yield return TownRow(other, "noch-eine", "12.345");
        yield return $"""
            INSERT INTO "AspNetUsers" ("Id", "UserName", "AccessFailedCount", "CreatedAt", "EmailConfirmed", "LockoutEnabled",
                "PhoneNumberConfirmed", "TwoFactorEnabled")
            VALUES ('legacy-user', 'legacy', 0, {now}, true, false, false, false)
            """;
        yield return $"""
            INSERT INTO "Categories" ("Id", "TenantId", "Key", "Names", "Icon", "Kind", "ExchangeMode", "RequiresClearance", "SortOrder", "IsRetired")
            VALUES (1, {town}, 'wohnung', {names}, 'H', 1, 1, false, 0, false)
            """;
        yield return $"""INSERT INTO "Districts" ("Id", "TenantId", "Name", "NeighbourIds", "SortOrder") VALUES (1, {town}, 'Altstadt', {noNeighbours}, 0)""";
        foreach (var (id, rent) in new[] { (1, "'612.50'"), (2, "NULL") })
        {
            yield return $"""
                INSERT INTO "Listings" ("Id", "TenantId", "Type", "Status", "CategoryId", "DistrictId", "PosterUserId", "Title", "Description",
                    "Languages", "CreatedAt", "UpdatedAt", "IsHidden", "OfficeStatus", "Rooms", "WarmRent")
                VALUES ({id}, {town}, 0, 1, 1, 1, 'legacy-user', 'Zimmer {id}', 'Ein Zimmer', ',de,', {now}, {now}, false, 0, 2, {rent})
                """;
        }

        // 549.99 is not exact in binary floating point, which SQLite's arithmetic uses (549.99 * 100 = 54998.999…).
        foreach (var (size, limit) in new[] { (1, "'549.99'"), (2, "'612.50'"), (3, "'1050.75'") })
        {
            yield return $"""INSERT INTO "RentLimits" ("TenantId", "HouseholdSize", "MaxWarmRent") VALUES ({town}, {size}, {limit})""";
        }

        foreach (var (id, hours) in new[] { (1, "'2.25'"), (2, "'0.75'"), (3, "'24.00'") })
        {
            yield return $"""
                INSERT INTO "VolunteerHours" ("Id", "TenantId", "UserId", "WorkedOn", "Hours", "Activity", "Status", "CreatedAt")
                VALUES ({id}, {town}, 'legacy-user', '2026-03-0{id}', {hours}, 'Lesepatenschaft', 1, {now})
                """;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _database.DropAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool on its way out; the OS temp cleaner takes it.
        }
    }
}
