using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations.Budgets;

/// <summary>One line of the plan in the form: an amount in euros and what it is for.</summary>
public sealed class PlanLineInput
{
    public CostLines Line { get; set; }

    [Range(typeof(decimal), "0", "10000000", ErrorMessage = "Validation_Range", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    [Display(Name = "Budgets_FieldLineAmount")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? Amount { get; set; }

    [StringLength(BudgetPlanLine.DescriptionMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_FieldLineDescription")]
    public string? Description { get; set; }

    public long Cents => Money.ToCents(Amount ?? 0);
}

/// <summary>An organisation's application for a project budget: the project, its goals, its period and a plan by cost lines.</summary>
public sealed class ApplicationInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Budgets_FieldFund")]
    public int? FundId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(ProjectBudget.TitleMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_FieldTitle")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(ProjectBudget.TextMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_FieldDescription")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(ProjectBudget.TextMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_FieldGoals")]
    public string? Goals { get; set; }

    [StringLength(ProjectBudget.ShortTextMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_FieldGoalArea")]
    public string? GoalArea { get; set; }

    [StringLength(ProjectBudget.ShortTextMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_FieldEffectGoal")]
    public string? EffectGoal { get; set; }

    [StringLength(ProjectBudget.ShortTextMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_FieldTargetGroup")]
    public string? TargetGroup { get; set; }

    [EnumDataType(typeof(Influence), ErrorMessage = "Validation_Invalid")]
    [Display(Name = "Budgets_FieldInfluence")]
    public Influence Influence { get; set; } = Influence.Medium;

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Budgets_FieldStartsOn")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Budgets_FieldEndsOn")]
    public DateOnly? EndsOn { get; set; }

    /// <summary>One entry per line of <see cref="BudgetRules.Lines"/>, in that order.</summary>
    public List<PlanLineInput> Lines { get; set; } = [];

    public long RequestedCents => Lines.Sum(l => l.Cents);

    /// <summary>Gives the form one entry per cost line, keeping what was typed.</summary>
    public void Complete() =>
        Lines = BudgetRules.Lines.Select(line => Lines.FirstOrDefault(l => l.Line == line) ?? new PlanLineInput { Line = line }).ToList();

    /// <summary>Cross-field rules: the period inside the fund's, only lines the fund pays for, at least one line above zero.</summary>
    public void Validate(ModelStateDictionary state, IStringLocalizer l, Fund? fund)
    {
        if (FundId is not null && fund is null)
        {
            state.AddModelError("Input.FundId", l["Budgets_FundNotOpen"]);
        }

        if (StartsOn is { } start && EndsOn is { } end)
        {
            if (end < start)
            {
                state.AddModelError("Input.EndsOn", l["Budgets_EndBeforeStart"]);
            }
            else if (fund is not null && (start < fund.StartsOn || end > fund.EndsOn))
            {
                state.AddModelError("Input.EndsOn", l["Budgets_OutsideFundPeriod", fund.StartsOn.ToString("d", System.Globalization.CultureInfo.CurrentCulture),
                    fund.EndsOn.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
            }
        }

        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (!BudgetRules.Lines.Contains(line.Line))
            {
                state.AddModelError($"Input.Lines[{i}].Amount", l["Validation_Invalid"]);
            }
            else if (line.Cents > 0 && fund is not null && !fund.EligibleLines.HasFlag(line.Line))
            {
                state.AddModelError($"Input.Lines[{i}].Amount", l["Budgets_LineNotEligible"]);
            }
        }

        if (Lines.All(line => line.Cents <= 0))
        {
            state.AddModelError("Input.Lines", l["Budgets_PlanEmpty"]);
        }
    }

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
