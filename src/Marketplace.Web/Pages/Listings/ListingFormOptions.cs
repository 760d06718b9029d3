using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Listings;

/// <summary>What the listing form offers to choose from, all of the current town.</summary>
public sealed record ListingFormOptions(
    IReadOnlyList<ListingFormOptions.CategoryGroup> Categories,
    IReadOnlyList<(int Id, string Name)> Districts,
    IReadOnlyList<(int Id, string Name)> Organisations)
{
    public sealed record CategoryOption(int Id, string Label, CategoryKind Kind);

    public sealed record CategoryGroup(CategoryOption Top, IReadOnlyList<CategoryOption> Children);

    public static async Task<ListingFormOptions> LoadAsync(AppDbContext db, string userId)
    {
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var categories = await db.Categories.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.SortOrder).ToListAsync();
        var groups = categories.Where(c => c.ParentId == null)
            .Select(top => new CategoryGroup(
                new CategoryOption(top.Id, $"{top.Icon} {top.NameIn(culture)}", top.Kind),
                categories.Where(c => c.ParentId == top.Id).Select(c => new CategoryOption(c.Id, $"{c.Icon} {c.NameIn(culture)}", c.Kind)).ToList()))
            .ToList();
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new { d.Id, d.Name }).ToListAsync();
        var organisations = string.IsNullOrEmpty(userId) ? [] : await PostableOrganisationsAsync(db, userId);
        return new ListingFormOptions(groups, districts.Select(d => (d.Id, d.Name)).ToList(), organisations);
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
