using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations.Budgets.Expenses;

/// <summary>The expense form of "new" and "complete": the amount is typed in euros and kept in cents.</summary>
public sealed class ExpenseInput
{
    /// <summary>A hundred thousand euros per receipt is far above any initiative's purchase; anything more is a typing error.</summary>
    public const int MaxEuros = 100_000;

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Expenses_FieldLine")]
    public int? PlanLineId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Range(0.01, MaxEuros, ErrorMessage = "Validation_Range")]
    [Display(Name = "Expenses_FieldAmount")]
    [ModelBinder(typeof(EuroAmountModelBinder))]
    public decimal? Amount { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Expenses_FieldSpentOn")]
    public DateOnly? SpentOn { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Expense.PayeeMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Expenses_FieldPayee")]
    public string? Payee { get; set; }

    public bool PayeeIsBusiness { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Expense.PurposeMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Expenses_FieldPurpose")]
    public string? Purpose { get; set; }

    public static ExpenseInput From(Expense expense) => new()
    {
        PlanLineId = expense.PlanLineId, Amount = Money.ToEuros(expense.AmountCents), SpentOn = expense.SpentOn, Payee = expense.Payee,
        PayeeIsBusiness = expense.PayeeIsBusiness, Purpose = expense.Purpose,
    };

    /// <summary>The rules across fields and against the budget; null while anything is wrong.</summary>
    public ExpenseDraft? Validate(ModelStateDictionary state, IStringLocalizer l, SubmissionBudget budget, DateOnly today)
    {
        if (PlanLineId is { } lineId && budget.Lines.All(line => line.Id != lineId))
        {
            state.AddModelError("Input.PlanLineId", l["Validation_Invalid"]);
        }

        if (Amount is { } amount && decimal.Round(amount, 2) != amount)
        {
            state.AddModelError("Input.Amount", l["Validation_EuroAmount"]);
        }

        if (SpentOn is { } spentOn)
        {
            if (spentOn > today)
            {
                state.AddModelError("Input.SpentOn", l["Expenses_SpentInFuture"]);
            }
            else if (spentOn < budget.StartsOn || spentOn > budget.EndsOn)
            {
                state.AddModelError("Input.SpentOn", l["Expenses_SpentOutsidePeriod", Day(budget.StartsOn), Day(budget.EndsOn)]);
            }
        }

        if (!state.IsValid)
        {
            return null;
        }

        return new ExpenseDraft(PlanLineId!.Value, Money.ToCents(Amount!.Value), SpentOn!.Value, Payee!.Trim(), PayeeIsBusiness, Purpose!.Trim());
    }

    /// <summary>The message at the receipt field for a file that could not be read.</summary>
    public static string ReceiptMessage(ReceiptUploadError error, IStringLocalizer l) => error switch
    {
        ReceiptUploadError.Missing => l["Expenses_ReceiptMissing"],
        ReceiptUploadError.TooLarge => l["Expenses_ReceiptTooLarge"],
        ReceiptUploadError.TooManyPixels => l["Upload_ImageTooManyPixels", l["Expenses_FieldReceipt"], Infrastructure.ImageUploadGuard.MaxMegapixels],
        _ => l["Expenses_ReceiptFormat"],
    };

    private static string Day(DateOnly day) => day.ToString("d", System.Globalization.CultureInfo.CurrentCulture);
}
