using System.Net;
using Marketplace.Web.Data;

namespace Marketplace.Tests.Integration.AccountSettings;

[Trait("Category", "Database")]
public sealed class TwoFactorTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static Task<HttpResponseMessage> EnterCodeAsync(HttpClient client, Uri codePage, string code) =>
        client.SubmitAsync(codePage.OriginalString, "[data-testid=login-2fa-form]", new Dictionary<string, string> { ["Input.Code"] = code });

    [Fact]
    public async Task Setup_ShowsAQrCodeAndTheKey_AWrongCodeIsRefused_TheRightOneTurnsItOn_AndRecoveryCodesAreShownOnce()
    {
        var member = await app.NewMemberAsync("erlangen", "zweifach");
        var client = await app.SignedInAsync("erlangen", member);

        var setup = await client.GetPageAsync("/me/account/two-factor");
        var qr = setup.QuerySelector("[data-testid=authenticator-qr]")?.GetAttribute("src") ?? "";
        Assert.StartsWith("data:image/png;base64,", qr);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(qr["data:image/png;base64,".Length..])[..4]);
        var key = setup.TestId("authenticator-key");
        Assert.True(key.Replace(" ", "").Length >= 16, key);

        var wrong = await client.SubmitAsync("/me/account/two-factor", "[data-testid=enable-2fa-form]",
            new Dictionary<string, string> { ["Input.Code"] = AccountSettingsSteps.WrongAuthenticatorCode(key) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.NotNull((await Html.ParseAsync(wrong)).FieldError("Input.Code"));
        Assert.False((await app.AccountAsync(member)).TwoFactorEnabled);

        var (sameKey, codes, _) = await client.TurnOnTwoFactorAsync();

        Assert.Equal(key, sameKey);
        Assert.True((await app.AccountAsync(member)).TwoFactorEnabled);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        var later = await client.GetPageAsync("/me/account/two-factor");
        Assert.Empty(later.QuerySelectorAll("[data-testid=recovery-code]"));
        Assert.Contains("10", later.TestId("recovery-codes-left"));
        Assert.Contains("eingeschaltet", (await client.GetPageAsync("/me/account")).TestId("account-2fa"));
    }

    [Fact]
    public async Task Login_WithTwoFactorOn_AsksForTheCode_AndSignsInOnlyWithTheRightOne()
    {
        var member = await app.NewMemberAsync("erlangen", "anmeldung2fa");
        var (key, _, _) = await (await app.SignedInAsync("erlangen", member)).TurnOnTwoFactorAsync();
        var client = app.TownClient("erlangen");

        var codePage = await client.LoginUntilCodeAsync(member);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/me")).StatusCode);
        var wrong = await EnterCodeAsync(client, codePage, AccountSettingsSteps.WrongAuthenticatorCode(key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.NotNull((await Html.ParseAsync(wrong)).FieldError("Input.Code"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/me")).StatusCode);

        var right = await EnterCodeAsync(client, codePage, AccountSettingsSteps.AuthenticatorCode(key));

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task Login_KeepsTheAddressAskedFor_ThroughTheCodeStep()
    {
        var member = await app.NewMemberAsync("erlangen", "ruecksprung");
        var (key, _, _) = await (await app.SignedInAsync("erlangen", member)).TurnOnTwoFactorAsync();
        var client = app.TownClient("erlangen");

        var password = await client.SubmitAsync("/account/login?returnUrl=%2Fme%2Fnotifications", "[data-testid=login-form]",
            new Dictionary<string, string> { ["Input.Login"] = member, ["Input.Password"] = DemoData.Password });
        var right = await EnterCodeAsync(client, password.Headers.Location!, AccountSettingsSteps.AuthenticatorCode(key));

        Assert.Equal("/me/notifications", right.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_WithARecoveryCode_WorksOnce()
    {
        var member = await app.NewMemberAsync("erlangen", "wiederherstellung");
        var (_, codes, _) = await (await app.SignedInAsync("erlangen", member)).TurnOnTwoFactorAsync();
        var client = app.TownClient("erlangen");
        await client.LoginUntilCodeAsync(member);

        var used = await client.SubmitAsync("/account/login-with-recovery-code", "[data-testid=login-recovery-form]",
            new Dictionary<string, string> { ["Input.RecoveryCode"] = " " + codes[0].ToLowerInvariant() + " " });

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
        var again = app.TownClient("erlangen");
        await again.LoginUntilCodeAsync(member);
        var reused = await again.SubmitAsync("/account/login-with-recovery-code", "[data-testid=login-recovery-form]",
            new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(reused)).FieldError("Input.RecoveryCode"));
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task CodeStep_WithoutThePasswordStep_SendsBackToTheLogin()
    {
        var response = await app.TownClient("erlangen").GetAsync("/account/login-with-2fa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TurningOff_NeedsThePassword_ThenTheLoginAsksForNoCode()
    {
        var member = await app.NewMemberAsync("erlangen", "ausschalten");
        var client = await app.SignedInAsync("erlangen", member);
        await client.TurnOnTwoFactorAsync();

        var refused = await client.SubmitAsync("/me/account/two-factor", "[data-testid=disable-2fa-form]",
            new Dictionary<string, string> { ["Disable.CurrentPassword"] = "falsches Passwort" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("falsch", (await Html.ParseAsync(refused)).FieldError("Disable.CurrentPassword"));
        Assert.True((await app.AccountAsync(member)).TwoFactorEnabled);

        var off = await client.SubmitAsync("/me/account/two-factor", "[data-testid=disable-2fa-form]",
            new Dictionary<string, string> { ["Disable.CurrentPassword"] = DemoData.Password });

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False((await app.AccountAsync(member)).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
        var fresh = app.TownClient("erlangen");
        Assert.Equal("/", (await fresh.LoginAsync(member)).Headers.Location!.OriginalString);
    }
}
