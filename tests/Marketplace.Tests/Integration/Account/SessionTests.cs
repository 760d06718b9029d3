using System.Net;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Account;

/// <summary>
/// A login cookie someone kept (a shared computer, a copied browser profile) stops working when its owner logs out or
/// resets the password; an office session ends after the town's idle time, a member's does not.
/// </summary>
[Trait("Category", "Database")]
public sealed class SessionTests(SessionClockFactory app) : IClassFixture<SessionClockFactory>
{
    private async Task<string> RegisterConfirmedAsync(string slug, string userName)
    {
        var client = app.TownClient(slug);
        var email = $"{userName}@example.org";
        await client.SubmitAsync("/account/register", "[data-testid=register-form]", Accounts.Registration(userName, email));
        var mail = await app.Smtp.WaitForAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Accounts.LinkIn(mail, "/account/confirm-email"))).StatusCode);
        return email;
    }

    private static async Task<string> LoginAndKeepCookieAsync(HttpClient client, string userName, string password = DemoData.Password)
    {
        var login = await client.LoginAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return SavedCookies.AuthCookieFrom(login);
    }


    [Fact]
    public async Task SavedCookie_AfterLogout_IsSentToTheLogin()
    {
        await RegisterConfirmedAsync("erlangen", "abgemeldet");
        var client = app.TownClient("erlangen");
        var saved = await LoginAndKeepCookieAsync(client, "abgemeldet", "ein langes Passwort");
        Assert.Equal(HttpStatusCode.OK, (await app.ReplayAsync("erlangen", "/me", saved)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/", "form[action='/account/logout']")).StatusCode);

        SavedCookies.AssertSentToLogin(await app.ReplayAsync("erlangen", "/me", saved));
    }

    [Fact]
    public async Task SavedCookie_AfterPasswordReset_IsSentToTheLogin()
    {
        var email = await RegisterConfirmedAsync("potsdam", "zurueckgesetzt");
        var saved = await LoginAndKeepCookieAsync(app.TownClient("potsdam"), "zurueckgesetzt", "ein langes Passwort");

        var owner = app.TownClient("potsdam");
        await owner.SubmitAsync("/account/forgot-password", "[data-testid=forgot-form]", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = Accounts.LinkIn(await app.Smtp.WaitForAsync(email, m => m.Subject?.Contains("Passwort") == true), "/account/reset-password");
        var reset = await owner.SubmitAsync(link, "[data-testid=reset-form]", new Dictionary<string, string>
        {
            ["Input.Password"] = "ganz neues Kennwort",
            ["Input.ConfirmPassword"] = "ganz neues Kennwort",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        SavedCookies.AssertSentToLogin(await app.ReplayAsync("potsdam", "/me", saved));
        await owner.LoginOkAsync("zurueckgesetzt", "ganz neues Kennwort");
    }

    [Fact]
    public async Task Coordinator_IdleLongerThanTheTownsTwoHours_MustLogInAgain()
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-koordination");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/coordination")).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        SavedCookies.AssertSentToLogin(await client.GetAsync("/coordination"));
        SavedCookies.AssertSentToLogin(await client.GetAsync("/me"));
    }

    [Fact]
    public async Task Coordinator_WorkingThroughTheDay_StaysSignedIn()
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-admin");

        for (var hour = 0; hour < 4; hour++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(90));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/coordination")).StatusCode);
        }
    }

    [Fact]
    public async Task Member_IdleForADay_StaysSignedIn()
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        app.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task TownAdmin_SetsThirtyMinutes_ACoordinatorIdleFor31MinutesMustLogInAgain()
    {
        var admin = await app.SignedInAsync("koeln", "koeln-admin");
        var saved = await admin.SubmitAsync("/town/settings", "[data-testid=settings-form]",
            new Dictionary<string, string> { ["Input.OfficeIdleTimeoutMinutes"] = "30" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(30, await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "koeln").Select(t => t.OfficeIdleTimeoutMinutes).SingleAsync()));
        Assert.Equal("30", (await admin.GetPageAsync("/town/settings")).QuerySelector("[data-testid=settings-office-idle]")!.GetAttribute("value"));

        var coordinator = await app.SignedInAsync("koeln", "koeln-koordination");
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/coordination")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        SavedCookies.AssertSentToLogin(await coordinator.GetAsync("/coordination"));
    }

    [Theory]
    [InlineData("4")]
    [InlineData("721")]
    [InlineData("")]
    public async Task OfficeIdleTimeout_OutOfRange_ShowsTheMessageAtTheField_AndNothingIsSaved(string minutes)
    {
        var admin = await app.SignedInAsync("potsdam", "potsdam-admin");

        var response = await admin.SubmitAsync("/town/settings", "[data-testid=settings-form]",
            new Dictionary<string, string> { ["Input.OfficeIdleTimeoutMinutes"] = minutes });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.OfficeIdleTimeoutMinutes"));
        Assert.Equal(120, await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "potsdam").Select(t => t.OfficeIdleTimeoutMinutes).SingleAsync()));
    }

    [Fact]
    public async Task PlatformAdmin_IdleLongerThanTwoHours_MustLogInAgain()
    {
        var client = app.PlatformClient();
        await client.LoginOkAsync(DemoData.PlatformAdminName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        SavedCookies.AssertSentToLogin(await client.GetAsync("/admin"));
    }
}
