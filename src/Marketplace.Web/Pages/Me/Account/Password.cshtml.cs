using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Pages.Account;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me.Account;

/// <summary>A new password, with the current one. Every other session of the account ends; this one goes on.</summary>
[EnableRateLimiting(RateLimits.Account)]
public sealed class PasswordModel(UserManager<AppUser> users, CredentialChanges changes, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(AccountRules.PasswordMaxLength, ErrorMessage = "Validation_MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_CurrentPassword")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(AccountRules.PasswordMaxLength, ErrorMessage = "Validation_MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_NewPassword")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation_PasswordsDiffer")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result);
            return this.InvalidForm();
        }

        await changes.EndOtherSessionsAsync(user);
        TempData[HtmxResults.StatusKey] = l["Account_PasswordChanged"].Value;
        return RedirectToPage("/Me/Account/Index");
    }
}
