using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// The database every test class starts from, migrated and seeded with the demo towns once per test process by a plain
/// <see cref="MarketplaceFactory"/>, so it holds what each class used to migrate and seed for itself (a class that
/// overrides services, such as a shifted clock, still starts from the same data). Built on first use; test classes run
/// in parallel and wait for the one build. SQLite: a file each class copies into its data folder. PostgreSQL: a database
/// each class clones with CREATE DATABASE ... TEMPLATE. Named per run and removed when the process exits, best effort.
/// </summary>
internal sealed class TemplateDatabase
{
    private static readonly Lazy<Task<TemplateDatabase>> Shared = new(BuildAsync);

    // PostgreSQL copies a template only while no other session uses it; one clone at a time keeps that simple to reason about.
    private readonly SemaphoreSlim _cloning = new(1, 1);
    private readonly string _folder;

    private TemplateDatabase(string folder, TestDatabase database)
    {
        _folder = folder;
        Database = database;
    }

    public TestDatabase Database { get; }

    public static Task<TemplateDatabase> GetAsync() => Shared.Value;

    public async Task CloneAsync(string name)
    {
        await _cloning.WaitAsync();
        try
        {
            await TestDatabase.AdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{Database.PostgresName}\"");
        }
        finally
        {
            _cloning.Release();
        }
    }

    private static async Task<TemplateDatabase> BuildAsync()
    {
        var folder = Directory.CreateTempSubdirectory("marketplace-template-").FullName;
        var template = new TemplateDatabase(folder, TestDatabase.CreateTemplate(folder));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Remove();

        await MarketplaceFactory.MigrateAndSeedAsync(template.Database, folder);

        if (template.Database.IsPostgres)
        {
            // The template host used unpooled connections; make sure nothing (a pool, a stray session) still holds one.
            var name = template.Database.PostgresName;
            NpgsqlConnection.ClearAllPools();
            await TestDatabase.AdminAsync(
                $"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false",
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        }

        return template;
    }

    private void Remove()
    {
        try
        {
            // The quick part first: the test host may be ended while the DROP is still under way.
            Directory.Delete(_folder, recursive: true);
            if (Database.IsPostgres)
            {
                TestDatabase.AdminAsync($"DROP DATABASE IF EXISTS \"{Database.PostgresName}\" WITH (FORCE)").Wait(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception)
        {
            // Best effort at process exit: a leftover has a name of its own and the temp folder or throwaway server goes too.
        }
    }
}
