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

[EnableRateLimiting(RateLimits.Account)]
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

        if (tenant.Tenant is { } town && await users.FindByEmailAsync(Input.Email) is { EmailConfirmed: false } user)
        {
            var code = await users.GenerateEmailConfirmationTokenAsync(user);
            var link = Url.Page("/Account/ConfirmEmail", null, new { userId = user.Id, code }, Request.Scheme)!;
            await mailer.SendConfirmationAsync(user.Email!, user.UserName!, town.Name, link,
                user.PreferredCulture ?? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        }

        return RedirectToPage("RegisterConfirmation");
    }
}
