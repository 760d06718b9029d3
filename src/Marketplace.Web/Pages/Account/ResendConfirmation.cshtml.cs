using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Mail;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Pages.Account;

/// <summary>Town hosts only: the confirmation also takes up the town's pending appointments.</summary>
[EnableRateLimiting(RateLimits.Account)]
[HostScope(HostScope.Town)]
public sealed class ResendConfirmationModel(UserManager<AppUser> users, AccountMailer mailer, ITenantContext tenant) : PageModel
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

        if (await users.FindByEmailAsync(Input.Email) is { EmailConfirmed: false } user)
        {
            await mailer.SendConfirmationAsync(user, tenant.Tenant!.Name);
        }

        return RedirectToPage("RegisterConfirmation");
    }
}
