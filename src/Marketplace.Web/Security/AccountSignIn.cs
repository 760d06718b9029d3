using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Privacy;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Marketplace.Web.Security;

/// <summary>
/// What signing in does once the account is proven (password, authenticator or recovery code, mailed link): the
/// cookie, or the code step for an account with two-factor sign-in; then a pending deletion is cancelled and, in a town,
/// the appointments waiting for the account's address are applied. Every way in goes through here, so none skips a step.
/// </summary>
public sealed class AccountSignIn(TownSignInManager signIn, Memberships memberships, AppDbContext db, ITenantContext tenant, AccountDeletions deletions)
{
    /// <summary>Signs in, or answers false when the account's second factor must be asked first (the code step is begun).</summary>
    public async Task<bool> SignInAsync(AppUser user, bool persistent, ITempDataDictionary tempData)
    {
        if ((await signIn.SignInAfterPasswordAsync(user, persistent)).RequiresTwoFactor)
        {
            return false;
        }

        await CompleteAsync(user, tempData);
        return true;
    }

    /// <summary>The steps after the cookie is issued; the two-factor pages call it after their own sign-in.</summary>
    public async Task CompleteAsync(AppUser user, ITempDataDictionary tempData)
    {
        await deletions.CancelOnSignInAsync(user.Id, tempData);
        if (tenant.Tenant is not null)
        {
            await memberships.ApplyAppointmentsAsync(user);
            await db.SaveChangesAsync();
        }
    }
}
