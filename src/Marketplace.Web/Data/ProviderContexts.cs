using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

namespace Marketplace.Web.Data;

/// <summary>
/// SQLite, the embedded default. Its migrations live in Data/Migrations/Sqlite; listing search uses an FTS5
/// table ("ListingSearch") kept in step by triggers that the migration creates.
/// </summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ITenantContext tenantContext)
    : AppDbContext(options, tenantContext)
{
    /// <summary>
    /// SQLite cannot compare or sort DateTimeOffset text, so times are stored as their binary (UTC ticks) form,
    /// which orders correctly because every time the app writes is UTC.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>
/// PostgreSQL, for installations with several app instances. Its migrations live in Data/Migrations/Postgres;
/// listing search uses a stored tsvector with the German configuration, so word forms match.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, ITenantContext tenantContext)
    : AppDbContext(options, tenantContext)
{
    public const string SearchVector = "SearchVector";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Listing>().Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('german', coalesce(\"Title\", '') || ' ' || coalesce(\"Description\", ''))", stored: true);
        builder.Entity<Listing>().HasIndex(SearchVector).HasMethod("GIN");
    }
}
