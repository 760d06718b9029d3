using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>SQLite, the embedded default. Its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ITenantContext tenantContext)
    : AppDbContext(options, tenantContext);

/// <summary>PostgreSQL, for installations with several app instances. Its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, ITenantContext tenantContext)
    : AppDbContext(options, tenantContext);
