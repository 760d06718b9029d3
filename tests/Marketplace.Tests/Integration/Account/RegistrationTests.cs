using System.Net;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Account;

[Trait("Category", "Database")]
public sealed class RegistrationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<int> UserCountAsync(string userName) =>
        await app.InTownAsync(null, db => db.Users.CountAsync(u => u.UserName == userName));

    [Fact]
    public async Task Register_ConfirmByMail_ThenLogin_MakesMemberOfTown()
    {
        var client = app.TownClient("erlangen");

        var registered = await client.SubmitAsync("/account/register", "[data-testid=register-form]",
            Accounts.Registration("neue-helferin", "neue-helferin@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var notConfirmed = await client.LoginAsync("neue-helferin", "ein langes Passwort");
        Assert.Contains("bestätigen", (await Html.ParseAsync(notConfirmed)).TestId("login-errors"));

        var mail = await app.Smtp.WaitForAsync("neue-helferin@example.org");
        Assert.Contains("Erlangen", mail.Subject);
        var confirm = await client.GetAsync(Accounts.LinkIn(mail, "/account/confirm-email"));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        await client.LoginOkAsync("neue-helferin", "ein langes Passwort");
        var home = await client.GetPageAsync("/");
        Assert.Equal("neue-helferin", home.TestId("current-user"));
        Assert.Null(home.QuerySelector("[data-testid=join-town]"));
    }

    [Fact]
    public async Task Register_InvalidEmail_ShowsMessageAtField_StoresNothing()
    {
        var response = await app.TownClient("erlangen").SubmitAsync("/account/register", "[data-testid=register-form]",
            Accounts.Registration("kaputte-mail", "not-an-address"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("gültige E-Mail-Adresse", (await Html.ParseAsync(response)).FieldError("Input.Email"));
        Assert.Equal(0, await UserCountAsync("kaputte-mail"));
    }

    [Fact]
    public async Task Register_TakenUserName_ShowsMessageAtField_StoresNothing()
    {
        var response = await app.TownClient("erlangen").SubmitAsync("/account/register", "[data-testid=register-form]",
            Accounts.Registration("erlangen-mitglied", "other-person@example.org"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("schon vergeben", (await Html.ParseAsync(response)).FieldError("Input.UserName"));
        Assert.Equal(0, await app.InTownAsync(null, db => db.Users.CountAsync(u => u.Email == "other-person@example.org")));
    }

    [Fact]
    public async Task Register_WithoutPrivacyConsent_ShowsMessageAtCheckbox_StoresNothing()
    {
        var form = Accounts.Registration("ohne-zustimmung", "ohne-zustimmung@example.org");
        form["Input.AcceptPrivacy"] = "false";

        var response = await app.TownClient("erlangen").SubmitAsync("/account/register", "[data-testid=register-form]", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Bitte stimmen Sie der Datenschutzerklärung zu.", (await Html.ParseAsync(response)).FieldError("Input.AcceptPrivacy"));
        Assert.Equal(0, await UserCountAsync("ohne-zustimmung"));
    }

    [Theory]
    [InlineData("kurz")]
    [InlineData("1234567890")]
    [InlineData("aaaaaaaaaaaa")]
    public async Task Register_WeakPassword_ShowsMessageAtField_StoresNothing(string password)
    {
        var response = await app.TownClient("erlangen").SubmitAsync("/account/register", "[data-testid=register-form]",
            Accounts.Registration("schwach-" + password.Length, "weak-" + password.Length + "@example.org", password));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.Password"));
        Assert.Equal(0, await UserCountAsync("schwach-" + password.Length));
    }

    [Theory]
    [InlineData("kurz")]
    [InlineData("1234567890")]
    public async Task Register_WeakPassword_AnswersTheSame_WhetherOrNotTheAddressHasAnAccount(string password)
    {
        var owner = DemoData.EmailOf("erlangen-mitglied");

        var known = await app.TownClient("erlangen").SubmitAsync("/account/register", "[data-testid=register-form]",
            Accounts.Registration("schwach-bekannt", owner, password));
        var unknown = await app.TownClient("erlangen").SubmitAsync("/account/register", "[data-testid=register-form]",
            Accounts.Registration("schwach-unbekannt", "schwach-unbekannt@example.org", password));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        var message = (await Html.ParseAsync(unknown)).FieldError("Input.Password");
        Assert.NotNull(message);
        Assert.Equal(message, (await Html.ParseAsync(known)).FieldError("Input.Password"));
        await app.MailSettledAsync();
        Assert.DoesNotContain(app.Smtp.MessagesTo(owner), m => m.Subject?.Contains("schon ein Konto") == true);
    }

    [Fact]
    public async Task Register_TakenUserName_AnswersTheSame_WhetherOrNotTheAddressHasAnAccount()
    {
        var owner = DemoData.EmailOf("potsdam-mitglied");

        var known = await app.TownClient("erlangen").SubmitAsync("/account/register", "[data-testid=register-form]",
            Accounts.Registration("erlangen-koordination", owner));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, known.StatusCode);
        Assert.Contains("schon vergeben", (await Html.ParseAsync(known)).FieldError("Input.UserName"));
        await app.MailSettledAsync();
        Assert.Empty(app.Smtp.MessagesTo(owner));
    }
}
