using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>
/// The link mailed to a new address (Me/Account/Email). The token is bound to the account, the address and the account's
/// security stamp, so it proves the new mailbox; opening it is the authorisation, on any device. Other sessions end.
/// </summary>
public sealed class ConfirmEmailChangeModel(UserManager<AppUser> users, CredentialChanges changes, Memberships memberships, AppDbContext db,
    ITenantContext tenant) : PageModel
{
    public string? NewEmail { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        if (userId is null || email is null || code is null || await users.FindByIdAsync(userId) is not { } user
            || !(await users.ChangeEmailAsync(user, email, code)).Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        NewEmail = user.Email;
        await changes.EndOtherSessionsAsync(user);
        // Appointments made for the new address take effect now that its owner has confirmed it here.
        if (tenant.Tenant is not null)
        {
            await memberships.ApplyAppointmentsAsync(user);
            await db.SaveChangesAsync();
        }
    }
}
