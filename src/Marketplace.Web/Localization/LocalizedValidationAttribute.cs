using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Localization;

/// <summary>
/// Base for the app's own validation attributes. MVC translates the messages of built-in attributes only
/// (through adapters), so these look their ErrorMessage key up themselves.
/// </summary>
public abstract class LocalizedValidationAttribute : ValidationAttribute
{
    protected abstract bool IsValidValue(object? value);

    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (IsValidValue(value))
        {
            return ValidationResult.Success;
        }

        var localizer = validationContext.GetService<IStringLocalizer<SharedResource>>();
        var message = localizer is null ? FormatErrorMessage(validationContext.DisplayName) : localizer[ErrorMessageString, validationContext.DisplayName].Value;
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
