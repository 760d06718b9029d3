using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Pages.Listings;

/// <summary>
/// What the listing and filter forms offer to choose from, all of the current town, plus the names result cards show
/// (<see cref="CardCategories"/> includes retired categories: their old listings stay readable).
/// </summary>
public sealed record ListingFormOptions(
    IReadOnlyList<ListingFormOptions.CategoryGroup> Categories,
    IReadOnlyList<(int Id, string Name)> Districts,
    IReadOnlyList<(int Id, string Name)> Organisations,
    IReadOnlyDictionary<int, (string Icon, string Name)> CardCategories,
    IReadOnlyDictionary<int, string> CardDistricts)
{
    /// <summary>The label is text only (an option holds nothing else); checkbox lists draw <paramref name="Icon"/> beside it.</summary>
    public sealed record CategoryOption(int Id, string Label, CategoryKind Kind, string Icon);

    public sealed record CategoryGroup(CategoryOption Top, IReadOnlyList<CategoryOption> Children);

    /// <summary>How long a town's categories and districts are reused: every page with the filter form needs them.</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Categories and districts change rarely and are read on every browse page, so each instance keeps them for
    /// a few seconds. A save through this instance clears its copy (Data/ReferenceDataInvalidation); another
    /// instance's copy expires within <see cref="CacheFor"/>.
    /// Writes never trust this copy: the listing form validates ids against the database.
    /// </summary>
    public static async Task<ListingFormOptions> LoadAsync(AppDbContext db, IMemoryCache cache, string userId, bool fresh = false)
    {
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (fresh)
        {
            Infrastructure.TownReferenceCache.Forget(cache, db.CurrentTenantId);
        }

        var shared = await cache.GetOrCreateAsync(Infrastructure.TownReferenceCache.Key(db.CurrentTenantId, culture), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return LoadSharedAsync(db, culture);
        });
        var organisations = string.IsNullOrEmpty(userId) ? [] : await PostableOrganisationsAsync(db, userId);
        return shared! with { Organisations = organisations };
    }

    private static async Task<ListingFormOptions> LoadSharedAsync(AppDbContext db, string culture)
    {
        var all = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync();
        var categories = all.Where(c => !c.IsRetired).ToList();
        var groups = categories.Where(c => c.ParentId == null)
            .Select(top => new CategoryGroup(
                new CategoryOption(top.Id, top.NameIn(culture), top.Kind, top.Icon),
                categories.Where(c => c.ParentId == top.Id).Select(c => new CategoryOption(c.Id, c.NameIn(culture), c.Kind, c.Icon)).ToList()))
            .ToList();
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new { d.Id, d.Name }).ToListAsync();
        return new ListingFormOptions(groups, districts.Select(d => (d.Id, d.Name)).ToList(), [],
            all.ToDictionary(c => c.Id, c => (c.Icon, c.NameIn(culture))), districts.ToDictionary(d => d.Id, d => d.Name));
    }

    /// <summary>Approved organisations the poster belongs to: the only ones they may post for.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> PostableOrganisationsAsync(AppDbContext db, string userId)
    {
        var rows = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Organisation!.Status == OrganisationStatus.Approved)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new { m.OrganisationId, m.Organisation!.Name }).ToListAsync();
        return rows.Select(r => (r.OrganisationId, r.Name)).ToList();
    }
}
