using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>The demo towns look like a living marketplace: every category and district in use, all states present.</summary>
[Trait("Category", "Database")]
public sealed class DemoListingsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static readonly string[] Slugs = DemoData.Towns.Select(t => t.Slug).ToArray();

    private sealed record TownListings(
        int Count, HashSet<string> CategoryKeys, int DistrictCount, HashSet<int> UsedDistricts,
        Dictionary<ListingStatus, int> ByStatus, int FromOrganisations, int Arabic, int Offers, int Requests,
        int Matches, int Conversations, int Messages, int ApprovedOrganisations, int PendingOrganisations);

    private Task<TownListings> ReadAsync(string slug) => app.InTownAsync(slug, async db =>
    {
        var listings = await db.Listings.Select(l => new
        {
            l.Title, l.Description, l.Status, l.Type, l.DistrictId, l.OrganisationId, CategoryKey = l.Category!.Key,
        }).ToListAsync();
        return new TownListings(
            listings.Count,
            listings.Select(l => l.CategoryKey).ToHashSet(),
            await db.Districts.CountAsync(),
            listings.Select(l => l.DistrictId).ToHashSet(),
            listings.GroupBy(l => l.Status).ToDictionary(g => g.Key, g => g.Count()),
            listings.Count(l => l.OrganisationId is not null),
            listings.Count(l => (l.Title + l.Description).Any(c => c is >= '\u0600' and <= '\u06FF')),
            listings.Count(l => l.Type == ListingType.Offer),
            listings.Count(l => l.Type == ListingType.Request),
            await db.Matches.CountAsync(),
            await db.Conversations.CountAsync(),
            await db.Messages.CountAsync(),
            await db.Organisations.CountAsync(o => o.Status == OrganisationStatus.Approved),
            await db.Organisations.CountAsync(o => o.Status == OrganisationStatus.Pending));
    });

    [Fact]
    public async Task DemoTowns_HaveAtLeast150Listings_InTotal()
    {
        var total = 0;
        foreach (var slug in Slugs)
        {
            total += (await ReadAsync(slug)).Count;
        }

        Assert.True(total >= 150, $"{total} demo listings");
    }

    [Theory]
    [InlineData("erlangen")]
    [InlineData("potsdam")]
    [InlineData("koeln")]
    public async Task EveryCategoryAndDistrict_HasAListing(string slug)
    {
        var town = await ReadAsync(slug);

        var missing = DefaultCategories.Build().Select(c => c.Key).Except(town.CategoryKeys).ToList();
        Assert.True(missing.Count == 0, "no listing in " + string.Join(", ", missing));
        Assert.Equal(town.DistrictCount, town.UsedDistricts.Count);
    }

    [Theory]
    [InlineData("erlangen")]
    [InlineData("potsdam")]
    [InlineData("koeln")]
    public async Task DemoListings_ShowEveryState_OrganisationsAndArabicTexts(string slug)
    {
        var town = await ReadAsync(slug);

        Assert.True(town.ByStatus.GetValueOrDefault(ListingStatus.Published) > town.Count / 2);
        Assert.True(town.ByStatus.GetValueOrDefault(ListingStatus.Expired) >= 3);
        Assert.True(town.ByStatus.GetValueOrDefault(ListingStatus.Fulfilled) >= 3);
        Assert.True(town.ByStatus.GetValueOrDefault(ListingStatus.Paused) >= 1);
        Assert.True(town.ByStatus.GetValueOrDefault(ListingStatus.Draft) >= 1);
        Assert.Equal(town.ByStatus.GetValueOrDefault(ListingStatus.Fulfilled), town.Matches);
        Assert.True(town.Offers >= 10 && town.Requests >= 10);
        Assert.True(town.FromOrganisations >= 3);
        Assert.True(town.Arabic >= 2);
        Assert.True(town.ApprovedOrganisations >= 2);
        Assert.Equal(1, town.PendingOrganisations);
        Assert.True(town.Conversations >= 2);
        Assert.InRange(town.Messages, 2 * town.Conversations, 4 * town.Conversations);
    }

    [Fact]
    public async Task PublishedListings_RunFor28DaysOrWereRenewedOnce_AndExpiredOnesAreInThePast()
    {
        var now = DateTimeOffset.UtcNow;
        var listings = await app.InTownAsync("erlangen", db => db.Listings
            .Select(l => new { l.Status, l.PublishedAt, l.ExpiresAt, l.FulfilledAt }).ToListAsync());

        // The gap demo's idle offers and long waits (Data/DemoGaps) were renewed once: a second run of 28 days.
        Assert.All(listings.Where(l => l.Status == ListingStatus.Published), l =>
        {
            Assert.InRange(l.PublishedAt!.Value, now.AddDays(-56), now);
            Assert.Contains(l.ExpiresAt, new DateTimeOffset?[] { l.PublishedAt.Value.AddDays(28), l.PublishedAt.Value.AddDays(56) });
            Assert.True(l.ExpiresAt > now);
        });
        Assert.All(listings.Where(l => l.Status == ListingStatus.Expired), l => Assert.True(l.ExpiresAt < now));
        Assert.All(listings.Where(l => l.Status == ListingStatus.Fulfilled), l => Assert.InRange(l.FulfilledAt!.Value, l.PublishedAt!.Value, now));
        Assert.All(listings.Where(l => l.Status == ListingStatus.Draft), l => Assert.Null(l.PublishedAt));
    }

    [Fact]
    public async Task OrganisationListings_ArePostedByAnAdminOfTheApprovedOrganisation()
    {
        var rows = await app.InTownAsync("potsdam", db => db.Listings.Where(l => l.OrganisationId != null)
            .Select(l => new
            {
                Approved = l.Organisation!.Status == OrganisationStatus.Approved,
                PosterIsAdmin = db.OrganisationMembers.Any(m => m.OrganisationId == l.OrganisationId && m.UserId == l.PosterUserId && m.Role == OrganisationRole.Admin),
            }).ToListAsync());

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.Approved && r.PosterIsAdmin));
    }

    [Fact]
    public async Task ListingTexts_NameNoStreet()
    {
        var streetWords = new System.Text.RegularExpressions.Regex(@"(straße|strasse|str\.|weg \d|platz \d|allee|gasse)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        foreach (var slug in Slugs)
        {
            var texts = await app.InTownAsync(slug, db => db.Listings.Select(l => l.Title + " " + l.Description + " " + l.MeetingPoint).ToListAsync());
            Assert.DoesNotContain(texts, t => streetWords.IsMatch(t));
        }
    }
}
