using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.Tests.Integration;

/// <summary>
/// A database as an installation had it before a migration, for the tests that prove a migration keeps and fixes rows
/// written the old way. Rows are written by hand: the current model may have columns the old schema lacks.
/// </summary>
internal static class OldSchema
{
    public static AppDbContext Open(TestDatabase database) => database.IsPostgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options);

    /// <summary>Migrates to the migration before <paramref name="migration"/> (or, with false, to the newest one).</summary>
    public static async Task MigrateAsync(AppDbContext db, string migration, bool toTheOneBefore = true)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
        Assert.True(index > 0, $"No migration {migration} after another one.");
        await db.GetService<IMigrator>().MigrateAsync(toTheOneBefore ? migrations[index - 1] : null);
    }

    /// <summary>
    /// Writes listings through today's model into an old schema: the listing columns added since (the day parts of
    /// SupplyFacts) exist only while <paramref name="write"/> runs, so migrating up adds them as an installation would.
    /// </summary>
    public static async Task WithTodaysListingColumnsAsync(MarketplaceFactory app, Func<Task> write)
    {
        await app.InTownAsync(null, db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Listings" ADD COLUMN "DayParts" integer NOT NULL DEFAULT 0"""));
        try
        {
            await write();
        }
        finally
        {
            await app.InTownAsync(null, db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Listings" DROP COLUMN "DayParts" """));
        }
    }

    /// <summary>A town with the columns towns have had since ClearanceValidYears.</summary>
    public static Task AddTownAsync(AppDbContext db, bool isPostgres, Guid id, string slug)
    {
        var now = isPostgres ? "now()" : "0"; // times: timestamptz there, UTC ticks on SQLite
        // EF writes a Guid on SQLite as upper-case text; PostgreSQL reads the same literal as uuid.
        var sql = $"""
            INSERT INTO "Tenants" ("Id", "Slug", "Name", "FederalState", "TimeZoneId", "DefaultCulture", "ContactEmail", "CreatedAt",
                "ListingLifetimeDays", "ReportsToHide", "MailIncludesMessageText", "AccentColour", "DigestHour", "ClearanceValidYears")
            VALUES ('{id.ToString().ToUpperInvariant()}', '{slug}', '{slug}', 1, 'Europe/Berlin', 'de', 'office@example.org', {now},
                28, 3, false, '#0b5cad', 7, 5)
            """;
        return db.Database.ExecuteSqlRawAsync(sql);
    }
}
