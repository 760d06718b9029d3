using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// Half a year of supply and demand for a demo town's gap view, with the patterns a coordination office meets: housing
/// requests in one district that nobody serves (a gap), clothing donations nobody asks for (a surplus), accompaniment
/// in another district matched only after weeks, and the rest matched within days. The history is facts only (keys
/// below zero stand for listings long gone); the town's real demo listings get the facts their state implies, and a
/// few real listings make the current week show the same patterns, so the office can drill down to them.
/// Written once per town (only while it has no facts), from a Random seeded by the slug.
/// </summary>
internal static class DemoGaps
{
    public const int HistoryWeeks = 26;

    /// <summary>The district (by position in <see cref="DemoData.Town.Districts"/>) where housing requests go unserved.</summary>
    public const int HousingGapDistrict = 1;

    /// <summary>The district where accompaniment is matched slowly.</summary>
    public const int SlowAccompanimentDistrict = 3;

    private sealed record CategoryRow(int Id, string Key, int? ParentId);

    public static async Task SeedAsync(AppDbContext db, DemoData.Town town, DateTimeOffset now)
    {
        if (await db.SupplyFacts.AnyAsync())
        {
            return;
        }

        var zone = TownClock.ZoneOf(await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.TimeZoneId).SingleAsync());
        var categories = await db.Categories.AsNoTracking().Select(c => new CategoryRow(c.Id, c.Key, c.ParentId)).ToDictionaryAsync(c => c.Key);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => d.Id).ToListAsync();
        if (districts.Count <= SlowAccompanimentDistrict || !categories.ContainsKey("wohnung") || !categories.ContainsKey("kleidung"))
        {
            return;
        }

        var member = await db.Memberships.AsNoTracking().Where(m => m.User!.UserName == $"{town.Slug}-mitglied").Select(m => m.UserId).SingleAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var current = CurrentListings(town, now, categories, districts, member);
        db.Listings.AddRange(current);
        await db.SaveChangesAsync();

        var byId = categories.Values.ToDictionary(c => c.Id);
        var facts = new List<SupplyFact>();
        facts.AddRange(FactsOfRealListings(await db.Listings.AsNoTracking().ToListAsync(), byId, zone));
        facts.AddRange(History(new Random(StableSeed(town.Slug)), now, zone, categories, districts));
        db.SupplyFacts.AddRange(facts);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Real listings behind this week's patterns: waiting housing requests, idle clothing offers, slow accompaniment.</summary>
    private static List<Listing> CurrentListings(DemoData.Town town, DateTimeOffset now, IReadOnlyDictionary<string, CategoryRow> categories,
        IReadOnlyList<int> districts, string poster)
    {
        Listing Make(ListingType type, string category, int district, int daysAgo, string title, string description, int lifetimeDays = 28) => new()
        {
            Type = type,
            Status = ListingStatus.Published,
            CategoryId = categories[category].Id,
            DistrictId = districts[district],
            PosterUserId = poster,
            Title = title,
            Description = description,
            Languages = ",de,",
            CreatedAt = now.AddDays(-daysAgo),
            UpdatedAt = now.AddDays(-daysAgo),
            PublishedAt = now.AddDays(-daysAgo),
            ExpiresAt = now.AddDays(-daysAgo + lifetimeDays),
        };

        var home = town.Districts[HousingGapDistrict];
        return
        [
            Make(ListingType.Request, "wohnung", HousingGapDistrict, 9, $"Familie sucht Wohnung in {home}",
                $"Eine Familie mit zwei Kindern sucht eine Zwei- bis Dreizimmerwohnung in {home}, gern mit Anbindung an die Schule."),
            Make(ListingType.Request, "wohnung", HousingGapDistrict, 12, $"Zimmer für Auszubildenden in {home}",
                $"Ein junger Mann mit Ausbildungsplatz sucht ein Zimmer in {home} oder in der Nähe."),
            Make(ListingType.Request, "zimmer", HousingGapDistrict, 16, $"Ruhiges Zimmer für eine Studentin in {home}",
                $"Eine Studentin aus Syrien sucht ein ruhiges Zimmer in {home}, ab sofort."),
            Make(ListingType.Request, "wohnung", HousingGapDistrict, 20, $"Wohnung für ein älteres Ehepaar in {home}",
                $"Ein Ehepaar sucht eine kleine Wohnung im Erdgeschoss in {home}.", lifetimeDays: 56),
            Make(ListingType.Offer, "kleidung", 0, 40, "Kinderkleidung Größe 98–128 abzugeben",
                "Zwei Kartons gut erhaltene Kinderkleidung, abzuholen nach Absprache.", lifetimeDays: 56),
            Make(ListingType.Offer, "kleidung", 2, 36, "Winterjacken für Erwachsene",
                "Fünf warme Winterjacken in den Größen M bis XL.", lifetimeDays: 56),
            Make(ListingType.Request, "behoerden", SlowAccompanimentDistrict, 18, "Begleitung zur Ausländerbehörde",
                "Ich brauche Begleitung zu einem Termin bei der Ausländerbehörde, am liebsten mit Arabischkenntnissen.", lifetimeDays: 56),
        ];
    }

    /// <summary>The facts the demo listings' states imply (they were written as rows, not through the recorder).</summary>
    private static IEnumerable<SupplyFact> FactsOfRealListings(IEnumerable<Listing> listings, IReadOnlyDictionary<int, CategoryRow> categories,
        TimeZoneInfo zone)
    {
        foreach (var listing in listings.Where(l => l.PublishedAt is not null))
        {
            SupplyFact Fact(SupplyEvent what, DateTimeOffset at, bool closes) =>
                NewFact(what, listing.Type, categories[listing.CategoryId], listing.DistrictId, listing.DayParts, at, listing.Id, closes);

            yield return Fact(SupplyEvent.Published, listing.PublishedAt!.Value, closes: false);
            switch (listing.Status)
            {
                case ListingStatus.Fulfilled when listing.FulfilledAt is { } at:
                    var matched = Fact(SupplyEvent.Matched, at, closes: true);
                    if (listing.Type == ListingType.Request)
                    {
                        matched.DaysToMatch = TownClock.DateOf(zone, at).DayNumber - TownClock.DateOf(zone, listing.PublishedAt.Value).DayNumber;
                    }

                    yield return matched;
                    break;
                case ListingStatus.Expired:
                    yield return Fact(SupplyEvent.ExpiredUnmatched, listing.ExpiresAt ?? listing.UpdatedAt, closes: true);
                    break;
                case ListingStatus.Closed or ListingStatus.Paused:
                    yield return Fact(SupplyEvent.Withdrawn, listing.UpdatedAt, closes: true);
                    break;
            }
        }
    }

    /// <summary>Listings of the last half year that are gone now, week by week.</summary>
    private static List<SupplyFact> History(Random rng, DateTimeOffset now, TimeZoneInfo zone, IReadOnlyDictionary<string, CategoryRow> categories,
        IReadOnlyList<int> districts)
    {
        var facts = new List<SupplyFact>();
        var key = 0;
        var start = now.AddDays(-7 * HistoryWeeks);
        string[] everyday = ["moebel", "fahrraeder", "fahrdienst", "sprachcafe", "hausaufgabenhilfe", "dolmetschen", "begegnung", "jobsuche"];

        // One listing's life: published, then after some days matched (with the days to match), expired, or withdrawn.
        void Life(ListingType side, string category, int district, DateTimeOffset publishedAt, SupplyEvent end, int afterDays, bool contacted = false)
        {
            var row = categories[category];
            var listingKey = --key;
            // Two in three posters say when; the others leave it open.
            var parts = rng.Next(3) == 0 ? DayParts.None : (DayParts)rng.Next(1, 16);
            var endAt = publishedAt.AddDays(afterDays).AddHours(rng.Next(1, 10));
            if (endAt >= now.AddHours(-1))
            {
                // Still running would mean open today: what is open today are the real listings, which the office can open.
                return;
            }

            facts.Add(NewFact(SupplyEvent.Published, side, row, district, parts, publishedAt, listingKey, closes: false));

            if (contacted)
            {
                facts.Add(NewFact(SupplyEvent.Contacted, side, row, district, parts, publishedAt.AddHours(rng.Next(2, 30)), listingKey, closes: false));
            }

            var fact = NewFact(end, side, row, district, parts, endAt, listingKey, closes: true);
            if (end == SupplyEvent.Matched && side == ListingType.Request)
            {
                fact.DaysToMatch = TownClock.DateOf(zone, endAt).DayNumber - TownClock.DateOf(zone, publishedAt).DayNumber;
            }

            facts.Add(fact);
        }

        for (var week = 0; week < HistoryWeeks; week++)
        {
            var weekStart = start.AddDays(7 * week);
            DateTimeOffset Someday() => weekStart.AddHours(rng.Next(0, 7 * 24));

            // Housing in the gap district: asked for more and more, hardly ever served.
            for (var i = 0; i < 2 + week / 8; i++)
            {
                var served = rng.Next(8) == 0;
                Life(ListingType.Request, rng.Next(3) == 0 ? "zimmer" : "wohnung", districts[HousingGapDistrict], Someday(),
                    served ? SupplyEvent.Matched : SupplyEvent.ExpiredUnmatched, served ? rng.Next(25, 60) : 28);
            }

            // Clothing: given in plenty, asked for rarely; most offers run out untouched.
            for (var i = 0; i < 4; i++)
            {
                var taken = rng.Next(6) == 0;
                Life(ListingType.Offer, "kleidung", districts[rng.Next(districts.Count)], Someday(),
                    taken ? SupplyEvent.Matched : SupplyEvent.ExpiredUnmatched, taken ? rng.Next(3, 20) : 56, contacted: taken);
            }

            // Accompaniment: served everywhere, but slowly in one district.
            for (var i = 0; i < 2; i++)
            {
                var district = i == 0 ? SlowAccompanimentDistrict : rng.Next(districts.Count);
                Life(ListingType.Request, rng.Next(2) == 0 ? "behoerden" : "arztbesuche", districts[district], Someday(), SupplyEvent.Matched,
                    district == SlowAccompanimentDistrict ? rng.Next(15, 40) : rng.Next(1, 6));
            }

            // Everything else: asked for and offered, matched within days.
            for (var i = 0; i < 6; i++)
            {
                var category = everyday[rng.Next(everyday.Length)];
                var district = districts[rng.Next(districts.Count)];
                var withdrawn = rng.Next(10) == 0;
                Life(ListingType.Request, category, district, Someday(), withdrawn ? SupplyEvent.Withdrawn : SupplyEvent.Matched, rng.Next(0, 8));
                Life(ListingType.Offer, category, districts[rng.Next(districts.Count)], Someday(), SupplyEvent.Matched, rng.Next(1, 14), contacted: true);
            }
        }

        return facts;
    }

    private static SupplyFact NewFact(SupplyEvent what, ListingType side, CategoryRow category, int districtId, DayParts dayParts, DateTimeOffset at,
        int listingKey, bool closes) => new()
        {
            Event = what,
            Side = side,
            CategoryId = category.ParentId ?? category.Id,
            SubCategoryId = category.ParentId is null ? 0 : category.Id,
            DistrictId = districtId,
            DayParts = dayParts,
            At = at,
            ListingKey = listingKey,
            Closes = closes,
        };

    /// <summary>string.GetHashCode differs per process; the demo must not.</summary>
    private static int StableSeed(string slug) => slug.Aggregate(23, (hash, c) => unchecked(hash * 31 + c));
}
