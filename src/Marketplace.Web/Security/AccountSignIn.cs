using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Security;

/// <summary>What signing in does once the account is proven, by password or by a mailed link: the cookie, and in a town the appointments waiting for the account's address.</summary>
public sealed class AccountSignIn(SignInManager<AppUser> signIn, Memberships memberships, AppDbContext db, ITenantContext tenant)
{
    public async Task SignInAsync(AppUser user, bool persistent)
    {
        await signIn.SignInAsync(user, persistent);
        if (tenant.Tenant is not null)
        {
            await memberships.ApplyAppointmentsAsync(user);
            await db.SaveChangesAsync();
        }
    }
}
