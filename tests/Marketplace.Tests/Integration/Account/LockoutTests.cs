using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Account;

/// <summary>
/// User names are public, so wrong passwords count per account and client address: whoever guesses from one address
/// does not lock the owner out at another, and a mailed sign-in link works whatever the password lock says.
/// </summary>
[Trait("Category", "Database")]
public sealed class LockoutTests(SessionClockFactory app) : IClassFixture<SessionClockFactory>
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

    /// <summary>A browser at the given address, as the proxy in front of the app reports it.</summary>
    private HttpClient ClientAt(string slug, string address)
    {
        var client = app.TownClient(slug);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<string> LoginErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (await Html.ParseAsync(response)).TestId("login-errors");
    }

    private async Task<string> RequestLinkAsync(string slug, string email, string address = "198.51.100.1")
    {
        var response = await ClientAt(slug, address).SubmitAsync("/account/login-link", "[data-testid=login-link-form]",
            new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task FiveWrongPasswordsFromOneAddress_TheOwnerAtAnotherAddress_StillLogsIn()
    {
        await RegisterConfirmedAsync("erlangen", "zielscheibe");
        var attacker = ClientAt("erlangen", "203.0.113.66");
        for (var i = 0; i < 5; i++)
        {
            await attacker.LoginAsync("zielscheibe", "geraten " + i);
        }

        Assert.Contains("gesperrt", await LoginErrorsAsync(await attacker.LoginAsync("zielscheibe", "ein langes Passwort")));
        await ClientAt("erlangen", "198.51.100.23").LoginOkAsync("zielscheibe", "ein langes Passwort");
    }

    [Fact]
    public async Task WrongPasswordsFromManyAddresses_LockThePassword_TheOwnerSignsInWithTheMailedLink()
    {
        var email = await RegisterConfirmedAsync("erlangen", "viel-geraten");
        for (var address = 1; address <= 5; address++)
        {
            var attacker = ClientAt("erlangen", $"203.0.113.{address}");
            for (var i = 0; i < 5; i++)
            {
                await attacker.LoginAsync("viel-geraten", $"geraten {address}-{i}");
            }
        }

        var owner = ClientAt("erlangen", "198.51.100.24");
        var errors = await LoginErrorsAsync(await owner.LoginAsync("viel-geraten", "ein langes Passwort"));
        Assert.Contains("gesperrt", errors);
        Assert.Contains("E-Mail-Link", errors);

        await RequestLinkAsync("erlangen", email, "198.51.100.24");
        var link = Accounts.LinkIn(await app.Smtp.WaitForAsync(email, m => m.Subject?.Contains("Anmeldelink") == true), "/account/login-link/");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(link, "[data-testid=login-link-confirm]")).StatusCode);
        Assert.Equal("viel-geraten", (await owner.GetPageAsync("/")).TestId("current-user"));
    }

    [Fact]
    public async Task LoginLink_LoginPageOffersIt_ItSignsInOnce_NotTwice()
    {
        var email = await RegisterConfirmedAsync("potsdam", "link-einmal");
        var loginPage = await app.TownClient("potsdam").GetPageAsync("/account/login");
        Assert.Equal("/account/login-link", loginPage.QuerySelector("[data-testid=login-link-link]")!.GetAttribute("href"));

        var status = await RequestLinkAsync("potsdam", email);
        Assert.StartsWith("/account/login", status);
        var mail = await app.Smtp.WaitForAsync(email, m => m.Subject?.Contains("Anmeldelink") == true);
        var link = Accounts.LinkIn(mail, "/account/login-link/");
        Assert.StartsWith("http://potsdam.localhost/", link);

        var first = app.TownClient("potsdam");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(link, "[data-testid=login-link-confirm]")).StatusCode);
        Assert.Equal("link-einmal", (await first.GetPageAsync("/")).TestId("current-user"));

        var second = app.TownClient("potsdam");
        var again = await second.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.NotNull((await Html.ParseAsync(again)).QuerySelector("[data-testid=login-link-invalid]"));
        Assert.Null((await second.GetPageAsync("/")).QuerySelector("[data-testid=current-user]"));
    }

    [Fact]
    public async Task LoginLink_OpenedInTwoBrowsers_SignsInOnlyTheFirstToConfirm()
    {
        var email = await RegisterConfirmedAsync("potsdam", "link-doppelklick");
        await RequestLinkAsync("potsdam", email);
        var link = Accounts.LinkIn(await app.Smtp.WaitForAsync(email, m => m.Subject?.Contains("Anmeldelink") == true), "/account/login-link/");
        var (first, second) = (app.TownClient("potsdam"), app.TownClient("potsdam"));
        var firstForm = (await first.GetPageAsync(link)).QuerySelector<IHtmlFormElement>("[data-testid=login-link-confirm]")!;
        var secondForm = (await second.GetPageAsync(link)).QuerySelector<IHtmlFormElement>("[data-testid=login-link-confirm]")!;

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstForm, link)).StatusCode);
        var late = await second.SubmitAsync(secondForm, link);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.NotNull((await Html.ParseAsync(late)).QuerySelector("[data-testid=login-link-invalid]"));
        Assert.Null((await second.GetPageAsync("/")).QuerySelector("[data-testid=current-user]"));
    }

    [Fact]
    public async Task LoginLink_ForAnAccountWithASecondFactor_DoesNotSignIn()
    {
        var email = await RegisterConfirmedAsync("potsdam", "link-zwei-faktoren");
        await app.InTownAsync(null, db => db.Users.Where(u => u.UserName == "link-zwei-faktoren")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, true)));
        await RequestLinkAsync("potsdam", email);
        var link = Accounts.LinkIn(await app.Smtp.WaitForAsync(email, m => m.Subject?.Contains("Anmeldelink") == true), "/account/login-link/");
        var client = app.TownClient("potsdam");

        var response = await client.SubmitAsync(link, "[data-testid=login-link-confirm]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("[data-testid=login-link-two-factor]"));
        Assert.Null((await client.GetPageAsync("/")).QuerySelector("[data-testid=current-user]"));
    }

    [Fact]
    public async Task LoginLink_After15Minutes_NoLongerSignsIn()
    {
        var email = await RegisterConfirmedAsync("koeln", "link-abgelaufen");
        await RequestLinkAsync("koeln", email);
        var link = Accounts.LinkIn(await app.Smtp.WaitForAsync(email, m => m.Subject?.Contains("Anmeldelink") == true), "/account/login-link/");

        app.Clock.Advance(TimeSpan.FromMinutes(16));

        var response = await app.TownClient("koeln").GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("[data-testid=login-link-invalid]"));
    }

    [Fact]
    public async Task LoginLink_OfOneTown_DoesNotSignInOnAnother()
    {
        var email = await RegisterConfirmedAsync("erlangen", "link-fremd");
        await RequestLinkAsync("erlangen", email);
        var link = Accounts.LinkIn(await app.Smtp.WaitForAsync(email, m => m.Subject?.Contains("Anmeldelink") == true), "/account/login-link/");

        var elsewhere = new Uri(link).PathAndQuery;
        var response = await app.TownClient("potsdam").GetAsync(elsewhere);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task LoginLink_ForAnUnknownAddress_LooksTheSame_AndSendsNothing()
    {
        var status = await RequestLinkAsync("erlangen", "unbekannt-link@example.org");

        Assert.StartsWith("/account/login", status);
        await app.MailSettledAsync();
        Assert.Empty(app.Smtp.MessagesTo("unbekannt-link@example.org"));
    }

    [Fact]
    public async Task LoginLink_RequestedFiveTimes_MailsThree()
    {
        var email = await RegisterConfirmedAsync("erlangen", "link-flut");
        for (var i = 0; i < 5; i++)
        {
            await RequestLinkAsync("erlangen", email, $"203.0.113.{100 + i}");
        }

        await app.MailSettledAsync();
        Assert.Equal(3, app.Smtp.MessagesTo(email).Count(m => m.Subject?.Contains("Anmeldelink") == true));
    }

    [Fact]
    public async Task LoginLink_ShownToAnInvalidEmail_AsAFieldError()
    {
        var response = await app.TownClient("erlangen").SubmitAsync("/account/login-link", "[data-testid=login-link-form]",
            new Dictionary<string, string> { ["Input.Email"] = "keine-adresse" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.Email"));
    }
}
