using System.ComponentModel.DataAnnotations;
using Htmx;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Town;

/// <summary>The town's districts (Stadtteile / Sozialräume): add, rename, remove. htmx swaps just the list.</summary>
public sealed class DistrictsModel(AppDbContext db, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    public IReadOnlyList<DistrictRow> Districts { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(District.NameMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_DistrictName")]
    public string Name { get; set; } = "";

    public sealed record DistrictRow(int Id, string Name);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        await ValidateUniqueAsync(null);
        if (!ModelState.IsValid)
        {
            return await ResultAsync(invalid: true);
        }

        var next = await db.Districts.Select(d => (int?)d.SortOrder).MaxAsync() ?? -1;
        db.Districts.Add(new District { Name = Name.Trim(), SortOrder = next + 1 });
        await db.SaveChangesAsync();
        Name = "";
        ModelState.Clear();
        return await ResultAsync(invalid: false);
    }

    public async Task<IActionResult> OnPostRenameAsync(int id)
    {
        var district = await db.Districts.SingleOrDefaultAsync(d => d.Id == id);
        if (district is null)
        {
            return NotFound();
        }

        await ValidateUniqueAsync(id);
        if (!ModelState.IsValid)
        {
            return await ResultAsync(invalid: true);
        }

        district.Name = Name.Trim();
        await db.SaveChangesAsync();
        Name = "";
        return await ResultAsync(invalid: false);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        var district = await db.Districts.SingleOrDefaultAsync(d => d.Id == id);
        if (district is null)
        {
            return NotFound();
        }

        // Listings and organisations keep their district: a used one can be renamed but not removed.
        if (await db.Listings.AnyAsync(l => l.DistrictId == id) || await db.OrganisationDistricts.AnyAsync(o => o.DistrictId == id))
        {
            ModelState.AddModelError(nameof(Name), l["Districts_InUse", district.Name]);
            return await ResultAsync(invalid: true);
        }

        db.Districts.Remove(district);
        await db.SaveChangesAsync();
        ModelState.Clear();
        return await ResultAsync(invalid: false);
    }

    private async Task ValidateUniqueAsync(int? exceptId)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length > 0 && await db.Districts.AnyAsync(d => d.Name == name && d.Id != exceptId))
        {
            ModelState.AddModelError(nameof(Name), l["Districts_Duplicate"]);
        }
    }

    private async Task<IActionResult> ResultAsync(bool invalid)
    {
        Response.Headers.Vary = "HX-Request";
        if (!invalid && !Request.IsHtmx())
        {
            return RedirectToPage();
        }

        await LoadAsync();
        if (Request.IsHtmx())
        {
            var partial = Partial("_DistrictList", this);
            partial.StatusCode = invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
            return partial;
        }

        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private async Task LoadAsync() =>
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new DistrictRow(d.Id, d.Name)).ToListAsync();
}
