using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Pages.Account;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me.Account;

/// <summary>
/// A new address for the account. It takes effect only when the link mailed to it is opened
/// (<see cref="Pages.Account.ConfirmEmailChangeModel"/>); until then the current address stays, and it is told.
/// </summary>
[EnableRateLimiting(RateLimits.Account)]
public sealed class EmailModel(UserManager<AppUser> users, AccountMailer mailer, ITenantContext tenant, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = "";

    public sealed class EmailInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [EmailAddress(ErrorMessage = "Validation_Email")]
        [StringLength(256, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_NewEmail")]
        public string NewEmail { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(AccountRules.PasswordMaxLength, ErrorMessage = "Validation_MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_CurrentPassword")]
        public string CurrentPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        CurrentEmail = user.Email!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        CurrentEmail = user.Email!;
        var newEmail = Input.NewEmail?.Trim() ?? "";
        if (ModelState.IsValid && string.Equals(users.NormalizeEmail(newEmail), user.NormalizedEmail, StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.NewEmail", l["Account_EmailUnchanged"]);
        }

        // The password guards the address, through which the account could be taken over with a password reset.
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", l["Identity_PasswordMismatch"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var townName = tenant.Tenant!.Name;
        if (await users.FindByEmailAsync(newEmail) is { } owner)
        {
            await mailer.SendEmailTakenAsync(user, owner, newEmail, townName);
        }
        else
        {
            await mailer.SendEmailChangeAsync(user, newEmail, townName);
        }

        TempData[HtmxResults.StatusKey] = l["Account_EmailLinkSent", newEmail, user.Email!].Value;
        return RedirectToPage("/Me/Account/Index");
    }
}
