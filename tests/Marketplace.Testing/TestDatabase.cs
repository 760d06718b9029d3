using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// SQLite by default (a real file per test class); PostgreSQL when MARKETPLACE_TEST_PG holds an admin connection
/// string, with a fresh database per test class that is dropped afterwards.
/// </summary>
public sealed class TestDatabase
{
    public const string PostgresVariable = "MARKETPLACE_TEST_PG";

    private TestDatabase(string provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    private readonly string? _postgresName;

    public string Provider { get; }
    public string ConnectionString { get; }
    public bool IsPostgres => _postgresName is not null;

    public static TestDatabase Create(string dataFolder)
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(dataFolder, "marketplace.db")}", null);
        }

        var name = $"mp_test_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, name);
    }

    public async Task DropAsync()
    {
        if (_postgresName is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
