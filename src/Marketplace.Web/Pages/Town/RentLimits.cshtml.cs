using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Town;

/// <summary>
/// The SGB II limits of the warm rent per household size (Kosten der Unterkunft). Housing listings show for which
/// household sizes their rent is within the limit. htmx swaps just the editor; without it every post redirects.
/// </summary>
public sealed class RentLimitsModel(AppDbContext db, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    public const int MinHouseholdSize = 1;
    public const int MaxHouseholdSize = 12;
    public const double MaxRent = 10_000;

    public IReadOnlyList<RentLimitRow> Rows { get; private set; } = [];

    /// <summary>The row whose change was refused: it shows the typed values and the messages. Null for the add form.</summary>
    public int? FailedRowId { get; private set; }

    public bool AddFailed { get; private set; }

    [BindProperty]
    public RentLimitInput Input { get; set; } = new();

    public sealed record RentLimitRow(int Id, int HouseholdSize, long MaxWarmRentCents);

    public sealed class RentLimitInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [Range(MinHouseholdSize, MaxHouseholdSize, ErrorMessage = "Validation_Range")]
        [Display(Name = "Field_HouseholdSize")]
        public int? HouseholdSize { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [Range(0d, MaxRent, ErrorMessage = "Validation_Range")]
        [Display(Name = "Field_MaxWarmRent")]
        [ModelBinder<EuroAmountModelBinder>]
        public decimal? MaxWarmRent { get; set; }
    }

    /// <summary>An amount as the reader's language writes it, and as the form reads it back.</summary>
    public static string Amount(long cents) => Money.ToEuros(cents).ToString("0.00", CultureInfo.CurrentCulture);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        await ValidateUniqueAsync(exceptId: null);
        if (!ModelState.IsValid)
        {
            AddFailed = true;
            return await RefusedAsync();
        }

        db.RentLimits.Add(new RentLimit { HouseholdSize = Input.HouseholdSize!.Value, MaxWarmRentCents = Money.ToCents(Input.MaxWarmRent!.Value) });
        if (!await TrySaveAsync())
        {
            AddFailed = true;
            return await RefusedAsync();
        }

        return await SucceededAsync(l["RentLimits_Saved"]);
    }

    public async Task<IActionResult> OnPostChangeAsync(int id)
    {
        var row = await db.RentLimits.SingleOrDefaultAsync(r => r.Id == id);
        if (row is null)
        {
            return NotFound();
        }

        await ValidateUniqueAsync(exceptId: id);
        if (!ModelState.IsValid)
        {
            FailedRowId = id;
            return await RefusedAsync();
        }

        row.HouseholdSize = Input.HouseholdSize!.Value;
        row.MaxWarmRentCents = Money.ToCents(Input.MaxWarmRent!.Value);
        if (!await TrySaveAsync())
        {
            FailedRowId = id;
            return await RefusedAsync();
        }

        return await SucceededAsync(l["RentLimits_Saved"]);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        var row = await db.RentLimits.SingleOrDefaultAsync(r => r.Id == id);
        if (row is null)
        {
            return NotFound();
        }

        db.RentLimits.Remove(row);
        await db.SaveChangesAsync();
        return await SucceededAsync(l["RentLimits_Removed", row.HouseholdSize]);
    }

    private async Task ValidateUniqueAsync(int? exceptId)
    {
        if (Input.HouseholdSize is { } size && await db.RentLimits.AnyAsync(r => r.HouseholdSize == size && r.Id != exceptId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(RentLimitInput.HouseholdSize)}", l["RentLimits_Duplicate"]);
        }
    }

    /// <summary>The unique index catches a row for the same household size saved by someone else since our check.</summary>
    private async Task<bool> TrySaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(RentLimitInput.HouseholdSize)}", l["RentLimits_Duplicate"]);
            return false;
        }
    }

    private async Task<IActionResult> SucceededAsync(string status)
    {
        Input = new RentLimitInput();
        return await this.FormSucceededAsync("_RentLimitEditor", LoadAsync, status);
    }

    private async Task<IActionResult> RefusedAsync()
    {
        await LoadAsync();
        return this.InvalidForm("_RentLimitEditor");
    }

    private async Task LoadAsync() =>
        Rows = await db.RentLimits.AsNoTracking().OrderBy(r => r.HouseholdSize)
            .Select(r => new RentLimitRow(r.Id, r.HouseholdSize, r.MaxWarmRentCents)).ToListAsync();
}
