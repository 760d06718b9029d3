using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SessionEnd sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    /// <summary>Ends every session of the account, not just this browser's cookie: a copy of it must not keep working.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await sessions.EndAllSessionsAsync(user);
        }

        await signIn.SignOutAsync();
        OwnWrites.Drop(HttpContext);
        return RedirectToPage("/Index");
    }
}
