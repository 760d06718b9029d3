using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

[Trait("Category", "Browser")]
public sealed class AccountAndTownTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "ein langes Passwort";

    [Fact]
    public async Task A_new_member_registers_confirms_by_mail_logs_in_switches_to_English_and_logs_out()
    {
        var page = await app.NewPageAsync();
        var (userName, _) = await RegisterAndConfirmAsync(page);

        await page.GetByTestId("confirm-login-link").ClickAsync();
        await LogInAsync(page, userName, Password);
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(userName);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(page.GetByTestId("logout")).ToHaveTextAsync("Abmelden");

        await page.GetByTestId("lang-en").ClickAsync();
        await Expect(page.GetByTestId("logout")).ToHaveTextAsync("Log out");
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(userName);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("nav-login")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Switching_to_English_marks_the_document_as_English_at_once()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.TownUrl("erlangen"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");

        await page.GetByTestId("lang-en").ClickAsync();

        await Expect(page.GetByTestId("nav-login")).ToHaveTextAsync("Log in");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_a_new_member_registers_confirms_and_logs_in()
    {
        var page = await app.NewPageAsync(javaScript: false);
        var (userName, _) = await RegisterAndConfirmAsync(page);

        await page.GetByTestId("confirm-login-link").ClickAsync();
        await LogInAsync(page, userName, Password);
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(userName);

        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("nav-login")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_bare_domain_lists_the_towns_and_leads_to_a_town_page_with_its_districts()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.PlatformUrl());

        var towns = page.GetByTestId("town-link");
        await Expect(towns).ToHaveCountAsync(3);
        await towns.Filter(new() { HasText = "Erlangen" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.TownUrl("erlangen"));
        await Expect(page.GetByTestId("town-name")).ToHaveTextAsync("Erlangen");
        var districts = page.GetByTestId("district-list").Locator("li");
        await Expect(districts.First).ToBeVisibleAsync();
        Assert.True(await districts.CountAsync() >= 6, $"Erlangen shows {await districts.CountAsync()} districts.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_town_shows_the_not_found_page()
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync(app.TownUrl("nowhere"));

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Expect(page.GetByTestId("error-404")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var page = await app.NewPageAsync();
        var (userName, _) = await RegisterAndConfirmAsync(page);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync(app.TownUrl("erlangen", "/account/login"));
            await LogInAsync(page, userName, "falsches Passwort " + attempt);
            await Expect(page.GetByTestId("login-errors")).ToContainTextAsync("falsch");
        }

        // Only the right password learns that the account is locked; a wrong one just hears "wrong".
        await page.GotoAsync(app.TownUrl("erlangen", "/account/login"));
        await LogInAsync(page, userName, Password);
        await Expect(page.GetByTestId("login-errors")).ToContainTextAsync("gesperrt");
        await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>Registers in Erlangen through the form, opens the link from the confirmation mail and ends on the confirmation page.</summary>
    private async Task<(string UserName, string Email)> RegisterAndConfirmAsync(IPage page)
    {
        var userName = "browser-" + Guid.NewGuid().ToString("N")[..12];
        var email = $"{userName}@example.org";

        await page.GotoAsync(app.TownUrl("erlangen"));
        await page.GetByTestId("nav-register").ClickAsync();
        await page.GetByTestId("register-username").FillAsync(userName);
        await page.GetByTestId("register-email").FillAsync(email);
        await page.GetByTestId("register-password").FillAsync(Password);
        await page.GetByTestId("register-confirm-password").FillAsync(Password);
        await page.GetByTestId("register-accept-privacy").CheckAsync();
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.GetByTestId("register-confirmation")).ToBeVisibleAsync();

        var mail = await app.Smtp.WaitForAsync(email);
        var link = Accounts.LinkIn(mail, "/account/confirm-email");
        Assert.StartsWith(app.TownUrl("erlangen", "/account/confirm-email"), link, StringComparison.OrdinalIgnoreCase);
        await page.GotoAsync(link);
        await Expect(page.GetByTestId("email-confirmed")).ToBeVisibleAsync();
        return (userName, email);
    }

    /// <summary>Fills and submits the login form on the current page and waits until the answer to the POST has arrived.</summary>
    private static async Task LogInAsync(IPage page, string login, string password)
    {
        await page.GetByTestId("login-name").FillAsync(login);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.RunAndWaitForResponseAsync(() => page.GetByTestId("login-submit").ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/account/login", StringComparison.OrdinalIgnoreCase));
    }
}
