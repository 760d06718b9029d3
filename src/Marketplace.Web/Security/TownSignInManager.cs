using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>
/// Identity's sign-in, with one step opened up: the login page checks the password itself (in an order that does not
/// tell who has an account), then signs in here, or is told to ask for the authenticator code first.
/// </summary>
public sealed class TownSignInManager(UserManager<AppUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    /// <summary>For an account whose password was just verified: signed in, or <c>RequiresTwoFactor</c> with the code step begun.</summary>
    public Task<SignInResult> SignInAfterPasswordAsync(AppUser user, bool isPersistent) => SignInOrTwoFactorAsync(user, isPersistent);
}
