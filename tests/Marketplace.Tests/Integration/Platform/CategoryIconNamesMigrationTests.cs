using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>
/// A town that updates keeps recognisable pictograms: the emoji its categories carried before CategoryIconNames become
/// the names of the shipped icons, and a value no one can map (a coordinator's own emoji) becomes the generic icon.
/// </summary>
[Trait("Category", "Database")]
public sealed class CategoryIconNamesMigrationTests : IAsyncLifetime
{
    private const string Migration = "CategoryIconNames";
    private static readonly Guid TownId = new("3c0a9d1e-5b2f-4e6a-8c7d-1f2e3d4c5b6a");

    /// <summary>The default categories' emoji as they were seeded before the migration.</summary>
    private static readonly (string Key, string Emoji)[] DefaultEmoji =
    [
        ("sachspenden", "📦"), ("kleidung", "👕"), ("moebel", "🛋️"), ("fahrraeder", "🚲"),
        ("sportausruestung", "🏸"), ("begleitung", "🤝"), ("behoerden", "🏛️"), ("arztbesuche", "🩺"),
        ("patenschaften", "🧑‍🤝‍🧑"), ("rechtsberatung", "⚖️"), ("fahrdienste", "🚗"), ("fahrdienst", "🚙"),
        ("transport", "🚚"), ("fahrradwerkstatt", "🔧"), ("freizeit", "⚽"), ("begegnung", "☕"),
        ("sport", "🏃"), ("kultur", "🎭"), ("gaertnern", "🌱"), ("familie", "👪"),
        ("kinderbetreuung", "🧸"), ("ferienprogramm", "🏖️"), ("sprache", "💬"), ("dolmetschen", "🗣️"),
        ("uebersetzen", "📝"), ("deutsch-lernen", "🔤"), ("sprachcafe", "☕"), ("bildung", "📚"),
        ("hausaufgabenhilfe", "✏️"), ("schule", "🏫"), ("qualifizierung", "🎓"), ("arbeit", "💼"),
        ("jobsuche", "🔎"), ("praktikum", "🧪"), ("ausbildung", "🛠️"), ("wohnen", "🏠"),
        ("wohnung", "🏢"), ("zimmer", "🛏️"), ("mietpaten", "🔑"), ("projekte", "💡"),
        ("unterkuenfte", "🏕️"), ("politische-arbeit", "📣"), ("neue-projekte", "🌟"),
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-migration-").FullName;
    private readonly TestDatabase _database;

    public CategoryIconNamesMigrationTests() => _database = TestDatabase.Create(_folder);

    private AppDbContext NewContext() => OldSchema.Open(_database);

    [Fact]
    public async Task EveryDefaultCategorysEmoji_IsItsShippedIconAfterTheMigration_AndAnUnknownOneTheGenericIcon()
    {
        await using (var db = NewContext())
        {
            await OldSchema.MigrateAsync(db, Migration);
            await OldSchema.AddTownAsync(db, _database.IsPostgres, TownId, "alt-stadt");
            // EF writes a Guid on SQLite as upper-case text; PostgreSQL reads the same literal as uuid.
            var town = $"'{TownId.ToString().ToUpperInvariant()}'";

            // Braces doubled: ExecuteSqlRaw reads its text as a format string.
            var names = "'{{\"de\":\"x\"}}'";
            (string Key, string Icon)[] others = [("moebel-ohne-fe0f", "🛋"), ("eigenes", "🛴"), ("leer", ""), ("schon-ein-name", "paw")];
            var rows = DefaultEmoji.Concat(others).Select((row, i) => (Id: i + 1, row.Key, Icon: row.Item2)).ToList();
            var insert = $$"""
                INSERT INTO "Categories" ("Id", "TenantId", "Key", "Names", "Icon", "Kind", "ExchangeMode", "RequiresClearance", "SortOrder", "IsRetired")
                VALUES ({0}, {{town}}, {1}, {{names}}, {2}, 0, 0, false, {0}, false)
                """;
            foreach (var (id, key, icon) in rows)
            {
                await db.Database.ExecuteSqlRawAsync(insert, id, key, icon);
            }

            await OldSchema.MigrateAsync(db, Migration, toTheOneBefore: false);
        }

        await using var fresh = NewContext();
        var icons = await fresh.Categories.IgnoreQueryFilters().Where(c => c.TenantId == TownId).ToDictionaryAsync(c => c.Key, c => c.Icon);
        foreach (var category in DefaultCategories.Build())
        {
            Assert.True(icons[category.Key] == category.Icon, $"{category.Key}: {icons[category.Key]}, expected {category.Icon}");
        }

        Assert.Equal("sofa", icons["moebel-ohne-fe0f"]);
        Assert.Equal(CategoryIcons.Generic, icons["eigenes"]);
        Assert.Equal(CategoryIcons.Generic, icons["leer"]);
        Assert.Equal("paw", icons["schon-ein-name"]);
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
            // A pooled handle may still hold the file on some systems; the temp folder is cleaned later.
        }
    }
}
