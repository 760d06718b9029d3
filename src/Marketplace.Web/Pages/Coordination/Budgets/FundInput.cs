using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Budgets;

/// <summary>A fund's form, for the town admin: amounts in euros, the lines it pays for as checkboxes.</summary>
public sealed class FundInput
{
    public const int MaxProofDueMonths = 60;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Fund.NameMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_FieldFundName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [EnumDataType(typeof(FundSource), ErrorMessage = "Validation_Invalid")]
    [Display(Name = "Budgets_FieldSource")]
    public FundSource? Source { get; set; }

    [StringLength(Fund.NameMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_FieldProgramme")]
    public string? Programme { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Range(typeof(decimal), "0.01", "100000000", ErrorMessage = "Validation_Range", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    [Display(Name = "Budgets_FieldAmount")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? Amount { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Budgets_FieldStartsOn")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Budgets_FieldEndsOn")]
    public DateOnly? EndsOn { get; set; }

    [Display(Name = "Budgets_FieldEligibleLines")]
    public List<CostLines> Lines { get; set; } = [];

    [Range(0, 100, ErrorMessage = "Validation_Range")]
    [Display(Name = "Budgets_FieldCoFinancing")]
    public int CoFinancingPercent { get; set; }

    [Range(0, MaxProofDueMonths, ErrorMessage = "Validation_Range")]
    [Display(Name = "Budgets_FieldProofDueMonths")]
    public int ProofDueMonths { get; set; } = BudgetRules.DefaultProofDueMonths;

    [Display(Name = "Budgets_FieldCountsHours")]
    public bool CountsVolunteerHours { get; set; }

    [StringLength(Fund.NoteMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_FieldNote")]
    public string? Note { get; set; }

    public CostLines EligibleLines => Lines.Where(l => BudgetRules.Lines.Contains(l)).Aggregate(CostLines.None, (all, l) => all | l);

    public long AmountCents => Money.ToCents(Amount ?? 0);

    public void Validate(ModelStateDictionary state, IStringLocalizer l)
    {
        if (StartsOn is { } start && EndsOn is { } end && end < start)
        {
            state.AddModelError("Input.EndsOn", l["Budgets_EndBeforeStart"]);
        }

        if (EligibleLines == CostLines.None)
        {
            state.AddModelError("Input.Lines", l["Budgets_NoEligibleLine"]);
        }
    }

    public static FundInput From(Fund f) => new()
    {
        Name = f.Name,
        Source = f.Source,
        Programme = f.Programme,
        Amount = Money.ToEuros(f.AmountCents),
        StartsOn = f.StartsOn,
        EndsOn = f.EndsOn,
        Lines = BudgetRules.Lines.Where(l => f.EligibleLines.HasFlag(l)).ToList(),
        CoFinancingPercent = f.CoFinancingPercent,
        ProofDueMonths = f.ProofDueMonths,
        CountsVolunteerHours = f.CountsVolunteerHours,
        Note = f.Note,
    };

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
