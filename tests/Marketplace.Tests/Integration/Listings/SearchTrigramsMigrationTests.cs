using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>An installation that updates keeps finding its listings: the migration fills the trigram index from the rows already there.</summary>
[Trait("Category", "Database")]
public sealed class SearchTrigramsMigrationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Migration = "SearchTrigrams";

    private Task MigrateAsync(bool toTheOneBefore) => app.InTownAsync(null, async db =>
    {
        await OldSchema.MigrateAsync(db, Migration, toTheOneBefore);
        return 0;
    });

    [Fact]
    public async Task ListingsFromBeforeTheMigration_AreFoundByWordsInsideCompounds()
    {
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Okapi-Lastenfahrrad zu leihen", categoryKey: "moebel",
            configure: l => l.Description = "Mit Kindersitz und Regenverdeck.");
        await MigrateAsync(toTheOneBefore: true);
        if (!app.Database.IsPostgres)
        {
            // Written while there was no trigram index at all (the SQLite model is the same before and after).
            await OldSchema.WithTodaysListingColumnsAsync(app, () => app.CreateListingAsync("erlangen", "erlangen-mitglied",
                title: "Okapi-Bollerwagen zu leihen", categoryKey: "moebel", configure: l => l.Description = "Mit Regenverdeck."));
        }

        await MigrateAsync(toTheOneBefore: false);
        var client = app.TownClient("erlangen");

        async Task<List<string>> TitlesAsync(string q) => (await client.GetPageAsync("/listings?q=" + Uri.EscapeDataString(q)))
            .QuerySelectorAll("[data-testid=listing-title]").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["Okapi-Lastenfahrrad zu leihen"], await TitlesAsync("okapi fahrrad"));
        Assert.Equal(["Okapi-Lastenfahrrad zu leihen"], await TitlesAsync("okapi sitz"));
        Assert.Equal(app.Database.IsPostgres ? ["Okapi-Lastenfahrrad zu leihen"] : ["Okapi-Bollerwagen zu leihen", "Okapi-Lastenfahrrad zu leihen"],
            await TitlesAsync("okapi verdeck"));
    }
}
