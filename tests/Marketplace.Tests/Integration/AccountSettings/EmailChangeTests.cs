using System.Net;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.AccountSettings;

[Trait("Category", "Database")]
public sealed class EmailChangeTests(StampCheckedEveryRequestFactory app) : IClassFixture<StampCheckedEveryRequestFactory>
{
    private Task<string?> EmailOfAsync(string userName) =>
        app.InTownAsync(null, db => db.Users.Where(u => u.UserName == userName).Select(u => u.Email).SingleAsync());

    private static Task<HttpResponseMessage> RequestChangeAsync(HttpClient client, string newEmail, string password = DemoData.Password) =>
        client.SubmitAsync("/me/account/email", "[data-testid=email-form]", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = password,
        });

    [Fact]
    public async Task AccountPage_ShowsTheAddress_AndLinksToEverySetting_AndToExportAndDeletion()
    {
        var member = await app.NewMemberAsync("erlangen", "konto");
        var client = await app.SignedInAsync("erlangen", member);

        var page = await client.GetPageAsync("/me/account");

        Assert.Equal(MessagesTestData.EmailOf(member), page.TestId("account-email"));
        Assert.NotNull(page.QuerySelector("a[href='/me/account/email']"));
        Assert.NotNull(page.QuerySelector("a[href='/me/account/password']"));
        Assert.NotNull(page.QuerySelector("a[href='/me/account/phone']"));
        Assert.NotNull(page.QuerySelector("a[href='/me/account/two-factor']"));
        Assert.NotNull(page.QuerySelector("[data-testid=my-data] a[href='/me/account/export']"));
        Assert.NotNull(page.QuerySelector("[data-testid=my-data] a[href='/me/account/delete']"));
        Assert.NotNull((await client.GetPageAsync("/me")).QuerySelector("a[href='/me/account']"));
    }

    [Fact]
    public async Task ChangeEmail_MailsALinkToTheNewAddress_TellsTheOldOne_AndKeepsTheOldUntilTheLinkIsOpened()
    {
        var member = await app.NewMemberAsync("erlangen", "umzug");
        var oldEmail = MessagesTestData.EmailOf(member);
        var newEmail = $"{member}@neu.example";
        var client = await app.SignedInAsync("erlangen", member);

        var response = await RequestChangeAsync(client, newEmail);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(newEmail, (await client.GetPageAsync(response.Headers.Location!.OriginalString)).TestId("status-message"));
        var linkMail = await app.Smtp.WaitForAsync(newEmail);
        var notice = await app.Smtp.WaitForAsync(oldEmail);
        Assert.Contains(newEmail, notice.TextBody);
        Assert.Contains("/account/forgot-password", notice.TextBody);
        Assert.DoesNotContain("/account/confirm-email-change", notice.TextBody);
        Assert.Equal(oldEmail, await EmailOfAsync(member));
        await app.TownClient("erlangen").LoginOkAsync(oldEmail);

        var confirmed = await client.GetAsync(Accounts.LinkIn(linkMail, "/account/confirm-email-change"));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.NotNull((await Html.ParseAsync(confirmed)).QuerySelector("[data-testid=email-changed]"));
        Assert.Equal(newEmail, await EmailOfAsync(member));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.TownClient("erlangen").LoginAsync(oldEmail)).StatusCode);
        await app.TownClient("erlangen").LoginOkAsync(newEmail);
        Assert.Equal(newEmail, (await client.GetPageAsync("/me/account")).TestId("account-email"));
    }

    [Fact]
    public async Task ChangeEmail_EndsTheAccountsOtherSessions_ButNotTheOneThatOpenedTheLink()
    {
        var member = await app.NewMemberAsync("erlangen", "sitzung");
        var newEmail = $"{member}@neu.example";
        var client = await app.SignedInAsync("erlangen", member);
        var elsewhere = await app.SignedInAsync("erlangen", member);
        await RequestChangeAsync(client, newEmail);

        await client.GetAsync(Accounts.LinkIn(await app.Smtp.WaitForAsync(newEmail), "/account/confirm-email-change"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me/account")).StatusCode);
        var other = await elsewhere.GetAsync("/me/account");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/account/login", other.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ChangeEmail_WrongPassword_SaysSoAtThePasswordField_AndMailsNothing()
    {
        var member = await app.NewMemberAsync("erlangen", "falschpw");
        var newEmail = $"{member}@neu.example";
        var client = await app.SignedInAsync("erlangen", member);

        var response = await RequestChangeAsync(client, newEmail, "nicht mein Passwort");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("falsch", (await Html.ParseAsync(response)).FieldError("Input.CurrentPassword"));
        await app.MailSettledAsync();
        Assert.Empty(app.Smtp.MessagesTo(newEmail));
        Assert.Empty(app.Smtp.MessagesTo(MessagesTestData.EmailOf(member)));
    }

    [Theory]
    [InlineData("keine-adresse")]
    [InlineData("")]
    public async Task ChangeEmail_NotAnAddress_SaysSoAtTheField(string newEmail)
    {
        var member = await app.NewMemberAsync("erlangen", "tippfehler");
        var client = await app.SignedInAsync("erlangen", member);

        var response = await RequestChangeAsync(client, newEmail);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.NewEmail"));
    }

    [Fact]
    public async Task ChangeEmail_ToTheCurrentAddress_SaysSoAtTheField()
    {
        var member = await app.NewMemberAsync("erlangen", "gleich");
        var client = await app.SignedInAsync("erlangen", member);

        var response = await RequestChangeAsync(client, MessagesTestData.EmailOf(member).ToUpperInvariant());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("schon", (await Html.ParseAsync(response)).FieldError("Input.NewEmail"));
    }

    [Fact]
    public async Task ChangeEmail_ToAnotherAccountsAddress_LooksTheSame_ButChangesNothing_AndTellsThatAddressOwner()
    {
        var member = await app.NewMemberAsync("erlangen", "kapern");
        var owner = await app.NewMemberAsync("erlangen", "besitzer");
        var taken = MessagesTestData.EmailOf(owner);
        var client = await app.SignedInAsync("erlangen", member);

        var response = await RequestChangeAsync(client, taken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = await app.Smtp.WaitForAsync(taken);
        Assert.DoesNotContain("/account/confirm-email-change", notice.TextBody);
        await app.MailSettledAsync();
        Assert.Single(app.Smtp.MessagesTo(taken));
        Assert.Equal(MessagesTestData.EmailOf(member), await EmailOfAsync(member));
    }

    [Fact]
    public async Task ConfirmLink_Tampered_ShowsClearMessage_AndChangesNothing()
    {
        var member = await app.NewMemberAsync("erlangen", "manipulation");
        var newEmail = $"{member}@neu.example";
        var client = await app.SignedInAsync("erlangen", member);
        await RequestChangeAsync(client, newEmail);
        var link = Accounts.LinkIn(await app.Smtp.WaitForAsync(newEmail), "/account/confirm-email-change");

        var toOtherAddress = link.Replace(newEmail, "dieb@boese.example", StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(link, toOtherAddress);

        var tamperedCode = await client.GetAsync(link[..^4] + "AAAA");
        var otherAddress = await client.GetAsync(toOtherAddress);

        Assert.Equal(HttpStatusCode.BadRequest, tamperedCode.StatusCode);
        Assert.NotNull((await Html.ParseAsync(tamperedCode)).QuerySelector("[data-testid=email-change-failed]"));
        Assert.Equal(HttpStatusCode.BadRequest, otherAddress.StatusCode);
        Assert.Equal(MessagesTestData.EmailOf(member), await EmailOfAsync(member));
    }
}
