using System.Text.Json;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>
/// A town created before the sub-categories were named in Arabic, Persian and Ukrainian gets those names when the
/// installation updates, except where its coordinators renamed a category or translated it themselves: a database at the
/// migration before DefaultCategoryTranslations, with category rows as the JSON converter wrote them then.
/// </summary>
[Trait("Category", "Database")]
public sealed class DefaultCategoryTranslationsMigrationTests : IAsyncLifetime
{
    private const string Migration = "DefaultCategoryTranslations";
    private static readonly Guid TownId = new("3c9e1f0a-5b7d-4e2c-8a6f-1d0b9c8e7f6a");
    private static readonly Guid OtherTownId = new("8e2d4c6b-1a3f-4b5e-9d7c-0f1e2d3c4b5a");

    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-migration-").FullName;
    private readonly TestDatabase _database;

    public DefaultCategoryTranslationsMigrationTests() => _database = TestDatabase.Create(_folder);

    private AppDbContext NewContext() => OldSchema.Open(_database);

    private static TranslatedText Default(string key) => DefaultCategories.Names.Single(c => c.Key == key).Names;

    [Fact]
    public async Task UntouchedDefaults_GetTheNewNames_RenamedOnesAndOwnTranslationsStay()
    {
        var renamed = TranslatedText.InGerman("Räder & Roller").With("en", "Bikes");
        var ownArabic = TranslatedText.InGerman("Sportausrüstung").With("en", "Sports equipment").With("ar", "أدوات رياضية للجميع");
        // A coordinator's own category that happens to bear a default's German name: it is not the default.
        var ownClothing = TranslatedText.InGerman("Kleidung").With("en", "Clothes for adults");
        var oldNames = new (Guid Town, int Id, string Key, TranslatedText Names)[]
        {
            (TownId, 1, "sachspenden", Default("sachspenden")),
            (TownId, 2, "kleidung", OldWay("kleidung")),
            (TownId, 3, "moebel", OldWay("moebel")),
            (TownId, 4, "fahrraeder", renamed),
            (TownId, 5, "sportausruestung", ownArabic),
            (TownId, 6, "kleidung-2", ownClothing),
            (OtherTownId, 7, "kleidung", OldWay("kleidung")),
        };

        await using (var db = NewContext())
        {
            await OldSchema.MigrateAsync(db, Migration);

            await OldSchema.AddTownAsync(db, _database.IsPostgres, TownId, "alt-stadt");
            await OldSchema.AddTownAsync(db, _database.IsPostgres, OtherTownId, "noch-eine");
            foreach (var (town, id, key, names) in oldNames)
            {
                await AddCategoryAsync(db, town, id, key, names);
            }

            await OldSchema.MigrateAsync(db, Migration, toTheOneBefore: false);
        }

        await using var fresh = NewContext();
        var migrated = await fresh.Categories.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id).Select(c => c.Names).ToListAsync();
        Assert.Equal(
            [Default("sachspenden"), Default("kleidung"), Default("moebel"), renamed,
                Default("sportausruestung").With("ar", "أدوات رياضية للجميع"), ownClothing, Default("kleidung")],
            migrated,
            EqualityComparer<TranslatedText>.Default); // by value: the order of the languages in the column is no matter
        Assert.Equal("ملابس", migrated[1].In("ar"));
        Assert.Equal("مبلمان و وسایل خانه", migrated[2].In("fa"));
        Assert.Equal("Спортивне спорядження", migrated[4].In("uk"));
    }

    /// <summary>A sub-category as a town got it before: German and English only.</summary>
    private static TranslatedText OldWay(string key) => TranslatedText.InGerman(Default(key)["de"]).With("en", Default(key)["en"]);

    /// <summary>The names as the converter writes them: System.Text.Json's defaults, which escape every non-ASCII letter and "&amp;".</summary>
    private static async Task AddCategoryAsync(AppDbContext db, Guid town, int id, string key, TranslatedText names)
    {
        var json = JsonSerializer.Serialize<IReadOnlyDictionary<string, string>>(names);
        var sql = $$"""
            INSERT INTO "Categories" ("Id", "TenantId", "Key", "Names", "Icon", "Kind", "ExchangeMode", "RequiresClearance", "SortOrder", "IsRetired")
            VALUES ({{id}}, '{{town.ToString().ToUpperInvariant()}}', '{{key}}', {0}, 'x', 0, 0, false, {{id}}, false)
            """;
        await db.Database.ExecuteSqlRawAsync(sql, json);
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
