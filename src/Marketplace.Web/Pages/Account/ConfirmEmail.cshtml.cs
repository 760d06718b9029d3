using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<AppUser> users, Memberships memberships, AppDbContext db, ITenantContext tenant) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (userId is null || code is null || await users.FindByIdAsync(userId) is not { } user)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var result = await users.ConfirmEmailAsync(user, code);
        Confirmed = result.Succeeded;
        if (!Confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (tenant.Tenant is not null)
        {
            await memberships.ApplyAppointmentsAsync(user);
            await db.SaveChangesAsync();
        }
    }
}
