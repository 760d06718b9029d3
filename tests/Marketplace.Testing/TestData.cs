using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Testing;

/// <summary>Rows that tests need as a starting point, written straight to the database of a town.</summary>
public static class TestData
{
    public static Task<string> UserIdAsync(this MarketplaceFactory app, string userName) =>
        app.InTownAsync(null, db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static Task<Guid> TownIdAsync(this MarketplaceFactory app, string slug) =>
        app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());

    /// <summary>A published listing of the given town, posted by the given user; returns its id.</summary>
    public static Task<int> CreateListingAsync(this MarketplaceFactory app, string slug, string posterUserName,
        ListingType type = ListingType.Offer, string title = "Kinderfahrrad zu verschenken", string categoryKey = "fahrraeder",
        Action<Listing>? configure = null) =>
        app.InTownAsync(slug, async db =>
        {
            var listing = new Listing
            {
                Type = type,
                Status = ListingStatus.Published,
                Title = title,
                Description = "Gut erhalten, bitte selbst abholen.",
                PosterUserId = await db.Users.Where(u => u.UserName == posterUserName).Select(u => u.Id).SingleAsync(),
                CategoryId = await db.Categories.Where(c => c.Key == categoryKey).Select(c => c.Id).SingleAsync(),
                DistrictId = await db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync(),
                Languages = ",de,",
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                PublishedAt = DateTimeOffset.UtcNow,
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(28),
            };
            configure?.Invoke(listing);
            db.Listings.Add(listing);
            await db.SaveChangesAsync();
            return listing.Id;
        });
}
