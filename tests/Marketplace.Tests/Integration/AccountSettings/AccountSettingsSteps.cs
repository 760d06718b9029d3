using System.Net;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Marketplace.Tests.Integration.AccountSettings;

/// <summary>The steps a member takes on /me/account, and the authenticator app a test plays.</summary>
public static class AccountSettingsSteps
{
    /// <summary>What an authenticator app shows now for the key the page displayed (RFC 6238: 30 s, 6 digits, SHA-1).</summary>
    public static string AuthenticatorCode(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(DateTime.UtcNow);

    /// <summary>A code of the same key that is certainly not the current one (an hour ago).</summary>
    public static string WrongAuthenticatorCode(string key)
    {
        var wrong = new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()))
            .ComputeTotp(DateTime.UtcNow.AddHours(-1));
        return wrong == AuthenticatorCode(key) ? "000000" : wrong;
    }

    /// <summary>
    /// Turns two-factor sign-in on through the pages; returns the key shown in text, the recovery codes shown once and
    /// where the page then offers to continue.
    /// </summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes, string? ContinueTo)> TurnOnTwoFactorAsync(this HttpClient client,
        string setupUrl = "/me/account/two-factor")
    {
        var setup = await client.GetPageAsync(setupUrl);
        var key = setup.TestId("authenticator-key");
        var response = await client.SubmitAsync(setupUrl, "[data-testid=enable-2fa-form]",
            new Dictionary<string, string> { ["Input.Code"] = AuthenticatorCode(key) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        var codes = shown.QuerySelectorAll("[data-testid=recovery-code]").Select(c => c.TextContent.Trim()).ToList();
        return (key, codes, shown.QuerySelector("[data-testid=two-factor-continue]")?.GetAttribute("href"));
    }

    /// <summary>Password first, then the login asks for the second step; returns where the password step sent the browser.</summary>
    public static async Task<Uri> LoginUntilCodeAsync(this HttpClient client, string login)
    {
        var response = await client.LoginAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login-with-2fa", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        return response.Headers.Location!;
    }

    public static Task<AppUser> AccountAsync(this MarketplaceFactory app, string userName) =>
        app.InTownAsync(null, db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    /// <summary>A fresh member of the town who is made coordinator.</summary>
    public static async Task<string> NewCoordinatorAsync(this MarketplaceFactory app, string slug, string prefix, TownRole role = TownRole.Coordinator)
    {
        var userName = await app.NewMemberAsync(slug, prefix);
        var userId = await app.UserIdAsync(userName);
        await app.InTownAsync(slug, db => db.Memberships.Where(m => m.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, role)));
        return userName;
    }
}

/// <summary>The app checking a login cookie's security stamp on every request, so a session another change ended is gone at once.</summary>
public sealed class StampCheckedEveryRequestFactory : MarketplaceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
    }
}
