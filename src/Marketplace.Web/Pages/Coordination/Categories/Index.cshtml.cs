using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Categories;

/// <summary>
/// The coordination office keeps the town's category tree: names per language, icon, order, new categories and
/// sub-categories, retiring and reactivating. Categories are never deleted: listings keep pointing at them.
/// How a category's listings meet (peer-to-peer or through the office) and whether helpers need a police clearance
/// are the town admin's decision: coordinators see both, and their attempt to change them is refused.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentMember member, AuditLog audit, IStringLocalizer<Resources.SharedResource> l)
    : PageModel
{
    public const int NameMaxLength = 80;
    public const int MaxSortOrder = 999;

    /// <summary>
    /// The languages a category may be named in, German first (it is required and the fallback). Another language is
    /// one more entry here and its field label "Field_CategoryName_{language}" in the resources.
    /// </summary>
    public static readonly string[] NameLanguages = [TranslatedText.Neutral, "en", "ar", "fa", "uk"];

    public IReadOnlyList<CategoryGroup> Groups { get; private set; } = [];

    /// <summary>The category whose edit was refused: its form is open with the typed values and messages.</summary>
    public int? FailedId { get; private set; }

    public bool AddFailed { get; private set; }

    /// <summary>The category whose exchange settings were refused: its form is open with the message.</summary>
    public int? ExchangeFailedId { get; private set; }

    /// <summary>Town admins set exchange mode and clearance; coordinators only read them.</summary>
    public bool CanSetExchange { get; private set; }

    [BindProperty]
    public CategoryInput Input { get; set; } = new();

    public sealed record CategoryRow(int Id, int? ParentId, string Icon, TranslatedText Names, CategoryKind Kind,
        int SortOrder, bool IsRetired, bool ParentRetired, ExchangeMode ExchangeMode, bool RequiresClearance, bool ParentMediated)
    {
        /// <summary>The name in exactly this language; empty when it has none.</summary>
        public string Name(string language) => Names.TryGetValue(language, out var name) ? name : "";

        /// <summary>The name in the reader's language, else German.</summary>
        public string Label(string culture) => Names.In(culture);

        /// <summary>Qualifications its helpers need (valid on the day of the task), as a police clearance may be required.</summary>
        public IReadOnlyList<int> Qualifications { get; init; } = [];
    }

    /// <summary>The town's qualifications a category may require (retired ones only where still required).</summary>
    public IReadOnlyList<(int Id, string Name, bool IsRetired)> QualificationChoices { get; private set; } = [];

    public sealed record CategoryGroup(CategoryRow Top, IReadOnlyList<CategoryRow> Children);

    public sealed class CategoryInput
    {
        /// <summary>
        /// Names by language as the form posts them: Input.Names[de], Input.Names[en], ... Only the languages of
        /// <see cref="NameLanguages"/> count; they are checked in the page (German required, each at most
        /// <see cref="NameMaxLength"/> characters).
        /// </summary>
        public Dictionary<string, string?> Names { get; set; } = [];

        /// <summary>A name of <see cref="CategoryIcons.All"/>; checked in the page, since the list is not an attribute's.</summary>
        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Field_CategoryIcon")]
        public string? Icon { get; set; }

        /// <summary>Empty keeps the order on edit and appends on add.</summary>
        [Range(0, MaxSortOrder, ErrorMessage = "Validation_Range")]
        [Display(Name = "Field_CategorySortOrder")]
        public int? SortOrder { get; set; }

        /// <summary>Add only: the top-level category to add under; empty for a new top-level category.</summary>
        [Display(Name = "Field_CategoryParent")]
        public int? ParentId { get; set; }

        /// <summary>Add only, top level only: sub-categories take their parent's kind.</summary>
        [EnumDataType(typeof(CategoryKind), ErrorMessage = "Validation_Invalid")]
        [Display(Name = "Field_CategoryKind")]
        public CategoryKind? Kind { get; set; }

        /// <summary>The posted name of each offered language, null where none was posted.</summary>
        public IEnumerable<KeyValuePair<string, string?>> Offered() =>
            NameLanguages.Select(language => KeyValuePair.Create(language, Names.GetValueOrDefault(language)));
    }

    public sealed record FieldsView(string IdPrefix, IReadOnlyDictionary<string, string?> Values, bool ShowErrors)
    {
        public string? Value(string field) => Values.GetValueOrDefault(field);
    }

    public sealed record RowView(CategoryRow Row, bool IsTop, bool Failed, FieldsView Fields, bool CanSetExchange, bool ExchangeFailed)
    {
        public IReadOnlyList<(int Id, string Name, bool IsRetired)> QualificationChoices { get; init; } = [];
    }

    /// <summary>The town admin's exchange settings of one category; an unticked box posts only the hidden "false".</summary>
    public sealed class ExchangeInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [EnumDataType(typeof(ExchangeMode), ErrorMessage = "Validation_Invalid")]
        [Display(Name = "Office_Field_ExchangeMode")]
        public ExchangeMode? Mode { get; set; }

        [Display(Name = "Office_Field_RequiresClearance")]
        public bool RequiresClearance { get; set; }

        /// <summary>The qualifications helpers of the category need; an unticked set posts none.</summary>
        public List<int> QualificationIds { get; set; } = [];
    }

    private static readonly string[] TypedFields =
        [.. NameLanguages.Select(NameField), "Input.Icon", "Input.SortOrder", "Input.ParentId", "Input.Kind"];

    public RowView ViewOf(CategoryRow row, bool isTop) =>
        new(row, isTop, FailedId == row.Id, FieldsFor(row), CanSetExchange, ExchangeFailedId == row.Id) { QualificationChoices = QualificationChoices };

    /// <summary>The values of a category's form: what was typed when it was refused, else the stored ones (or nothing, to add).</summary>
    public FieldsView FieldsFor(CategoryRow? row)
    {
        var prefix = row is null ? "category-new" : $"category-{row.Id}";
        if (row is null ? AddFailed : FailedId == row.Id)
        {
            return new FieldsView(prefix, TypedFields.ToDictionary(f => f, f => ModelState[f]?.AttemptedValue), ShowErrors: true);
        }

        var values = new Dictionary<string, string?>();
        if (row is not null)
        {
            foreach (var language in NameLanguages)
            {
                values[NameField(language)] = row.Name(language);
            }

            values["Input.Icon"] = row.Icon;
            values["Input.SortOrder"] = row.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            values["Input.Icon"] = CategoryIcons.Generic;
        }

        return new FieldsView(prefix, values, ShowErrors: false);
    }

    /// <summary>The form field of a language's name, e.g. "Input.Names[de]".</summary>
    public static string NameField(string language) => $"{nameof(Input)}.{nameof(CategoryInput.Names)}[{language}]";

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>
    /// German is required, each name has at most <see cref="NameMaxLength"/> characters, and all of them are stored
    /// as one JSON column of limited size (non-Latin letters are escaped there).
    /// </summary>
    private void CheckNames()
    {
        var given = new Dictionary<string, string>();
        foreach (var (language, name) in Input.Offered())
        {
            var label = l[$"Field_CategoryName_{language}"];
            if (string.IsNullOrWhiteSpace(name))
            {
                if (language == TranslatedText.Neutral)
                {
                    ModelState.AddModelError(NameField(language), l["Validation_Required", label]);
                }

                continue;
            }

            if (name.Length > NameMaxLength)
            {
                ModelState.AddModelError(NameField(language), l["Validation_MaxLength", label, NameMaxLength]);
            }

            given[language] = name.Trim();
        }

        if (System.Text.Json.JsonSerializer.Serialize(given).Length > NamesColumnLength)
        {
            ModelState.AddModelError(NameField(TranslatedText.Neutral), l["Categories_NamesTooLong"]);
        }
    }

    private const int NamesColumnLength = 2000;

    /// <summary>Only a shipped pictogram: anything else would draw nothing (an old form may still post an emoji).</summary>
    private void CheckIcon()
    {
        var field = $"{nameof(Input)}.{nameof(CategoryInput.Icon)}";
        if (!string.IsNullOrWhiteSpace(Input.Icon) && !CategoryIcons.IsKnown(Input.Icon.Trim()))
        {
            ModelState.AddModelError(field, l["Categories_IconUnknown"]);
        }
    }

    /// <summary>
    /// Sets exchange mode and clearance requirement (town admins only; a coordinator's post gets 403 and changes nothing).
    /// Each change is audited as <see cref="AuditAction.ChangedExchangeMode"/> with "key: old → new" as detail; the clearance
    /// requirement under the same action, as "key: clearance yes → no".
    /// </summary>
    public async Task<IActionResult> OnPostExchangeAsync(int id, [Bind(Prefix = "Exchange")] ExchangeInput exchange)
    {
        if (!await member.IsAtLeastAsync(TownRole.TownAdmin))
        {
            return Forbid();
        }

        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id);
        if (category is null)
        {
            return NotFound();
        }

        // The category form's fields are bound on every post; only this form's own fields count here.
        if (ModelState.FindKeysWithPrefix("Exchange").Any(e => e.Value.ValidationState == ModelValidationState.Invalid))
        {
            ExchangeFailedId = id;
            await LoadAsync();
            return this.InvalidForm();
        }

        var mode = exchange.Mode!.Value;
        if (category.ExchangeMode != mode)
        {
            audit.Record(AuditAction.ChangedExchangeMode, "category", category.Id, $"{category.Key}: {category.ExchangeMode} → {mode}");
            category.ExchangeMode = mode;
        }

        if (category.RequiresClearance != exchange.RequiresClearance)
        {
            audit.Record(AuditAction.ChangedExchangeMode, "category", category.Id,
                $"{category.Key}: clearance {YesNo(category.RequiresClearance)} → {YesNo(exchange.RequiresClearance)}");
            category.RequiresClearance = exchange.RequiresClearance;
        }

        var wanted = exchange.QualificationIds.Distinct().ToList();
        if (wanted.Count > 0 && await db.Qualifications.CountAsync(q => wanted.Contains(q.Id)) != wanted.Count)
        {
            return NotFound();
        }

        var current = await db.CategoryQualifications.Where(c => c.CategoryId == id).ToListAsync();
        if (!current.Select(c => c.QualificationId).ToHashSet().SetEquals(wanted))
        {
            db.CategoryQualifications.RemoveRange(current.Where(c => !wanted.Contains(c.QualificationId)));
            db.CategoryQualifications.AddRange(wanted.Where(q => current.All(c => c.QualificationId != q))
                .Select(q => new CategoryQualification { CategoryId = id, QualificationId = q }));
            audit.Record(AuditAction.ChangedExchangeMode, "category", category.Id,
                $"{category.Key}: qualifications {string.Join(",", current.Select(c => c.QualificationId).Order())} → {string.Join(",", wanted.Order())}");
        }

        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Categories_Saved", category.NameIn("de")].Value;
        return RedirectToPage();
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id);
        if (category is null)
        {
            return NotFound();
        }

        CheckNames();
        CheckIcon();
        if (!ModelState.IsValid)
        {
            FailedId = id;
            await LoadAsync();
            return this.InvalidForm();
        }

        category.Names = TranslatedText.From(Input.Offered());
        category.Icon = Input.Icon!.Trim();
        category.SortOrder = Input.SortOrder ?? category.SortOrder;
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Categories_Saved", category.Names["de"]].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        Category? parent = null;
        if (Input.ParentId is { } parentId)
        {
            parent = await db.Categories.SingleOrDefaultAsync(c => c.Id == parentId);
            if (parent is null)
            {
                return NotFound();
            }

            if (parent.ParentId is not null)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(CategoryInput.ParentId)}", l["Categories_ParentNotTopLevel"]);
            }
        }

        CheckNames();
        CheckIcon();
        if (!ModelState.IsValid)
        {
            AddFailed = true;
            await LoadAsync();
            return this.InvalidForm();
        }

        var siblingOrders = db.Categories.Where(c => c.ParentId == Input.ParentId).Select(c => (int?)c.SortOrder);
        var category = new Category
        {
            Key = "",
            ParentId = parent?.Id,
            Names = TranslatedText.From(Input.Offered()),
            Icon = Input.Icon!.Trim(),
            Kind = parent?.Kind ?? Input.Kind ?? CategoryKind.General,
            SortOrder = Input.SortOrder ?? (await siblingOrders.MaxAsync() ?? -1) + 1,
        };
        db.Categories.Add(category);
        await SaveWithUniqueKeyAsync(category);
        TempData[HtmxResults.StatusKey] = l["Categories_Added", category.Names["de"]].Value;
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRetireAsync(int id) => SetRetiredAsync(id, retired: true);

    public Task<IActionResult> OnPostReactivateAsync(int id) => SetRetiredAsync(id, retired: false);

    private async Task<IActionResult> SetRetiredAsync(int id, bool retired)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id);
        if (category is null)
        {
            return NotFound();
        }

        category.IsRetired = retired;
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l[retired ? "Categories_RetiredDone" : "Categories_ReactivatedDone", category.NameIn("de")].Value;
        return RedirectToPage();
    }

    /// <summary>
    /// The key comes from the German name and must be unique in the town; if another coordinator takes the same key
    /// between our look-up and the save, the unique index refuses it and we take the next number.
    /// </summary>
    private async Task SaveWithUniqueKeyAsync(Category category)
    {
        var slug = CategoryKeys.Slug(category.Names["de"]);
        for (var attempt = 1; ; attempt++)
        {
            var taken = (await db.Categories.AsNoTracking().Where(c => c.Key == slug || c.Key.StartsWith(slug + "-"))
                .Select(c => c.Key).ToListAsync()).ToHashSet();
            category.Key = CategoryKeys.Unique(slug, taken);
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Taken meanwhile: look again.
            }
        }
    }

    private async Task LoadAsync()
    {
        CanSetExchange = await member.IsAtLeastAsync(TownRole.TownAdmin);
        var all = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
        var retiredTops = all.Where(c => c.ParentId is null && c.IsRetired).Select(c => c.Id).ToHashSet();
        var mediatedTops = all.Where(c => c.ParentId is null && c.ExchangeMode == ExchangeMode.Mediated).Select(c => c.Id).ToHashSet();
        var required = (await db.CategoryQualifications.AsNoTracking().Select(c => new { c.CategoryId, c.QualificationId }).ToListAsync())
            .ToLookup(c => c.CategoryId, c => c.QualificationId);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        QualificationChoices = (await db.Qualifications.AsNoTracking().Select(q => new { q.Id, q.Names, q.IsRetired }).ToListAsync())
            .Select(q => (q.Id, q.Names.In(culture), q.IsRetired)).OrderBy(q => q.Item2, StringComparer.CurrentCulture).ToList();
        CategoryRow Row(Category c)
        {
            var row = new CategoryRow(c.Id, c.ParentId, c.Icon, c.Names, c.Kind, c.SortOrder, c.IsRetired,
                c.ParentId is { } p && retiredTops.Contains(p), c.ExchangeMode, c.RequiresClearance,
                c.ParentId is { } q && mediatedTops.Contains(q));
            return row with { Qualifications = required[c.Id].ToList() };
        }

        Groups = all.Where(c => c.ParentId is null)
            .Select(top => new CategoryGroup(Row(top), all.Where(c => c.ParentId == top.Id).Select(Row).ToList()))
            .ToList();
    }
}
