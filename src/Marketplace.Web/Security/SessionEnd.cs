using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Security;

/// <summary>
/// Ends every session of an account: on every device, in every town; on the instance that saves it from the next request
/// on, on every other within <see cref="VerifiedSessions.TrustFor"/>. It renews the security stamp, which
/// <see cref="SessionCheck"/> compares. Logout calls
/// it; so should anything that changes who may use the account (e-mail change, account deletion). A page that ends the
/// sessions but keeps its own signs in again afterwards with <c>SignInManager.RefreshSignInAsync(user)</c>.
/// Identity's own password reset and change renew the stamp already.
/// </summary>
public sealed class SessionEnd(UserManager<AppUser> users, AppDbContext db)
{
    public async Task EndAllSessionsAsync(AppUser user)
    {
        // A concurrent change of the account (e.g. another tab saving a setting) makes the update fail on the
        // concurrency stamp; reading the row again and retrying keeps that change and still ends the sessions.
        for (var attempt = 1; ; attempt++)
        {
            var result = await users.UpdateSecurityStampAsync(user);
            if (result.Succeeded)
            {
                return;
            }

            if (attempt == 3 || !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                throw new InvalidOperationException($"The sessions of account {user.Id} could not be ended: {string.Join(", ", result.Errors.Select(e => e.Code))}");
            }

            await db.Entry(user).ReloadAsync();
        }
    }
}
