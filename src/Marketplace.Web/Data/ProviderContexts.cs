using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

namespace Marketplace.Web.Data;

/// <summary>
/// SQLite, the embedded default. Its migrations live in Data/Migrations/Sqlite; listing search uses two FTS5 tables
/// (<see cref="SqliteListingSearch"/>) over views that fold the text as Listings/SearchText does, kept in step by triggers
/// that the migrations create.
/// </summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
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
/// PostgreSQL, for installations with several app instances. Its migrations live in Data/Migrations/Postgres.
/// Listing search (Listings/ListingSearch) finds words of three letters or more anywhere in the folded text
/// (<see cref="SearchText"/>, Listings/SearchText) through a pg_trgm index, so a word inside a compound is found too;
/// shorter words as word beginnings through a stored tsvector with the German configuration over the same folded text.
/// All three columns are built from <see cref="global::Marketplace.Web.Listings.SearchText.PostgresFold"/>, so a change
/// of the fold is a migration that recomputes them.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>The words of the folded title and description, for words shorter than a trigram.</summary>
    public const string SearchVector = "SearchVector";

    /// <summary>Title and description folded as Listings/SearchText reads them, with a trigram index.</summary>
    public const string SearchText = "SearchText";

    /// <summary>The title alone, folded: all that may find a listing in office mode. Read only for the hits, so no index.</summary>
    public const string SearchTitle = "SearchTitle";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        var foldedText = global::Marketplace.Web.Listings.SearchText.PostgresFold("coalesce(\"Title\", '') || ' ' || coalesce(\"Description\", '')");
        builder.Entity<Listing>().Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('german', " + foldedText + ")", stored: true);
        builder.Entity<Listing>().HasIndex(SearchVector).HasMethod("GIN");
        builder.Entity<Listing>().Property<string>(SearchText)
            .HasComputedColumnSql(foldedText, stored: true);
        builder.Entity<Listing>().HasIndex(SearchText).HasMethod("GIN").HasOperators("gin_trgm_ops");
        builder.Entity<Listing>().Property<string>(SearchTitle)
            .HasComputedColumnSql(global::Marketplace.Web.Listings.SearchText.PostgresFold("coalesce(\"Title\", '')"), stored: true);
    }
}
