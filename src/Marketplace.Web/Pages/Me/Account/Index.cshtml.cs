using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Pages.Shared;
using Marketplace.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me.Account;

/// <summary>
/// The account's settings, the same in every town it belongs to: address, password, phone number, mail language,
/// two-factor sign-in, and the way to the account's data. The language is chosen here; the rest on their own pages.
/// </summary>
public sealed class IndexModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public MailLanguageInput MailLanguage { get; set; } = new();

    public AccountView Account { get; private set; } = null!;

    public sealed record AccountView(string UserName, string Email, string? PhoneNumber, bool TwoFactorEnabled);

    public sealed class MailLanguageInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [SupportedCulture(ErrorMessage = "Validation_Invalid")]
        [Display(Name = "Field_MailLanguage")]
        public string Culture { get; set; } = Cultures.Default;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Show(user);
        MailLanguage.Culture = user.PreferredCulture ?? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Page();
    }

    public async Task<IActionResult> OnPostMailLanguageAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            Show(user);
            return this.InvalidForm();
        }

        user.PreferredCulture = MailLanguage.Culture;
        user.MailCultureChosen = true;
        await users.UpdateAsync(user);
        TempData[HtmxResults.StatusKey] = l["Account_MailLanguageSaved", Cultures.NativeName(MailLanguage.Culture)].Value;
        return RedirectToPage();
    }

    private void Show(AppUser user) => Account = new AccountView(user.UserName!, user.Email!, user.PhoneNumber, user.TwoFactorEnabled);
}
