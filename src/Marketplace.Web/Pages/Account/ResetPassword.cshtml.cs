using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Account)]
public sealed class ResetPasswordModel(UserManager<AppUser> users, LoginThrottle throttle, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required]
        public string UserId { get; set; } = "";

        [Required]
        public string Code { get; set; } = "";

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

    public IActionResult OnGet(string? userId, string? code)
    {
        if (userId is null || code is null)
        {
            return BadRequest();
        }

        Input = new InputModel { UserId = userId, Code = code };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // UserId and Code come from the mail's link in hidden fields: without them, say the link is broken.
        if (!IsValid("Input.UserId") || !IsValid("Input.Code"))
        {
            ModelState.AddModelError(string.Empty, l["Identity_InvalidToken"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        if (await users.FindByIdAsync(Input.UserId) is not { } user)
        {
            ModelState.AddModelError(string.Empty, l["Identity_InvalidToken"]);
            return this.InvalidForm();
        }

        var result = await users.ResetPasswordAsync(user, Input.Code, Input.Password);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result);
            return this.InvalidForm();
        }

        // ResetPasswordAsync renewed the security stamp, which ends every session (SessionEnd) on the next request.
        // Whoever proved control of the mailbox may sign in again at once, from any address.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await throttle.ForgetAllAsync(user);
        TempData[HtmxResults.StatusKey] = l["ResetPassword_Done"].Value;
        return RedirectToPage("/Account/Login");
    }

    private bool IsValid(string key) => ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid;
}
