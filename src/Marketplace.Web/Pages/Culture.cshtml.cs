using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

/// <summary>
/// The language switcher posts here; the choice is a cookie, and the account remembers it for mail unless its owner
/// chose the mail language on the account page.
/// The antiforgery token is checked only for a signed-in reader: for them the switch changes the account. For anyone
/// else it only sets a cookie in their own browser, which a forged post could do no harm with, and every anonymous page
/// would otherwise pay for a token it almost never uses (bench/README.md, "Profile").
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class CultureModel(UserManager<AppUser> users, IAntiforgery antiforgery, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (signedIn && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        if (!Cultures.IsSupported(culture))
        {
            return BadRequest();
        }

        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

        if (signedIn && await users.GetUserAsync(User) is { MailCultureChosen: false } user)
        {
            user.PreferredCulture = culture;
            await users.UpdateAsync(user);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
