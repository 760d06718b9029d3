using System.Net;
using Marketplace.Web.Security;

namespace Marketplace.Tests.Integration.Account;

/// <summary>
/// Each instance trusts a session it verified for a moment (Security/VerifiedSessions). Logging out ends a saved cookie at
/// once on the instance that saved the logout, and within that moment on every other instance of the app.
/// </summary>
[Trait("Category", "Database")]
public sealed class SessionAcrossInstancesTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task ACookieKeptAfterLogout_IsRefusedAtOnceWhereTheLogoutWasSaved_AndWithinSecondsOnAnotherInstance()
    {
        var member = await app.NewMemberAsync("erlangen", "abmelden");
        await using var other = app.SecondInstance();
        var owner = app.TownClient("erlangen");
        var saved = SavedCookies.AuthCookieFrom(await owner.LoginAsync(member));
        // Both instances have verified the session and trust it now.
        Assert.Equal(HttpStatusCode.OK, (await app.ReplayAsync("erlangen", "/me", saved)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.ReplayAsync("erlangen", "/me", saved)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync("/", "form[action='/account/logout']")).StatusCode);

        SavedCookies.AssertSentToLogin(await app.ReplayAsync("erlangen", "/me", saved));
        await Task.Delay(VerifiedSessions.TrustFor + TimeSpan.FromMilliseconds(200));
        SavedCookies.AssertSentToLogin(await other.ReplayAsync("erlangen", "/me", saved));
    }

}
