using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Pages.Account;

/// <summary>
/// The page a mailed sign-in link opens. Opening it changes nothing, since mail scanners open links too; the button
/// uses the link and signs in.
/// </summary>
[EnableRateLimiting(RateLimits.Account)]
public sealed class LoginWithLinkModel(LoginLinks links, UserManager<AppUser> users, AccountSignIn accountSignIn, ITenantContext tenant) : PageModel
{
    public enum Outcome
    {
        Ready,
        Invalid,
        TwoFactor,
    }

    public Outcome State { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (!await links.IsUsableAsync(token, HostClaim.ValueFor(tenant)))
        {
            return Refuse(Outcome.Invalid);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (await links.RedeemAsync(token, HostClaim.ValueFor(tenant)) is not { } userId
            || await users.FindByIdAsync(userId) is not { EmailConfirmed: true } user)
        {
            return Refuse(Outcome.Invalid);
        }

        // A mailbox is one factor; an account that asked for a second one signs in with password and code.
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Refuse(Outcome.TwoFactor);
        }

        await accountSignIn.SignInAsync(user, persistent: false, TempData);
        return LocalRedirect("/");
    }

    private PageResult Refuse(Outcome outcome)
    {
        State = outcome;
        var result = Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }
}
