using System.Net;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Account;

[Trait("Category", "Database")]
public sealed class AccountFlowTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
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

    [Fact]
    public async Task ForgotPassword_MailLink_SetsNewPassword_OldOneStopsWorking()
    {
        var email = await RegisterConfirmedAsync("potsdam", "vergesslich");
        var client = app.TownClient("potsdam");

        var requested = await client.SubmitAsync("/account/forgot-password", "[data-testid=forgot-form]",
            new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);

        var mail = await app.Smtp.WaitForAsync(email, m => m.Subject?.Contains("Passwort") == true);
        var link = Accounts.LinkIn(mail, "/account/reset-password");
        Assert.StartsWith("http://potsdam.localhost/", link);
        var reset = await client.SubmitAsync(link, "[data-testid=reset-form]", new Dictionary<string, string>
        {
            ["Input.Password"] = "ganz neues Kennwort",
            ["Input.ConfirmPassword"] = "ganz neues Kennwort",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.TownClient("potsdam").LoginAsync("vergesslich", "ein langes Passwort")).StatusCode);
        await app.TownClient("potsdam").LoginOkAsync("vergesslich", "ganz neues Kennwort");
    }

    [Fact]
    public async Task ForgotPassword_UnknownAddress_LooksTheSame_AndSendsNothing()
    {
        var response = await app.TownClient("potsdam").SubmitAsync("/account/forgot-password", "[data-testid=forgot-form]",
            new Dictionary<string, string> { ["Input.Email"] = "niemand@example.org" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.MailSettledAsync();
        Assert.Empty(app.Smtp.MessagesTo("niemand@example.org"));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        await RegisterConfirmedAsync("erlangen", "vertipper");
        var client = app.TownClient("erlangen");
        for (var i = 0; i < 5; i++)
        {
            await client.LoginAsync("vertipper", "falsches Passwort " + i);
        }

        var response = await client.LoginAsync("vertipper", "ein langes Passwort");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("gesperrt", (await Html.ParseAsync(response)).TestId("login-errors"));
    }

    [Fact]
    public async Task SecondTown_JoinWithOneClick_AfterLoggingInThere()
    {
        await RegisterConfirmedAsync("erlangen", "zwei-staedte");
        var koeln = app.TownClient("koeln");
        await koeln.LoginOkAsync("zwei-staedte", "ein langes Passwort");
        var home = await koeln.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("[data-testid=join-town]"));

        var joined = await koeln.SubmitAsync("/", "[data-testid=join-form]");

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var after = await koeln.GetPageAsync("/");
        Assert.Null(after.QuerySelector("[data-testid=join-town]"));
        Assert.Contains("Köln", after.TestId("status-message"));
        var towns = await app.InTownAsync("koeln", db => db.Memberships.CountAsync(m => m.User!.UserName == "zwei-staedte"));
        Assert.Equal(1, towns);
    }

    [Fact]
    public async Task Register_WithAnAddressThatHasAnAccount_StoresNothing_AndTellsTheOwnerByMail()
    {
        var response = await app.TownClient("koeln").SubmitAsync("/account/register", "[data-testid=register-form]",
            Accounts.Registration("doppelgaenger", DemoData.EmailOf("koeln-mitglied")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.InTownAsync(null, db => db.Users.CountAsync(u => u.UserName == "doppelgaenger")));
        var notice = await app.Smtp.WaitForAsync(DemoData.EmailOf("koeln-mitglied"));
        Assert.Contains("schon ein Konto", notice.Subject);
    }

    [Fact]
    public async Task ConfirmationLink_Tampered_ShowsClearMessage_AndConfirmsNothing()
    {
        var client = app.TownClient("erlangen");
        await client.SubmitAsync("/account/register", "[data-testid=register-form]", Accounts.Registration("manipuliert", "manipuliert@example.org"));
        var link = Accounts.LinkIn(await app.Smtp.WaitForAsync("manipuliert@example.org"), "/account/confirm-email");

        var response = await client.GetAsync(link[..^4] + "AAAA");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("[data-testid=email-confirm-failed]"));
        Assert.False(await app.InTownAsync(null, db => db.Users.Where(u => u.UserName == "manipuliert").Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var client = app.TownClient("erlangen");
        await client.LoginOkAsync("erlangen-mitglied");

        var response = await client.SubmitAsync("/", "form[action='/account/logout']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await client.GetPageAsync("/")).QuerySelector("[data-testid=current-user]"));
    }

    [Fact]
    public async Task Login_UnconfirmedAccount_WithAWrongPassword_SaysOnlyThatItIsWrong()
    {
        var client = app.TownClient("erlangen");
        await client.SubmitAsync("/account/register", "[data-testid=register-form]", Accounts.Registration("noch-offen", "noch-offen@example.org"));

        var response = await client.LoginAsync("noch-offen", "falsches Passwort");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await Html.ParseAsync(response)).TestId("login-errors");
        Assert.Contains("falsch", errors);
        Assert.DoesNotContain("bestätigen", errors);
    }

    /// <summary>
    /// A locked login is refused before the password is checked: were the right password answered differently, the
    /// lock would not stop a guesser. Unknown names lock alike, so the lock tells nobody who has an account.
    /// </summary>
    [Theory]
    [InlineData("gesperrt-geraten", true)]
    [InlineData("gibt-es-nicht", false)]
    public async Task LockedLogin_AnswersTheSame_ForTheRightAndAWrongPassword_WhetherOrNotTheAccountExists(string userName, bool exists)
    {
        if (exists)
        {
            await RegisterConfirmedAsync("erlangen", userName);
        }

        var client = app.TownClient("erlangen");
        for (var i = 0; i < 5; i++)
        {
            Assert.DoesNotContain("gesperrt", (await Html.ParseAsync(await client.LoginAsync(userName, "falsches Passwort " + i))).TestId("login-errors"));
        }

        var wrong = await client.LoginAsync(userName, "noch ein falsches");
        var right = await client.LoginAsync(userName, "ein langes Passwort");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, right.StatusCode);
        var wrongErrors = (await Html.ParseAsync(wrong)).TestId("login-errors");
        Assert.Contains("gesperrt", wrongErrors);
        Assert.Equal(wrongErrors, (await Html.ParseAsync(right)).TestId("login-errors"));
    }

    [Fact]
    public async Task TwoPendingAppointments_ForOneAddress_GiveOneMembership_WithTheHigherRole()
    {
        var email = await RegisterConfirmedAsync("erlangen", "doppelt-ernannt");
        await app.InTownAsync("potsdam", db =>
        {
            db.Appointments.AddRange(
                new CoordinatorAppointment { NormalizedEmail = email.ToUpperInvariant(), Role = TownRole.Coordinator, CreatedAt = DateTimeOffset.UtcNow },
                new CoordinatorAppointment { NormalizedEmail = email.ToUpperInvariant(), Role = TownRole.TownAdmin, CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });

        await app.TownClient("potsdam").LoginOkAsync("doppelt-ernannt", "ein langes Passwort");

        var roles = await app.InTownAsync("potsdam", db => db.Memberships.Where(m => m.User!.UserName == "doppelt-ernannt").Select(m => m.Role).ToListAsync());
        Assert.Equal([TownRole.TownAdmin], roles);
        Assert.Equal(0, await app.InTownAsync("potsdam", db => db.Appointments.CountAsync(a => a.NormalizedEmail == email.ToUpperInvariant() && a.AcceptedAt == null)));
    }

    [Theory]
    [InlineData("Input.UserId")]
    [InlineData("Input.Code")]
    public async Task ResetPassword_WithoutUserIdOrCode_SaysTheLinkIsInvalid(string missing)
    {
        var response = await app.TownClient("potsdam").SubmitAsync("/account/reset-password?userId=someone&code=something", "[data-testid=reset-form]",
            new Dictionary<string, string>
            {
                [missing] = "",
                ["Input.Password"] = "ganz neues Kennwort",
                ["Input.ConfirmPassword"] = "ganz neues Kennwort",
            });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ungültig oder abgelaufen", (await Html.ParseAsync(response)).QuerySelector(".form-errors")?.TextContent);
    }

    [Fact]
    public async Task ResetPassword_WithATamperedCode_SaysTheLinkIsInvalid()
    {
        var userId = await app.UserIdAsync("potsdam-mitglied");
        var response = await app.TownClient("potsdam").SubmitAsync($"/account/reset-password?userId={userId}&code=AAAA", "[data-testid=reset-form]",
            new Dictionary<string, string> { ["Input.Password"] = "ganz neues Kennwort", ["Input.ConfirmPassword"] = "ganz neues Kennwort" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ungültig oder abgelaufen", (await Html.ParseAsync(response)).QuerySelector(".form-errors")?.TextContent);
    }
}
