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

/// <summary>
/// The login's second step for an account with two-factor sign-in: the code from the authenticator app. Reached only
/// after the right password (Identity's short-lived two-factor cookie says whose); wrong codes count towards the lockout.
/// </summary>
[EnableRateLimiting(RateLimits.Account)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, AccountSignIn accountSignIn,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(20, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_AuthenticatorCode")]
        public string Code { get; set; } = "";
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

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorCodes.FromAuthenticator(Input.Code), RememberMe, rememberClient: false);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, l["Login_LockedOut"]);
            return this.InvalidForm();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.Code", l["TwoFactor_CodeWrong"]);
            return this.InvalidForm();
        }

        await accountSignIn.CompleteAsync(user, TempData);

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
