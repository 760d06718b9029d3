using System.ComponentModel.DataAnnotations;

namespace Marketplace.Web.Pages.Account;

/// <summary>The one-field form of "forgot password" and "send the confirmation again".</summary>
public sealed class EmailOnlyInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Email")]
    public string Email { get; set; } = "";
}
