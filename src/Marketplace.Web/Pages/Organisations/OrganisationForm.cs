using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations;

/// <summary>What the creator or an admin enters about an organisation.</summary>
public sealed class OrganisationInput
{
    public const int WebsiteMaxLength = 300;

    [Required(ErrorMessage = "Validation_Required")]
    [EnumDataType(typeof(OrganisationType), ErrorMessage = "Validation_Invalid")]
    [Display(Name = "Org_Field_Type")]
    public OrganisationType? Type { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Organisation.NameMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Org_Field_Name")]
    public string Name { get; set; } = "";

    [StringLength(Organisation.DescriptionMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Org_Field_Description")]
    public string? Description { get; set; }

    [Display(Name = "Org_Field_Districts")]
    public List<int> DistrictIds { get; set; } = [];

    [Display(Name = "Org_Field_Categories")]
    public List<int> CategoryIds { get; set; } = [];

    [StringLength(WebsiteMaxLength, ErrorMessage = "Validation_MaxLength")]
    [HttpUrl(ErrorMessage = "Org_Validation_Website")]
    [Display(Name = "Org_Field_Website")]
    public string? Website { get; set; }

    public static OrganisationInput From(Organisation o) => new()
    {
        Type = o.Type,
        Name = o.Name,
        Description = o.Description,
        Website = o.Website,
        DistrictIds = o.Districts.Select(d => d.DistrictId).ToList(),
        CategoryIds = o.Categories.Select(c => c.CategoryId).ToList(),
    };

    /// <summary>Copies the fields onto the organisation; district and category links are replaced by the chosen ones.</summary>
    public void ApplyTo(Organisation o)
    {
        o.Type = Type!.Value;
        o.Name = Name.Trim();
        o.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        o.Website = string.IsNullOrWhiteSpace(Website) ? null : Website.Trim();

        var districts = DistrictIds.Distinct().ToHashSet();
        o.Districts.RemoveAll(d => !districts.Contains(d.DistrictId));
        o.Districts.AddRange(districts.Where(id => o.Districts.All(d => d.DistrictId != id)).Select(id => new OrganisationDistrict { DistrictId = id }));

        var categories = CategoryIds.Distinct().ToHashSet();
        o.Categories.RemoveAll(c => !categories.Contains(c.CategoryId));
        o.Categories.AddRange(categories.Where(id => o.Categories.All(c => c.CategoryId != id)).Select(id => new OrganisationCategory { CategoryId = id }));
    }
}

/// <summary>The choices of the organisation form and the rules that need the database.</summary>
public sealed record OrganisationFormOptions(IReadOnlyList<OrganisationFormOptions.Choice> Districts, IReadOnlyList<OrganisationFormOptions.Choice> Categories)
{
    public sealed record Choice(int Id, string Name, string? Icon = null);

    public static readonly OrganisationFormOptions Empty = new([], []);

    /// <summary>The town's districts and its top-level categories that still take new entries, named in the reader's language.</summary>
    public static async Task<OrganisationFormOptions> LoadAsync(AppDbContext db)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new Choice(d.Id, d.Name, null)).ToListAsync();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var categories = (await db.Categories.AsNoTracking().Where(c => c.ParentId == null && !c.IsRetired).OrderBy(c => c.SortOrder).ToListAsync())
            .Select(c => new Choice(c.Id, c.NameIn(language), c.Icon)).ToList();
        return new OrganisationFormOptions(districts, categories);
    }

    /// <summary>Adds the messages the attributes cannot know: a name already used in this town, choices that are not offered.</summary>
    public async Task ValidateAsync(AppDbContext db, OrganisationInput input, ModelStateDictionary modelState, int? organisationId,
        IStringLocalizer<SharedResource> l)
    {
        if (input.DistrictIds.Any(id => Districts.All(d => d.Id != id)))
        {
            modelState.AddModelError($"Input.{nameof(OrganisationInput.DistrictIds)}", l["Validation_Invalid"]);
        }

        if (input.CategoryIds.Any(id => Categories.All(c => c.Id != id)))
        {
            modelState.AddModelError($"Input.{nameof(OrganisationInput.CategoryIds)}", l["Validation_Invalid"]);
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await NameTakenAsync(db, name, organisationId))
        {
            modelState.AddModelError($"Input.{nameof(OrganisationInput.Name)}", l["Org_NameTaken"]);
        }
    }

    /// <summary>
    /// Compared in memory: SQLite's lower() folds ASCII only, and "Bürgerhilfe" must clash with "BÜRGERHILFE".
    /// A town has at most a few hundred organisations.
    /// </summary>
    private static async Task<bool> NameTakenAsync(AppDbContext db, string name, int? organisationId)
    {
        var names = await db.Organisations.Where(o => o.Id != organisationId).Select(o => o.Name).ToListAsync();
        return names.Any(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>An absolute http or https address, e.g. https://verein.example.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : LocalizedValidationAttribute
{
    protected override bool IsValidValue(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text)
        || (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0);
}
