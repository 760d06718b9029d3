using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Account;

/// <summary>Mails a one-time sign-in link; always answers the same, whether or not the address has an account.</summary>
[EnableRateLimiting(RateLimits.Account)]
public sealed class LoginLinkModel(UserManager<AppUser> users, LoginLinks links, AccountMailer mailer, ITenantContext tenant,
    IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    [BindProperty]
    public EmailOnlyInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        if (await users.FindByEmailAsync(Input.Email) is { EmailConfirmed: true } user
            && await links.IssueAsync(user, HostClaim.ValueFor(tenant)) is { } token)
        {
            await mailer.SendLoginLinkAsync(user, tenant.Tenant?.Name ?? l["Platform_Name"], token);
        }

        TempData[HtmxResults.StatusKey] = l["LoginLink_Sent"].Value;
        return RedirectToPage("/Account/Login");
    }
}
