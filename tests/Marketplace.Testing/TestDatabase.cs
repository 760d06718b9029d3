using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// SQLite by default (a real file per test class); PostgreSQL when MARKETPLACE_TEST_PG holds an admin connection
/// string, with a fresh database per test class that is dropped afterwards. Either starts as a copy of the run's
/// <see cref="TemplateDatabase"/>: a class pays for a file copy or a CREATE DATABASE ... TEMPLATE, not for the
/// migrations and the demo seed.
/// </summary>
public sealed class TestDatabase
{
    public const string PostgresVariable = "MARKETPLACE_TEST_PG";

    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public bool IsPostgres => _postgresName is not null;

    public static TestDatabase Create(string dataFolder) => Create(dataFolder, "mp_test_", pooling: true);

    /// <summary>
    /// The template's database: unpooled, so no connection to it outlives the host that seeds it (a pooled SQLite handle
    /// would keep the file busy; PostgreSQL refuses to copy a database that has a session).
    /// </summary>
    internal static TestDatabase CreateTemplate(string dataFolder) => Create(dataFolder, "mp_template_", pooling: false);

    private static TestDatabase Create(string dataFolder, string postgresPrefix, bool pooling)
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            var file = Path.Combine(dataFolder, "marketplace.db");
            var sqlite = new SqliteConnectionStringBuilder { DataSource = file, Pooling = pooling };
            return new TestDatabase("Sqlite", sqlite.ConnectionString, file, null);
        }

        var name = $"{postgresPrefix}{Guid.NewGuid():N}";
        var postgres = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = pooling };
        return new TestDatabase("Postgres", postgres.ConnectionString, null, name);
    }

    /// <summary>Creates this database as a copy of the run's template (built by whichever class asks first).</summary>
    public async Task CreateFromTemplateAsync()
    {
        var template = await TemplateDatabase.GetAsync();
        if (_postgresName is null)
        {
            File.Copy(template.Database._sqliteFile!, _sqliteFile!);
        }
        else
        {
            await template.CloneAsync(_postgresName);
        }
    }

    public async Task DropAsync()
    {
        if (_postgresName is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
    }

    internal string PostgresName => _postgresName ?? throw new InvalidOperationException("Not a PostgreSQL database.");

    /// <summary>Runs statements on the server's maintenance database as the admin of MARKETPLACE_TEST_PG.</summary>
    internal static async Task AdminAsync(params string[] statements)
    {
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
