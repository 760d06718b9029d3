using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
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

[EnableRateLimiting(RateLimits.Account)]
public sealed class LoginModel(TownSignInManager signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher,
    Memberships memberships, AppDbContext db, ITenantContext tenant, AccountDeletions deletions, IStringLocalizer<SharedResource> l) : PageModel
{
    private static string? _dummyHash;

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

        // Only the right password learns more than "wrong": whether the account is locked or unconfirmed. An unknown
        // login costs one hash verification like a known one, so neither answer nor timing tells who has an account.
        var user = Input.Login.Contains('@') ? await users.FindByEmailAsync(Input.Login) : await users.FindByNameAsync(Input.Login);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new AppUser(), DummyHash(), Input.Password);
            return Refuse("Login_Invalid");
        }

        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            await users.AccessFailedAsync(user);
            return Refuse("Login_Invalid");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return Refuse("Login_LockedOut");
        }

        if (!user.EmailConfirmed)
        {
            NeedsConfirmation = tenant.Tenant is not null;
            return Refuse("Login_NotConfirmed");
        }

        // The failures stay counted until the code is right too, so a known password does not buy endless code guesses.
        if ((await signIn.SignInAfterPasswordAsync(user, Input.RememberMe)).RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        await users.ResetAccessFailedCountAsync(user);
        await deletions.CancelOnSignInAsync(user.Id, TempData);
        if (tenant.Tenant is not null)
        {
            await memberships.ApplyAppointmentsAsync(user);
            await db.SaveChangesAsync();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private PageResult Refuse(string messageKey)
    {
        ModelState.AddModelError(string.Empty, l[messageKey]);
        return this.InvalidForm();
    }

    /// <summary>A hash of a password nobody has, made once with the app's hasher so it costs the same to verify.</summary>
    private string DummyHash() => _dummyHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
}
