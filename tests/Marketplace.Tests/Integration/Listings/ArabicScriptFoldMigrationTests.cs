using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>An installation that updates finds its Arabic and Persian listings by either spelling: the migration indexes the rows already there again.</summary>
[Trait("Category", "Database")]
public sealed class ArabicScriptFoldMigrationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Migration = "ArabicScriptFold";

    private Task MigrateAsync(bool toTheOneBefore) => app.InTownAsync(null, async db =>
    {
        await OldSchema.MigrateAsync(db, Migration, toTheOneBefore);
        return 0;
    });

    private async Task<List<string>> TitlesAsync(string q) =>
        (await app.TownClient("erlangen").GetPageAsync("/listings?q=" + Uri.EscapeDataString(q)))
            .QuerySelectorAll("[data-testid=listing-title]").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task ListingsFromBeforeTheMigration_AreFoundByThePersianSpelling()
    {
        await MigrateAsync(toTheOneBefore: true);
        // Written while the indexes did not fold the Arabic script.
        await OldSchema.WithTodaysListingColumnsAsync(app, () => app.CreateListingAsync("erlangen", "erlangen-mitglied",
            title: "Dingo مُساعَدة كمك", categoryKey: "moebel", configure: l => l.Description = "حمل الأكياس"));
        // A query of its own: the page keeps the answer to each query until a listing changes, and a migration is no change.
        Assert.Empty(await TitlesAsync("dingo كمک"));

        await MigrateAsync(toTheOneBefore: false);

        Assert.Equal(["Dingo مُساعَدة كمك"], await TitlesAsync("dingo کمک"));
        Assert.Equal(["Dingo مُساعَدة كمك"], await TitlesAsync("dingo مساعده"));
        Assert.Equal(["Dingo مُساعَدة كمك"], await TitlesAsync("dingo کم"));
        Assert.Equal(["Dingo مُساعَدة كمك"], await TitlesAsync("dingo اکیاس"));
    }
}
