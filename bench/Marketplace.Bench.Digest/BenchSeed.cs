using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Bench.Digest;

/// <summary>One town with the default categories, eight districts, the subscribers and a day's worth of new listings.</summary>
public static class BenchSeed
{
    public static async Task<Guid> SeedAsync(IServiceProvider services, int subscribers, int newListings)
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(20261124);
        var town = new Tenant { Slug = "digestbench", Name = "Digest-Stadt", ContactEmail = "kontakt@digestbench.example", CreatedAt = now };
        var scopes = services.GetRequiredService<TenantScopeFactory>();
        await using (var scope = scopes.CreateForNew(TenantInfo.Of(town)))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Tenants.Add(town);
            db.Districts.AddRange(Enumerable.Range(1, 8).Select(i => new District { Name = $"Stadtteil {i}", SortOrder = i }));
            db.Categories.AddRange(DefaultCategories.Build());
            await db.SaveChangesAsync();
        }

        await using var townScope = await scopes.CreateAsync(town.Id);
        var townDb = townScope.ServiceProvider.GetRequiredService<AppDbContext>();
        townDb.ChangeTracker.AutoDetectChangesEnabled = false;
        var districts = await townDb.Districts.Select(d => d.Id).ToListAsync();
        var categories = await townDb.Categories.Select(c => new { c.Id, c.ParentId }).ToListAsync();
        var topLevel = categories.Where(c => c.ParentId == null).Select(c => c.Id).ToList();
        var leaves = categories.Where(c => c.ParentId != null).Select(c => c.Id).ToList();

        var users = Enumerable.Range(1, subscribers).Select(i => new AppUser
        {
            UserName = $"abonnent{i:D5}", NormalizedUserName = $"ABONNENT{i:D5}",
            Email = $"abonnent{i:D5}@digest.example", NormalizedEmail = $"ABONNENT{i:D5}@DIGEST.EXAMPLE", EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString(), PreferredCulture = i % 4 == 0 ? "en" : "de", CreatedAt = now,
        }).ToList();
        foreach (var chunk in users.Chunk(1000))
        {
            townDb.Users.AddRange(chunk);
            townDb.Memberships.AddRange(chunk.Select(u => new TenantMembership { UserId = u.Id, Role = TownRole.Member, JoinedAt = now }));
            // Every subscriber's area has news: "all", or two top-level categories, or their district and two neighbours.
            townDb.DigestSubscriptions.AddRange(chunk.Select((u, i) => new DigestSubscription
            {
                UserId = u.Id,
                Frequency = DigestFrequency.Daily,
                CreatedAt = now.AddDays(-30),
                LastSentAt = now.AddDays(-1),
                CategoryIds = i % 3 == 1 ? topLevel.OrderBy(_ => random.Next()).Take(2).ToList() : [],
                DistrictIds = i % 3 == 2 ? districts.OrderBy(_ => random.Next()).Take(3).ToList() : [],
                IncludeOffers = i % 5 != 0,
            }));
            await townDb.SaveChangesAsync();
            townDb.ChangeTracker.Clear();
        }

        // The poster subscribes to nothing: a digest leaves out the subscriber's own listings, so a subscribing poster
        // would rightly get no digest and the count of mails would no longer equal the count of subscribers.
        var poster = new AppUser
        {
            UserName = "anbieter", NormalizedUserName = "ANBIETER", Email = "anbieter@digest.example", NormalizedEmail = "ANBIETER@DIGEST.EXAMPLE",
            EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = now,
        };
        townDb.Users.Add(poster);
        townDb.Memberships.Add(new TenantMembership { UserId = poster.Id, Role = TownRole.Member, JoinedAt = now });
        var listings = Enumerable.Range(1, newListings + 40).Select(i =>
        {
            var waiting = i > newListings;
            var published = waiting ? now.AddDays(-8 - random.Next(10)) : now.AddMinutes(-random.Next(1, 23 * 60));
            return new Listing
            {
                Type = waiting || i % 2 == 0 ? ListingType.Request : ListingType.Offer,
                Status = ListingStatus.Published,
                Title = waiting ? $"Gesucht seit Tagen: Hilfe Nr. {i}" : $"Neu: Angebot oder Gesuch Nr. {i}",
                Description = "Ein Beitrag für den Benchmark der Zusammenfassungen.",
                PosterUserId = poster.Id,
                CategoryId = leaves[random.Next(leaves.Count)],
                DistrictId = districts[random.Next(districts.Count)],
                CreatedAt = published, UpdatedAt = published, PublishedAt = published, ExpiresAt = now.AddDays(20),
            };
        }).ToList();
        townDb.Listings.AddRange(listings);
        await townDb.SaveChangesAsync();
        return town.Id;
    }
}
