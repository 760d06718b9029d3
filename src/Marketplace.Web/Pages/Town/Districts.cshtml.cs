using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Town;

/// <summary>
/// The town's districts (Stadtteile / Sozialräume): add, rename, remove, and which districts are neighbours (match
/// suggestions rank them right after the same district). Removing asks first (<see cref="Confirmation"/>). htmx swaps
/// just the list.
/// </summary>
public sealed class DistrictsModel(AppDbContext db, AuditLog audit, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    public IReadOnlyList<DistrictRow> Districts { get; private set; } = [];

    /// <summary>The add field. Not bound: only Add and Rename post a name, as a handler parameter.</summary>
    [Display(Name = "Field_DistrictName")]
    public string Name { get; set; } = "";

    public sealed record DistrictRow(int Id, string Name, IReadOnlyList<int> NeighbourIds);

    /// <summary>Messages about one row (rename, remove) are kept under that row's key and shown in it.</summary>
    public static string RowKey(int districtId) => $"District{districtId}";

    /// <summary>Messages about a district's neighbours; its neighbour form is open while it has one.</summary>
    public static string NeighboursKey(int districtId) => $"Neighbours{districtId}";

    public string NameOf(int districtId) => Districts.FirstOrDefault(d => d.Id == districtId)?.Name ?? "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(District.NameMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_DistrictName")]
        string? name)
    {
        await ValidateUniqueAsync(name, nameof(name), null);
        if (!ModelState.IsValid)
        {
            Name = name ?? "";
            return await ResultAsync(invalid: true);
        }

        var next = await db.Districts.Select(d => (int?)d.SortOrder).MaxAsync() ?? -1;
        db.Districts.Add(new District { Name = name!.Trim(), SortOrder = next + 1 });
        await db.SaveChangesAsync();
        return await ResultAsync(invalid: false);
    }

    public async Task<IActionResult> OnPostRenameAsync(int id,
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(District.NameMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_DistrictName")]
        string? name)
    {
        var district = await db.Districts.SingleOrDefaultAsync(d => d.Id == id);
        if (district is null)
        {
            return NotFound();
        }

        await ValidateUniqueAsync(name, nameof(name), id);
        if (!ModelState.IsValid)
        {
            MoveToRow(nameof(name), id);
            return await ResultAsync(invalid: true);
        }

        district.Name = name!.Trim();
        await db.SaveChangesAsync();
        return await ResultAsync(invalid: false);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, bool confirmed)
    {
        var district = await db.Districts.SingleOrDefaultAsync(d => d.Id == id);
        if (district is null)
        {
            return NotFound();
        }

        // Listings, organisations, course runs and course interest keep their district: a used one can be renamed but not removed.
        if (await db.Listings.AnyAsync(l => l.DistrictId == id) || await db.OrganisationDistricts.AnyAsync(o => o.DistrictId == id)
            || await db.CourseRuns.AnyAsync(r => r.DistrictId == id) || await db.LanguageCourseInterests.AnyAsync(i => i.DistrictId == id))
        {
            ModelState.AddModelError(RowKey(id), l["Districts_InUse", district.Name]);
            return await ResultAsync(invalid: true);
        }

        if (!confirmed)
        {
            await LoadAsync();
            return this.AskToConfirm(new Confirmation(
                Bidi.Text(l["Districts_ConfirmRemove_Question"], district.Name), [l["Districts_ConfirmRemove_Consequence"]], l["Districts_ConfirmRemove_Confirm"],
                "/Town/Districts", "Remove", new() { ["id"] = id.ToString(CultureInfo.InvariantCulture) }, "/town/districts")
            {
                FragmentId = "district-editor",
            });
        }

        // Nobody stays next to a district that no longer exists.
        var all = await db.Districts.ToListAsync();
        SetNeighbours(all, DistrictNeighbours.Remove(Town(all), id));

        db.Districts.Remove(district);
        await db.SaveChangesAsync();
        return await ResultAsync(invalid: false);
    }

    /// <summary>
    /// Sets the district's neighbours and keeps the relation symmetric: each chosen district gets this one as neighbour,
    /// each one no longer chosen loses it. The district itself is ignored; an id that is not one of the town's districts
    /// is refused at the field and nothing changes.
    /// </summary>
    public async Task<IActionResult> OnPostNeighboursAsync(int id, List<int> neighbourIds)
    {
        var all = await db.Districts.ToListAsync();
        var district = all.SingleOrDefault(d => d.Id == id);
        if (district is null)
        {
            return NotFound();
        }

        if (DistrictNeighbours.Choose(Town(all), id, neighbourIds) is not { } changes)
        {
            ModelState.AddModelError(NeighboursKey(id), l["Office_UnknownNeighbour"]);
            return await ResultAsync(invalid: true);
        }

        var before = district.NeighbourIds.ToHashSet();
        SetNeighbours(all, changes);
        var chosen = district.NeighbourIds.ToHashSet();
        if (!before.SetEquals(chosen))
        {
            var names = all.Where(d => chosen.Contains(d.Id)).OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => d.Name);
            audit.Record(AuditAction.ChangedNeighbours, "district", id, $"{district.Name}: {string.Join(", ", names)}");
        }

        await db.SaveChangesAsync();
        return await ResultAsync(invalid: false);
    }

    private static Dictionary<int, IReadOnlyCollection<int>> Town(List<District> all) =>
        all.ToDictionary(d => d.Id, d => (IReadOnlyCollection<int>)d.NeighbourIds);

    private static void SetNeighbours(List<District> all, IReadOnlyDictionary<int, List<int>> changes)
    {
        foreach (var district in all)
        {
            if (changes.TryGetValue(district.Id, out var neighbours))
            {
                district.NeighbourIds = neighbours;
            }
        }
    }

    private async Task ValidateUniqueAsync(string? name, string key, int? exceptId)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length > 0 && await db.Districts.AnyAsync(d => d.Name == trimmed && d.Id != exceptId))
        {
            ModelState.AddModelError(key, l["Districts_Duplicate"]);
        }
    }

    /// <summary>A rename's value and messages belong to its row, not to the add field that shares the form field name.</summary>
    private void MoveToRow(string key, int id)
    {
        // Copied first: Remove clears the entry in place.
        var entry = ModelState[key];
        var (rawValue, attemptedValue) = (entry?.RawValue, entry?.AttemptedValue);
        var messages = entry?.Errors.Select(e => e.ErrorMessage).ToList() ?? [];
        ModelState.Remove(key);
        ModelState.SetModelValue(RowKey(id), rawValue, attemptedValue);
        messages.ForEach(message => ModelState.AddModelError(RowKey(id), message));
    }

    /// <summary>After success the fragment shows the stored names and an empty add field, not the values just posted.</summary>
    private async Task<IActionResult> ResultAsync(bool invalid)
    {
        if (!invalid)
        {
            return await this.FormSucceededAsync("_DistrictList", LoadAsync);
        }

        await LoadAsync();
        return this.InvalidForm("_DistrictList");
    }

    private async Task LoadAsync() =>
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new DistrictRow(d.Id, d.Name, d.NeighbourIds)).ToListAsync();
}
