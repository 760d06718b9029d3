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
/// Two-factor sign-in with an authenticator app (Identity's TOTP): the key as QR code and text, a code from the app
/// turns it on, and ten recovery codes are shown once. Turning it off or renewing the codes asks for the password.
/// </summary>
[EnableRateLimiting(RateLimits.Account)]
public sealed class TwoFactorModel(UserManager<AppUser> users, CredentialChanges changes, OfficeTwoFactor office, ITenantContext tenant,
    IStringLocalizer<SharedResource> l) : PageModel
{
    private const string RecoveryCodesKey = "RecoveryCodes";
    private const int RecoveryCodeCount = 10;

    /// <summary>Where the office sent the member from; offered once two-factor sign-in is on.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public CodeInput Input { get; private set; } = new();
    public PasswordConfirmation Disable { get; private set; } = new();
    public PasswordConfirmation Renew { get; private set; } = new();

    public bool Enabled { get; private set; }

    /// <summary>This town requires a second factor of its office, and this member is in the office and has none yet.</summary>
    public bool OfficeRequires { get; private set; }

    public string TownName => tenant.Tenant!.Name;

    public AuthenticatorSetup? Setup { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Just made: shown on this one page view, never again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string? ContinueTo => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(20, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_AuthenticatorCode")]
        public string Code { get; set; } = "";
    }

    public sealed class PasswordConfirmation
    {
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

        NewRecoveryCodes = (TempData[RecoveryCodesKey] as string)?.Split('\n') ?? [];
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync([Bind(Prefix = nameof(Input))] CodeInput input)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Input = input;
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage(new { ReturnUrl });
        }

        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactorCodes.FromAuthenticator(input.Code)))
        {
            ModelState.AddModelError("Input.Code", l["TwoFactor_CodeWrong"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return this.InvalidForm();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await ShowNewRecoveryCodesAsync(user);
        await changes.KeepThisSessionAsync(user);
        TempData[HtmxResults.StatusKey] = l["TwoFactor_Enabled"].Value;
        return RedirectToPage(new { ReturnUrl });
    }

    public async Task<IActionResult> OnPostDisableAsync([Bind(Prefix = nameof(Disable))] PasswordConfirmation disable)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Disable = disable;
        if (!await PasswordConfirmedAsync(user, disable, nameof(Disable)))
        {
            await LoadAsync(user);
            return this.InvalidForm();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so the entry left in the app stops working and a later setup starts afresh.
        await users.ResetAuthenticatorKeyAsync(user);
        await changes.KeepThisSessionAsync(user);
        TempData[HtmxResults.StatusKey] = l["TwoFactor_Disabled"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync([Bind(Prefix = nameof(Renew))] PasswordConfirmation renew)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Renew = renew;
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (!await PasswordConfirmedAsync(user, renew, nameof(Renew)))
        {
            await LoadAsync(user);
            return this.InvalidForm();
        }

        await ShowNewRecoveryCodesAsync(user);
        TempData[HtmxResults.StatusKey] = l["TwoFactor_CodesRenewed"].Value;
        return RedirectToPage();
    }

    private async Task<bool> PasswordConfirmedAsync(AppUser user, PasswordConfirmation confirmation, string prefix)
    {
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, confirmation.CurrentPassword))
        {
            ModelState.AddModelError($"{prefix}.{nameof(PasswordConfirmation.CurrentPassword)}", l["Identity_PasswordMismatch"]);
        }

        return ModelState.IsValid;
    }

    /// <summary>The codes replace any earlier ones and travel once in TempData to the page the redirect shows.</summary>
    private async Task ShowNewRecoveryCodesAsync(AppUser user)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        TempData[RecoveryCodesKey] = string.Join('\n', codes);
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        OfficeRequires = await office.MustSetUpAsync();
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Making the key renews the security stamp; this session carries on with the new one.
            await users.ResetAuthenticatorKeyAsync(user);
            await changes.KeepThisSessionAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Setup = AuthenticatorSetup.For(key!, l["Platform_Name"], user.UserName!);
    }
}
