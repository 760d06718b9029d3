using System.Globalization;
using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Marketplace.Web.Organisations;
using Marketplace.Web.Pages.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Organisations;

/// <summary>An organisation's public profile with its current listings. Until approved, only its members and coordinators see it.</summary>
public sealed class DetailsModel(AppDbContext db, OrganisationMemberships memberships, ListingSearch search, BudgetAccess budgetAccess) : PageModel
{
    public Profile Organisation { get; private set; } = null!;
    public IReadOnlyList<string> Districts { get; private set; } = [];
    public IReadOnlyList<(string Icon, string Name)> Categories { get; private set; } = [];
    public IReadOnlyList<ListingRow> Listings { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    /// <summary>The reader may see the organisation's project budgets (Budgets/BudgetAccess): the link is shown.</summary>
    public bool MaySeeBudgets { get; private set; }

    /// <summary>The organisation's courses in the catalogue (not withdrawn), newest first.</summary>
    public IReadOnlyList<(int Id, string Title)> Courses { get; private set; } = [];

    public sealed record Profile(int Id, string Name, OrganisationType Type, string? Description, string? Website, OrganisationStatus Status);

    public sealed record ListingRow(int Id, string Title, ListingType Type, string District);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var access = await memberships.AccessAsync(id);
        if (access == OrganisationAccess.Hidden)
        {
            return NotFound();
        }

        IsAdmin = access == OrganisationAccess.Admin;
        MaySeeBudgets = (await budgetAccess.ForOrganisationAsync(id, HttpContext.RequestAborted)).MaySee;
        Organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new Profile(o.Id, o.Name, o.Type, o.Description, o.Website, o.Status)).SingleAsync();
        Districts = await db.OrganisationDistricts.AsNoTracking().Where(d => d.OrganisationId == id)
            .Join(db.Districts, od => od.DistrictId, d => d.Id, (_, d) => d)
            .OrderBy(d => d.SortOrder).Select(d => d.Name).ToListAsync();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Categories = (await db.OrganisationCategories.AsNoTracking().Where(c => c.OrganisationId == id)
                .Join(db.Categories, oc => oc.CategoryId, c => c.Id, (_, c) => c)
                .OrderBy(c => c.SortOrder).ToListAsync())
            .Select(c => (c.Icon, c.NameIn(language))).ToList();

        // Listings in office mode do not name their poster publicly, so they are not listed under the organisation either.
        var listings = search.Visible().AsNoTracking().Where(l => l.OrganisationId == id);
        Listings = await (IsAdmin ? listings : OfficeMode.Excluding(db, listings))
            .OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id)
            .Select(l => new ListingRow(l.Id, l.Title, l.Type, l.District!.Name))
            .ToListAsync();
        Courses = (await db.Courses.AsNoTracking().Where(c => c.ProviderOrganisationId == id && !c.IsWithdrawn)
                .OrderByDescending(c => c.CreatedAt).Take(20).Select(c => new { c.Id, c.Title }).ToListAsync())
            .Select(c => (c.Id, c.Title)).ToList();
        return Page();
    }
}
