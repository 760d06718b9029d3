using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Listings;

/// <summary>
/// What a search on /listings finds: words inside German compounds and word forms, a category by its name, and, for a
/// listing in office mode, nothing but what its card shows (title, category), whichever operator or filter a reader tries.
/// </summary>
[Trait("Category", "Database")]
public sealed class ListingSearchTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static async Task<List<string>> TitlesAsync(HttpClient client, string query)
    {
        var page = await client.GetPageAsync("/listings" + query);
        return page.QuerySelectorAll("[data-testid=listing-title]").Select(a => a.TextContent.Trim()).ToList();
    }

    /// <summary>Signed out, a member, and a coordinator of the town: browse lists are the same for every reader.</summary>
    private async Task<(string Name, HttpClient Client)[]> ReadersAsync(string slug) =>
    [
        ("anonymous", app.TownClient(slug)),
        ("member", await app.SignedInAsync(slug, $"{slug}-mitglied")),
        ("office", await app.SignedInAsync(slug, $"{slug}-koordination")),
    ];

    [Fact]
    public async Task OfficeMode_NoOperator_LetsTheHiddenDescriptionDecideWhetherTheListingIsFound()
    {
        // "wohnung" is mediated (housing): the public sees title, category, district and dates only.
        const string hidden = "Quagga-Zimmer frei";
        await app.CreateListingAsync("koeln", "koeln-mitglied", title: hidden, categoryKey: "wohnung",
            configure: l => l.Description = "Ich habe Diabetes und brauche das Erdgeschoss, Klingel Okapi.");
        const string open = "Quagga-Sofa abzugeben";
        await app.CreateListingAsync("koeln", "koeln-mitglied", title: open, categoryKey: "moebel",
            configure: l => l.Description = "Bei Diabetes-Tagen hole ich es gern selbst ab.");

        // Each pair differs only in a word that is in the hidden description or nowhere at all.
        (string Hidden, string Nowhere)[] pairs =
        [
            ("Quagga -Diabetes", "Quagga -Fahrradkorb"),
            ("Quagga -Diab", "Quagga -Fahr"),
            ("Quagga -Diab*", "Quagga -Fahr*"),
            ("Quagga -\"Diabetes\"", "Quagga -\"Fahrradkorb\""),
            ("Quagga OR Diabetes", "Quagga OR Fahrradkorb"),
            ("Diabetes OR Quagga", "Fahrradkorb OR Quagga"),
            ("\"Quagga Diabetes\"", "\"Quagga Fahrradkorb\""),
            ("Quagga Diab*", "Quagga Fahr*"),
            ("Quagga Diab", "Quagga Fahr"),
            ("Quagga Okapi", "Quagga Wombat"),
            ("Diabetes", "Fahrradkorb"),
        ];
        foreach (var (reader, client) in await ReadersAsync("koeln"))
        {
            foreach (var (withHidden, withNowhere) in pairs)
            {
                var a = (await TitlesAsync(client, "?q=" + Uri.EscapeDataString(withHidden))).Contains(hidden);
                var b = (await TitlesAsync(client, "?q=" + Uri.EscapeDataString(withNowhere))).Contains(hidden);
                Assert.True(a == b, $"{reader}: \"{withHidden}\" {(a ? "finds" : "hides")} the listing, \"{withNowhere}\" {(b ? "finds" : "hides")} it.");
            }

            // A minus word looks at what the reader sees: the title of the one, title and description of the other.
            var titles = await TitlesAsync(client, "?q=" + Uri.EscapeDataString("Quagga -Diabetes"));
            Assert.Contains(hidden, titles);
            Assert.DoesNotContain(open, titles);
            Assert.DoesNotContain(hidden, await TitlesAsync(client, "?q=" + Uri.EscapeDataString("Quagga -Zimmer")));
            Assert.Contains(open, await TitlesAsync(client, "?q=Diabetes"));
        }
    }

    [Fact]
    public async Task OfficeMode_FiltersOnLanguageOrPoster_DoNotDependOnWhatTheCardHides()
    {
        const string hidden = "Zebu-Wohnung gesucht";
        await app.CreateListingAsync("potsdam", "potsdam-mitglied", ListingType.Request, hidden, "wohnung", l => l.Languages = ",de,ar,");
        const string open = "Zebu-Kommode abzugeben";
        await app.CreateListingAsync("potsdam", "potsdam-mitglied", ListingType.Offer, open, "moebel", l => l.Languages = ",de,ar,");

        foreach (var (reader, client) in await ReadersAsync("potsdam"))
        {
            Assert.Equal(
                (await TitlesAsync(client, "?q=Zebu&language=ar")).Contains(hidden),
                (await TitlesAsync(client, "?q=Zebu&language=fa")).Contains(hidden));
            Assert.Equal(
                (await TitlesAsync(client, "?q=Zebu&poster=person")).Contains(hidden),
                (await TitlesAsync(client, "?q=Zebu&poster=Association")).Contains(hidden));
            Assert.Equal(
                (await TitlesAsync(client, "?language=ar")).Contains(hidden),
                (await TitlesAsync(client, "?language=fa")).Contains(hidden));

            // Fields the card shows still filter, and the filters still work where the card shows the field.
            Assert.Contains(hidden, await TitlesAsync(client, "?q=Zebu&type=Request"));
            Assert.Contains(open, await TitlesAsync(client, "?q=Zebu&language=ar"));
            Assert.DoesNotContain(open, await TitlesAsync(client, "?q=Zebu&language=fa"));
            Assert.Contains(open, await TitlesAsync(client, "?q=Zebu&poster=person"));
            Assert.True((await TitlesAsync(client, "?q=Zebu")).Contains(hidden), reader);
        }
    }

    [Theory]
    [InlineData("?p=2147483647")]
    [InlineData("?q=Sessel&p=2147483647")]
    [InlineData("?p=-2147483648")]
    [InlineData("?q=Sessel%00")]
    [InlineData("?q=%00")]
    [InlineData("?q=Ses%00sel&language=de&poster=person")]
    [InlineData("?q=-Sessel&p=2")]
    [InlineData("?q=a+-b&sort=Ending")]
    public async Task OddPagesAndBytes_GiveANormalPage(string query)
    {
        var response = await app.TownClient("erlangen").GetAsync("/listings" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-testid=result-count]"));
    }

    [Fact]
    public async Task Search_FindsWordsInsideCompounds_AndOtherWordForms()
    {
        // Categories that do not carry the word, so only the text can find them.
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Damenfahrrad 28 Zoll, Xerus-Edition", categoryKey: "moebel");
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Xerus-Fahrrad mit Korb", categoryKey: "kleidung");
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Xerus-Kinderfahrräder, zwei Stück", categoryKey: "sport");
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Xerus-Deutschkurs am Abend", categoryKey: "kultur");
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Xerus: Deutsch-Kurs für Eltern", categoryKey: "kultur");
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: "Xerus-Bücherkiste", categoryKey: "kultur",
            configure: l => l.Description = "Romane und Kochbücher, auch ein Wörterbuch.");
        var client = app.TownClient("erlangen");

        var fahrrad = await TitlesAsync(client, "?q=Fahrrad");
        Assert.Contains("Damenfahrrad 28 Zoll, Xerus-Edition", fahrrad);
        Assert.Contains("Xerus-Fahrrad mit Korb", fahrrad);
        Assert.Contains("Xerus-Kinderfahrräder, zwei Stück", fahrrad);

        var plural = await TitlesAsync(client, "?q=Fahrr%C3%A4der");
        Assert.Contains("Xerus-Fahrrad mit Korb", plural);
        Assert.Contains("Damenfahrrad 28 Zoll, Xerus-Edition", plural);
        Assert.Contains("Xerus-Kinderfahrräder, zwei Stück", plural);
        Assert.Equal(["Damenfahrrad 28 Zoll, Xerus-Edition"], await TitlesAsync(client, "?q=xerus+fahrrad+28"));
        Assert.Equal(["Damenfahrrad 28 Zoll, Xerus-Edition"], await TitlesAsync(client, "?q=DAMENFAHRR%C3%84DER+xerus"));

        Assert.Equal(["Xerus-Deutschkurs am Abend", "Xerus: Deutsch-Kurs für Eltern"],
            (await TitlesAsync(client, "?q=xerus+deutschkurs")).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["Xerus-Deutschkurs am Abend", "Xerus: Deutsch-Kurs für Eltern"],
            (await TitlesAsync(client, "?q=xerus+Deutschkurse")).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["Xerus-Bücherkiste"], await TitlesAsync(client, "?q=xerus+buch"));
        Assert.Equal(["Xerus-Bücherkiste"], await TitlesAsync(client, "?q=xerus+W%C3%B6rterb%C3%BCcher"));
        Assert.Empty(await TitlesAsync(client, "?q=xerus+Fahrradkorb"));
    }

    [Fact]
    public async Task Search_ForACategorysName_FindsItsListings_AndThoseOfItsSubCategories()
    {
        await app.CreateListingAsync("potsdam", "potsdam-mitglied", title: "Wapiti: Termin am Dienstag", categoryKey: "dolmetschen",
            configure: l => l.Description = "Arabisch und Deutsch, etwa eine Stunde.");
        await app.CreateListingAsync("potsdam", "potsdam-mitglied", title: "Wapiti: Regal", categoryKey: "moebel");
        var client = app.TownClient("potsdam");

        Assert.Equal(["Wapiti: Termin am Dienstag"], await TitlesAsync(client, "?q=Wapiti+Dolmetschen"));
        // The parent category "Sprache & Übersetzung"; a name in the reader's language.
        Assert.Equal(["Wapiti: Termin am Dienstag"], await TitlesAsync(client, "?q=Wapiti+Sprache"));
        Assert.Equal(["Wapiti: Termin am Dienstag"], await TitlesAsync(client, "?q=Wapiti+interpreting&culture=en"));
        Assert.Empty(await TitlesAsync(client, "?q=Wapiti+interpreting"));
        // A word begins a word of the name: "Kinder" is not the "kind" of "Donations in kind" (Sachspenden, the parent of Möbel).
        Assert.Empty(await TitlesAsync(client, "?q=Wapiti+Kinder"));
        Assert.Empty(await TitlesAsync(client, "?q=Wapiti+spenden"));
        Assert.Equal(["Wapiti: Regal"], await TitlesAsync(client, "?q=Wapiti+M%C3%B6bel"));
        Assert.Equal(["Wapiti: Regal"], await TitlesAsync(client, "?q=Wapiti+-Dolmetschen"));
        Assert.Empty(await TitlesAsync(client, "?q=Wapiti+Fahrdienst"));
    }

    [Fact]
    public async Task OfficeMode_WordsInsideCompounds_AreFoundInTheTitleOnly_ButTheCategoryNameCounts()
    {
        const string title = "Kudu-Zimmer mit Fahrradkeller";
        await app.CreateListingAsync("erlangen", "erlangen-mitglied", title: title, categoryKey: "zimmer",
            configure: l => l.Description = "Nähe Klinikum, im Dachgeschoss, Gemeinschaftsküche.");
        foreach (var (reader, client) in await ReadersAsync("erlangen"))
        {
            Assert.True((await TitlesAsync(client, "?q=kudu+fahrrad")).Contains(title), reader);
            Assert.True((await TitlesAsync(client, "?q=kudu+Fahrr%C3%A4der")).Contains(title), reader);
            Assert.True((await TitlesAsync(client, "?q=kudu+Zimmer")).Contains(title), reader);
            Assert.True((await TitlesAsync(client, "?q=kudu+Wohnen")).Contains(title), reader);
            Assert.False((await TitlesAsync(client, "?q=kudu+dachgeschoss")).Contains(title), reader);
            Assert.False((await TitlesAsync(client, "?q=kudu+klinik")).Contains(title), reader);
            Assert.False((await TitlesAsync(client, "?q=kudu+k%C3%BCche")).Contains(title), reader);
            Assert.True((await TitlesAsync(client, "?q=kudu+-klinik")).Contains(title), reader);
        }
    }
}
