using System.ComponentModel.DataAnnotations;
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
public sealed class LoginModel(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, LoginThrottle throttle,
    AccountSignIn accountSignIn, ITenantContext tenant, IStringLocalizer<SharedResource> l) : PageModel
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

        // Every answer but success costs one hash verification, so timing tells nobody whether an account exists or is
        // locked. A locked login is refused before its password is checked: the answer must not tell a guesser that the
        // password was right. Unknown logins lock alike, so the lock does not tell who has an account either.
        var user = Input.Login.Contains('@') ? await users.FindByEmailAsync(Input.Login) : await users.FindByNameAsync(Input.Login);
        var account = LoginThrottle.AccountKey(user, Input.Login);
        var address = ClientAddress.Of(HttpContext);
        if (await throttle.IsLockedAsync(account, address) || (user is not null && await users.IsLockedOutAsync(user)))
        {
            hasher.VerifyHashedPassword(new AppUser(), DummyHash(), Input.Password);
            return Refuse("Login_LockedOut");
        }

        if (user is null || !await users.CheckPasswordAsync(user, Input.Password))
        {
            if (user is null)
            {
                hasher.VerifyHashedPassword(new AppUser(), DummyHash(), Input.Password);
            }

            await throttle.RecordFailureAsync(account, address);
            return Refuse("Login_Invalid");
        }

        if (!user.EmailConfirmed)
        {
            NeedsConfirmation = tenant.Tenant is not null;
            return Refuse("Login_NotConfirmed");
        }

        await throttle.ForgetAsync(user, address);
        if (!await accountSignIn.SignInAsync(user, Input.RememberMe, TempData))
        {
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
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
