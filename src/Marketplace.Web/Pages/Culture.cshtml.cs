using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

/// <summary>
/// The language switcher posts here; the choice is a cookie, and the account remembers it for mail unless its owner
/// chose the mail language on the account page.
/// </summary>
public sealed class CultureModel(UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        if (!Cultures.IsSupported(culture))
        {
            return BadRequest();
        }

        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { MailCultureChosen: false } user)
        {
            user.PreferredCulture = culture;
            await users.UpdateAsync(user);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
