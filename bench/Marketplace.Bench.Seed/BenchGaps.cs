using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Bench.Seed;

/// <summary>
/// Two years of supply facts in the report town for the gaps bench (issue 17): the lives of <see cref="ListingLives"/>
/// listings, about a thousand a week, each published and then matched, expired or withdrawn, some contacted or
/// proposed on the way. The facts stand for listings long gone (keys below zero), as the weekly build sees them.
/// </summary>
public static class BenchGaps
{
    public const int ListingLives = 100_000;
    public const int Weeks = 104;
    private const int BatchSize = 5000;

    /// <summary>Adds the facts in the current town's scope; returns how many.</summary>
    public static async Task<int> AddAsync(AppDbContext db, IReadOnlyList<(int Id, string Name)> districts, IReadOnlyList<(int Id, int? ParentId)> categories,
        Random rng, DateTimeOffset now)
    {
        var start = now.AddDays(-7 * Weeks);
        var span = now - start;
        var batch = new List<SupplyFact>(BatchSize + 8);
        var written = 0;
        for (var key = 1; key <= ListingLives; key++)
        {
            var side = rng.Next(2) == 0 ? ListingType.Request : ListingType.Offer;
            var (categoryId, parentId) = categories[rng.Next(categories.Count)];
            var district = districts[rng.Next(districts.Count)].Id;
            var parts = rng.Next(3) == 0 ? DayParts.None : (DayParts)rng.Next(1, 16);
            var published = start + span * rng.NextDouble();
            SupplyFact Fact(SupplyEvent what, DateTimeOffset at, bool closes) => new()
            {
                Event = what, Side = side, CategoryId = parentId ?? categoryId, SubCategoryId = parentId is null ? 0 : categoryId,
                DistrictId = district, DayParts = parts, At = at, ListingKey = -key, Closes = closes,
            };

            batch.Add(Fact(SupplyEvent.Published, published, closes: false));
            var roll = rng.Next(100);
            var matched = roll < (side == ListingType.Request ? 60 : 40);
            var days = matched ? (int)Math.Min(60, -Math.Log(1 - rng.NextDouble()) * 6) : roll < 85 ? 28 : rng.Next(1, 28);
            var end = published.AddDays(days).AddHours(rng.Next(1, 12));
            if (rng.Next(10) < 3)
            {
                batch.Add(Fact(SupplyEvent.Contacted, published.AddHours(rng.Next(1, 48)), closes: false));
            }

            if (matched && side == ListingType.Request && rng.Next(5) == 0)
            {
                batch.Add(Fact(SupplyEvent.Proposed, published + (end - published) / 2, closes: false));
            }

            if (end < now)
            {
                var closing = Fact(matched ? SupplyEvent.Matched : roll < 85 ? SupplyEvent.ExpiredUnmatched : SupplyEvent.Withdrawn, end, closes: true);
                if (matched && side == ListingType.Request)
                {
                    closing.DaysToMatch = days;
                }

                batch.Add(closing);
            }

            if (batch.Count >= BatchSize || key == ListingLives)
            {
                db.SupplyFacts.AddRange(batch);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                written += batch.Count;
                batch.Clear();
            }
        }

        return written;
    }
}
