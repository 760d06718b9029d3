using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Security;

/// <summary>
/// What happens to the account's sessions when its owner changes how they sign in. Identity renews the security stamp
/// on many of those changes, which would also end the session that made the change; this one is issued again.
/// </summary>
public sealed class CredentialChanges(SessionEnd sessions, SignInManager<AppUser> signIn)
{
    /// <summary>After a new password or address: every other session ends, the one of this request goes on.</summary>
    public async Task EndOtherSessionsAsync(AppUser user)
    {
        await sessions.EndAllSessionsAsync(user);
        await KeepThisSessionAsync(user);
    }

    /// <summary>
    /// Re-issues this request's login cookie with the account's current stamp. Does nothing when this request is not
    /// signed in as that account (a confirmation link opened on another device signs nobody in).
    /// </summary>
    public Task KeepThisSessionAsync(AppUser user) => signIn.RefreshSignInAsync(user);
}
