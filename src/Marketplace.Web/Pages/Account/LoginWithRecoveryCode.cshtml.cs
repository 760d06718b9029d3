using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Privacy;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Account;

/// <summary>The second step without the app: one of the recovery codes shown when two-factor sign-in was turned on, each usable once.</summary>
[EnableRateLimiting(RateLimits.Account)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AccountSignIn accountSignIn,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public RecoveryInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class RecoveryInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(40, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_RecoveryCode")]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Account/Login", new { ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorCodes.FromRecovery(Input.RecoveryCode));
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, l["Login_LockedOut"]);
            return this.InvalidForm();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.RecoveryCode", l["TwoFactor_RecoveryCodeWrong"]);
            return this.InvalidForm();
        }

        await accountSignIn.CompleteAsync(user, TempData);

        TempData[HtmxResults.StatusKey] = l["TwoFactor_RecoveryCodeUsed", await users.CountRecoveryCodesAsync(user)].Value;
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
