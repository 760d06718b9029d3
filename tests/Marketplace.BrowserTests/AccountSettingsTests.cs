using Marketplace.Web.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

[Trait("Category", "Browser")]
public sealed class AccountSettingsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_new_member_changes_their_email_address_and_confirms_it_with_the_mailed_link()
    {
        var member = await app.NewMemberAsync("erlangen", "bm");
        var oldEmail = MessagesTestData.EmailOf(member);
        var newEmail = $"{member}@neu.example";
        var page = await app.SignedInPageAsync("erlangen", member);

        await page.GetByTestId("nav-me").ClickAsync();
        await page.GetByTestId("me-account").ClickAsync();
        await Expect(page.GetByTestId("account-email")).ToHaveTextAsync(oldEmail);
        await page.GetByTestId("account-change-email").ClickAsync();
        await page.GetByTestId("email-new").FillAsync(newEmail);
        await page.GetByTestId("email-password").FillAsync(DemoData.Password);
        await page.GetByTestId("email-submit").ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToContainTextAsync(newEmail);
        await Expect(page.GetByTestId("account-email")).ToHaveTextAsync(oldEmail);

        var mail = await app.Smtp.WaitForAsync(newEmail);
        var link = Accounts.LinkIn(mail, "/account/confirm-email-change");
        await page.GotoAsync(app.TownUrl("erlangen", new Uri(link).PathAndQuery));
        await Expect(page.GetByTestId("email-changed")).ToContainTextAsync(newEmail);

        await page.GetByTestId("email-changed-account").ClickAsync();
        await Expect(page.GetByTestId("account-email")).ToHaveTextAsync(newEmail);
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(member);
        await page.Context.CloseAsync();
    }
}
