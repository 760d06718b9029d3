using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Unit;

/// <summary>
/// Migrations written on parallel branches meet in the model snapshots; when they are merged by hand, a column or table
/// missing from a snapshot would make the next migration silently add or drop it. The model must match both snapshots.
/// </summary>
public sealed class MigrationSnapshotTests
{
    [Fact]
    public void SqliteMigrations_DescribeTheWholeModel()
    {
        using var db = new SqliteAppDbContext(
            new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void PostgresMigrations_DescribeTheWholeModel()
    {
        using var db = new PostgresAppDbContext(
            new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost").Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
