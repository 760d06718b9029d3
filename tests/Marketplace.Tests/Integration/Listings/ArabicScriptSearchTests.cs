namespace Marketplace.Tests.Integration.Listings;

/// <summary>
/// A listing written on an Arabic keyboard or with vowel marks is found by a search typed on a Persian keyboard or without
/// marks, and the other way round, for short words (word beginnings) and long ones (anywhere), in the town only.
/// </summary>
[Trait("Category", "Database")]
public sealed class ArabicScriptSearchTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<List<string>> TitlesAsync(string slug, string q) =>
        (await app.TownClient(slug).GetPageAsync("/listings?q=" + Uri.EscapeDataString(q)))
            .QuerySelectorAll("[data-testid=listing-title]").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task ArabicLettersAndTashkeel_AreFoundByThePersianAndTheBareSpelling()
    {
        // Arabic kaf and yeh, tashkeel, teh marbuta, tatweel and Arabic-Indic digits.
        const string arabic = "Quokka مُساعَدة كمك في التسوق ١٢";
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: arabic, categoryKey: "moebel",
            configure: l => l.Description = "أحتاج مساعدة في حمل الأكيـــاس.");
        await app.CreateListingAsync("potsdam", "potsdam-mitglied", title: arabic, categoryKey: "moebel");

        foreach (var q in new[] { "quokka کمک", "quokka مساعدة", "quokka مساعده", "quokka مُساعَدة", "quokka فی", "quokka کم", "quokka 12",
            "quokka احتاج", "quokka اکیاس", "quokka ال" })
        {
            Assert.True((await TitlesAsync("erlangen", q)).SequenceEqual([arabic]), q);
        }

        Assert.Empty(await TitlesAsync("erlangen", "quokka سیب"));
        Assert.Empty(await TitlesAsync("erlangen", "quokka -کمک"));
        Assert.Equal([arabic], await TitlesAsync("potsdam", "quokka کمک"));
    }

    [Fact]
    public async Task PersianLetters_AreFoundByTheArabicSpellingAndWithTashkeel()
    {
        const string persian = "Wombat کمک در خرید ۲۸";
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: persian, categoryKey: "moebel",
            configure: l => l.Description = "یک دوچرخه برای کودکی");
        await app.CreateListingAsync("koeln", "koeln-mitglied", title: persian, categoryKey: "moebel");

        foreach (var q in new[] { "wombat كمك", "wombat كَمَك", "wombat كم", "wombat 28", "wombat ٢٨", "wombat يك", "wombat كودكي", "wombat براى" })
        {
            Assert.True((await TitlesAsync("erlangen", q)).SequenceEqual([persian]), q);
        }

        // Another town's listing stays out of this town's results, and the other way round.
        Assert.Empty(await TitlesAsync("potsdam", "wombat كمك"));
        Assert.Equal([persian], await TitlesAsync("koeln", "wombat كمك"));
    }

    [Fact]
    public async Task OfficeMode_TheTitleIsReadWithTheSameFold()
    {
        // "wohnung" is mediated: only the title and category may find it.
        const string title = "Kiwi غرفة للإيجار";
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: title, categoryKey: "wohnung",
            configure: l => l.Description = "قريبة من المستشفى");

        Assert.Equal([title], await TitlesAsync("erlangen", "kiwi غرفه"));
        Assert.Equal([title], await TitlesAsync("erlangen", "kiwi لل"));
        Assert.Equal([title], await TitlesAsync("erlangen", "kiwi ایجار"));
        Assert.Empty(await TitlesAsync("erlangen", "kiwi قریبه"));
    }
}
