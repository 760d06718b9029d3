using Marketplace.Web.Resources;
using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Account)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, Memberships memberships,
    AppDbContext db, ITenantContext tenant, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsConfirmation { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(256, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_UserNameOrEmail")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(AccountRules.PasswordMaxLength, ErrorMessage = "Validation_MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Field_RememberMe")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var user = Input.Login.Contains('@') ? await users.FindByEmailAsync(Input.Login) : await users.FindByNameAsync(Input.Login);
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, l["Login_Invalid"]);
            return this.InvalidForm();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (tenant.Tenant is not null)
            {
                await memberships.ApplyAppointmentsAsync(user);
                await db.SaveChangesAsync();
            }

            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, l["Login_LockedOut"]);
        }
        else if (result.IsNotAllowed)
        {
            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, l["Login_NotConfirmed"]);
        }
        else
        {
            ModelState.AddModelError(string.Empty, l["Login_Invalid"]);
        }

        return this.InvalidForm();
    }
}
