using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using CsvHelper;
using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Gaps;

/// <summary>
/// The public side of gaps: /gaps, /gaps.csv, /gaps.atom and the effect report's outcome indicators. Each test makes a town
/// of its own and writes its weekly aggregates straight to it, so the demo towns' history never counts.
/// </summary>
[Trait("Category", "Database")]
public sealed class PublicGapsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private sealed record Town(string Slug, string Name, int Housing, int Clothing, string HousingName, string ClothingName, int North, int South);

    /// <summary>The last complete week of a town in Europe/Berlin, as the pages compute it.</summary>
    private static DateOnly LastWeek =>
        TownClock.WeekStartOf(TownClock.ZoneOf(Tenant.DefaultTimeZone), DateTimeOffset.UtcNow).AddDays(-7);

    private async Task<Town> TownAsync()
    {
        var slug = "luecken" + Guid.NewGuid().ToString("N")[..8];
        var name = "Lückenstadt " + slug[^8..];
        await app.InTownAsync(null, db =>
        {
            db.Tenants.Add(new Tenant { Slug = slug, Name = name, ContactEmail = $"kontakt@{slug}.example", CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        return await app.InTownAsync(slug, async db =>
        {
            var housing = new Category { Key = "wohnen", Names = TranslatedText.InGerman("Wohnen " + slug), SortOrder = 1 };
            var clothing = new Category { Key = "kleidung", Names = TranslatedText.InGerman("Kleidung " + slug), SortOrder = 2 };
            var north = new District { Name = "Nord " + slug, SortOrder = 1 };
            var south = new District { Name = "Süd " + slug, SortOrder = 2 };
            db.AddRange(housing, clothing, north, south);
            await db.SaveChangesAsync();
            return new Town(slug, name, housing.Id, clothing.Id, housing.Names.In("de"), clothing.Names.In("de"), north.Id, south.Id);
        });
    }

    private static WeeklySupply Supply(DateOnly week, int category, int district, ListingType side, int open, int stale = 0, int published = 0,
        int matched = 0, int within7 = 0, int expired = 0) =>
        new()
        {
            WeekStart = week, CategoryId = category, DistrictId = district, Side = side, OpenAtWeekEnd = open, StaleAtWeekEnd = stale,
            Published = published, Matched = matched, MatchedWithin7Days = within7, ExpiredUnmatched = expired,
        };

    private Task AddAsync(Town town, params WeeklySupply[] rows) =>
        app.InTownAsync(town.Slug, db =>
        {
            db.WeeklySupplies.AddRange(rows);
            return db.SaveChangesAsync();
        });

    /// <summary>A housing gap in the north (5 requests waiting, no offer anywhere) and 2 clothing requests in the south beside 4 offers.</summary>
    private Task GapAndSmallCellAsync(Town town, DateOnly week) =>
        AddAsync(town,
            Supply(week, town.Housing, town.North, ListingType.Request, open: 5, stale: 5, published: 5),
            Supply(week, town.Clothing, town.South, ListingType.Request, open: 2, published: 2, matched: 2, within7: 2),
            Supply(week, town.Clothing, town.South, ListingType.Offer, open: 4, published: 4));

    [Fact]
    public async Task GapsPage_ShowsTheGapCell_AndFewerThan3_ForACellWithTwoRequests()
    {
        var town = await TownAsync();
        await GapAndSmallCellAsync(town, LastWeek);

        var page = await app.TownClient(town.Slug).GetPageAsync("/gaps");

        var gap = page.QuerySelector("[data-testid=gap-cell]")!;
        Assert.Equal(town.Housing.ToString(), gap.GetAttribute("data-category"));
        Assert.Equal(town.North.ToString(), gap.GetAttribute("data-district"));
        Assert.Contains("5", gap.QuerySelector("[data-testid=cell-requests]")!.TextContent);
        Assert.Single(page.QuerySelectorAll("[data-testid=gap-cell]"));

        var small = page.QuerySelector($"[data-testid=public-cell][data-category='{town.Clothing}'][data-district='{town.South}']")!;
        var requests = small.QuerySelector("[data-testid=cell-requests]")!.TextContent;
        Assert.Contains("weniger als 3", requests);
        Assert.DoesNotContain("2", requests);
        Assert.Contains("4", small.QuerySelector("[data-testid=cell-offers]")!.TextContent);
        // The number is nowhere on the page as a count of requests, and there are no totals to subtract from.
        Assert.DoesNotContain("Gesuche: 2", page.Body!.TextContent);
        Assert.Contains(PublicGaps.IsoWeek(LastWeek), page.TestId("gaps-week"));
        Assert.Equal("/gaps.atom", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("a[data-testid=gaps-csv-link][href='/gaps.csv']"));
        Assert.NotNull(page.QuerySelector("a[data-testid=footer-gaps][href='/gaps']"));
    }

    [Fact]
    public async Task GapCell_OfferLink_CarriesCategoryAndDistrict_AndTheFormPreselectsThem()
    {
        var town = await TownAsync();
        await GapAndSmallCellAsync(town, LastWeek);
        var page = await app.TownClient(town.Slug).GetPageAsync("/gaps");

        var href = page.QuerySelector("[data-testid=gap-cell] a[data-testid=gap-offer-link]")!.GetAttribute("href");
        Assert.Equal($"/listings/new?type=Offer&category={town.Housing}&district={town.North}", href);

        // The same parameters on a town with a member account: the form opens with them chosen, without JavaScript.
        var (category, district) = await app.InTownAsync("erlangen", async db =>
            (await db.Categories.Where(c => c.ParentId == null && !c.IsRetired).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                await db.Districts.OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync()));
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");
        var form = await member.GetPageAsync($"/listings/new?type=Offer&category={category}&district={district}");
        Assert.True(form.QuerySelector("[data-testid=type-offer]")!.HasAttribute("checked"));
        Assert.Equal(category.ToString(), form.QuerySelector("[data-testid=listing-category-select] option[selected]")!.GetAttribute("value"));
        Assert.Equal(district.ToString(), form.QuerySelector("[data-testid=listing-district-select] option[selected]")!.GetAttribute("value"));
    }

    private static List<string[]> Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        using var reader = CsvReader.Create(new StringReader(text), new CsvReaderOptions { Separator = ';', HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }

    [Fact]
    public async Task GapsCsv_HasHeader_HxlRow_RowsNewestFirst_AndSuppressesSmallCounts()
    {
        var town = await TownAsync();
        var last = LastWeek;
        await GapAndSmallCellAsync(town, last);
        await AddAsync(town,
            Supply(last.AddDays(-7), town.Housing, town.North, ListingType.Request, open: 3, published: 7, expired: 1),
            // The current week is not complete: it is never exported.
            Supply(last.AddDays(7), town.Housing, town.North, ListingType.Request, open: 9, published: 9));

        var response = await app.TownClient(town.Slug).GetAsync("/gaps.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("Woche", rows[0][0]);
        Assert.Equal(GapsCsv.Hashtags, rows[1]);
        Assert.Contains("#adm2+name", rows[1]);
        Assert.Contains("#sector+name", rows[1]);
        Assert.Contains("#indicator+matched+num", rows[1]);
        var data = rows.Skip(2).ToList();
        Assert.Equal(3, data.Count);
        Assert.All(data.Take(2), r => Assert.Equal(PublicGaps.IsoWeek(last), r[0]));
        Assert.Equal(PublicGaps.IsoWeek(last.AddDays(-7)), data[2][0]);
        Assert.Equal(last.AddDays(-7).ToString("yyyy-MM-dd"), data[2][1]);

        var housing = data[0];
        Assert.Equal([PublicGaps.IsoWeek(last), last.ToString("yyyy-MM-dd"), town.Name, town.HousingName, "Nord " + town.Slug, "5", "5", "0", "0", "0", "0"], housing);
        var clothing = data[1];
        Assert.Equal([town.ClothingName, "Süd " + town.Slug, "<3", "<3", "4", "4", "<3", "0"], clothing[3..]);
        Assert.Equal(["7", "3", "0", "0", "0", "<3"], data[2][5..]);

        var range = Parse(await app.TownClient(town.Slug).GetByteArrayAsync($"/gaps.csv?from={PublicGaps.IsoWeek(last)}&to={PublicGaps.IsoWeek(last)}"));
        Assert.Equal(2, range.Count - 2);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.TownClient(town.Slug).GetAsync("/gaps.csv?from=letzte-woche")).StatusCode);
    }

    private async Task<SyndicationFeed> FeedAsync(string slug)
    {
        var response = await app.TownClient(slug).GetAsync("/gaps.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public async Task GapsFeed_ShowsANewGapOnce_NotAContinuingOne_WithStableIds()
    {
        var town = await TownAsync();
        var last = LastWeek;
        var before = last.AddDays(-7);
        await AddAsync(town,
            Supply(before, town.Housing, town.North, ListingType.Request, open: 4, stale: 4),
            Supply(last, town.Housing, town.North, ListingType.Request, open: 6, stale: 6),
            Supply(last, town.Clothing, town.South, ListingType.Request, open: 2, stale: 2));

        var feed = await FeedAsync(town.Slug);

        var ids = feed.Items.Select(i => i.Id).ToList();
        var host = $"{town.Slug}.localhost";
        Assert.Equal(
        [
            $"tag:{host},{last:yyyy-MM-dd}:gaps/{PublicGaps.IsoWeek(last)}/category-{town.Clothing}/district-{town.South}",
            $"tag:{host},{before:yyyy-MM-dd}:gaps/{PublicGaps.IsoWeek(before)}/category-{town.Housing}/district-{town.North}",
        ], ids);
        var clothing = feed.Items.First();
        Assert.Contains("weniger als 3", ((TextSyndicationContent)clothing.Content).Text);
        Assert.DoesNotContain("2 offene", ((TextSyndicationContent)clothing.Content).Text);
        Assert.Equal($"http://{host}/gaps", clothing.Links.Single().Uri.ToString());
        Assert.Equal(ids, (await FeedAsync(town.Slug)).Items.Select(i => i.Id).ToList());
    }

    [Fact]
    public async Task GapsPageCsvAndFeed_ShowOnlyTheirOwnTown()
    {
        var a = await TownAsync();
        var b = await TownAsync();
        await AddAsync(a, Supply(LastWeek.AddDays(-7), a.Housing, a.North, ListingType.Request, open: 0),
            Supply(LastWeek, a.Housing, a.North, ListingType.Request, open: 5, stale: 5));
        await AddAsync(b, Supply(LastWeek.AddDays(-7), b.Housing, b.North, ListingType.Request, open: 0),
            Supply(LastWeek, b.Housing, b.North, ListingType.Request, open: 7, stale: 7));

        foreach (var (own, other) in new[] { (a, b), (b, a) })
        {
            var client = app.TownClient(own.Slug);
            var page = (await client.GetPageAsync("/gaps")).Body!.TextContent;
            var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/gaps.csv"));
            var feed = await client.GetStringAsync("/gaps.atom");
            foreach (var text in new[] { page, csv, feed })
            {
                Assert.Contains(own.HousingName, text);
                Assert.DoesNotContain(other.HousingName, text);
                Assert.DoesNotContain(other.Slug, text);
            }
        }
    }

    [Fact]
    public async Task EffectReport_ShowsShareMatchedWithin7Days_AndGapWeeksPerCategory()
    {
        var town = await TownAsync();
        await AddAsync(town,
            Supply(new DateOnly(2025, 3, 3), town.Housing, town.North, ListingType.Request, open: 3, stale: 3, matched: 4, within7: 3),
            Supply(new DateOnly(2025, 3, 3), town.Housing, town.South, ListingType.Request, open: 1, stale: 1),
            Supply(new DateOnly(2025, 3, 10), town.Housing, town.North, ListingType.Request, open: 1, stale: 1, matched: 1, within7: 1),
            Supply(new DateOnly(2025, 3, 10), town.Clothing, town.South, ListingType.Request, open: 2, stale: 2),
            // Offers are not requests: their matches do not count.
            Supply(new DateOnly(2025, 3, 10), town.Clothing, town.North, ListingType.Offer, open: 0, matched: 9, within7: 0),
            // A week starting in 2024 belongs to the 2024 report.
            Supply(new DateOnly(2024, 12, 30), town.Housing, town.North, ListingType.Request, open: 2, stale: 2, matched: 10));

        var townId = await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == town.Slug).Select(t => t.Id).SingleAsync());
        await using var scope = await app.Services.GetRequiredService<TenantScopeFactory>().CreateAsync(townId);
        var report = await scope.ServiceProvider.GetRequiredService<EffectReports>().ForYearAsync(2025);

        Assert.Equal(5, report.Outcomes.RequestsMatched);
        Assert.Equal(4, report.Outcomes.MatchedWithin7Days);
        Assert.Equal(80, report.Outcomes.SharePercent);
        Assert.Equal([(town.Housing, 2), (town.Clothing, 1)], report.Outcomes.GapWeeks.Select(g => (g.CategoryId, g.Weeks)));

        var office = await app.SignedInAsync("erlangen", "erlangen-koordination");
        var page = await office.GetPageAsync("/coordination/effects");
        Assert.NotNull(page.QuerySelector("[data-testid=effects-matched-within-7]"));
        Assert.NotNull(page.QuerySelector("[data-testid=effects-gap-weeks]"));
    }
}
