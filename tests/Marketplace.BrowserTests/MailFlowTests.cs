using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

[Trait("Category", "Browser")]
public sealed class MailFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>Mail from jobs links to the configured public port; the browser reaches the test server on its own port.</summary>
    private string OnTestServer(string url) => app.TownUrl("erlangen", new Uri(url).PathAndQuery);

    private Task<Guid> ErlangenAsync() => app.TownIdAsync("erlangen");

    private static async Task LogInAsync(IPage page, string login)
    {
        await page.GetByTestId("login-name").FillAsync(login);
        await page.GetByTestId("login-password").FillAsync(DemoData.Password);
        await page.RunAndWaitForResponseAsync(() => page.GetByTestId("login-submit").ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/account/login", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_member_orders_a_daily_digest_for_one_district_receives_it_and_unsubscribes_from_the_mail_without_logging_in()
    {
        var member = await app.NewMemberAsync("erlangen", "bd");
        var poster = await app.NewMemberAsync("erlangen", "bp");
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.TownUrl("erlangen", "/account/login"));
        await LogInAsync(page, member);
        await page.GotoAsync(app.TownUrl("erlangen", "/me"));

        await page.GetByTestId("me-notifications").ClickAsync();
        await page.GetByTestId("digest-frequency-daily").CheckAsync();
        var district = page.GetByTestId("digest-district").Last;
        var districtId = int.Parse((await district.GetAttributeAsync("value"))!);
        await district.CheckAsync();
        await page.GetByTestId("notifications-submit").ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("digest-frequency-daily")).ToBeCheckedAsync();

        await app.CreateListingAsync("erlangen", poster, ListingType.Request, "Hilfe beim Umzug am Samstag", configure: l => l.DistrictId = districtId);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            await scope.ServiceProvider.GetRequiredService<DigestJob>().RunForTownAsync(await ErlangenAsync(), today, CancellationToken.None);
        }

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(member));
        Assert.Contains("Hilfe beim Umzug am Samstag", mail.TextBody);
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync(OnTestServer(Accounts.LinkIn(mail, "/unsubscribe/")));
        await visitor.GetByTestId("unsubscribe-submit").ClickAsync();
        await Expect(visitor.GetByTestId("unsubscribe-done")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.GetByTestId("digest-frequency-off")).ToBeCheckedAsync();
        await page.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_a_poster_renews_a_listing_from_the_still_current_mail_and_the_link_then_says_it_was_used()
    {
        var poster = await app.NewMemberAsync("erlangen", "br");
        var listingId = await app.CreateListingAsync("erlangen", poster, title: "Babybett abzugeben",
            configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddDays(2));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpireListingsJob>().RunForTownAsync(await ErlangenAsync());
        }

        MimeMessage mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        var renew = OnTestServer(Accounts.LinkIn(mail, "/listings/still-current/"));
        var page = await app.NewPageAsync(javaScript: false);
        await page.GotoAsync(renew);
        await Expect(page.GetByTestId("still-current-listing")).ToHaveTextAsync("Babybett abzugeben");
        await page.GetByTestId("still-current-confirm").ClickAsync();
        await Expect(page.GetByTestId("still-current-done")).ToBeVisibleAsync();

        var expires = await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == listingId).Select(l => l.ExpiresAt).SingleAsync());
        Assert.True(expires > DateTimeOffset.UtcNow.AddDays(20));
        await page.GotoAsync(renew);
        await Expect(page.GetByTestId("still-current-used")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
