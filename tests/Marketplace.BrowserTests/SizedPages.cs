using Microsoft.AspNetCore.Localization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

/// <summary>
/// A page at a chosen width in a chosen interface language (the culture cookie, as the language switcher sets it), signed
/// in through the login form when asked, and the check that it does not scroll sideways. Shared by the look tests of the
/// public pages and of the office pages.
/// </summary>
internal static class SizedPages
{
    public const int Phone = 360;

    /// <summary>A fresh browser context on <paramref name="origin"/> (a town's or the platform's address without a path).</summary>
    public static async Task<IPage> SizedPageAsync(this BrowserApp app, string origin, int width, string culture, string? signedInAs = null)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = culture == "de" ? "de-DE" : culture,
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        await context.AddCookiesAsync(
        [
            new Cookie
            {
                Name = CookieRequestCultureProvider.DefaultCookieName,
                Value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                Url = origin,
            },
        ]);
        var page = await context.NewPageAsync();
        if (signedInAs is not null)
        {
            await page.GotoAsync(origin + "/account/login");
            await page.GetByTestId("login-name").FillAsync(signedInAs);
            await page.GetByTestId("login-password").FillAsync(Marketplace.Web.Data.DemoData.Password);
            await page.GetByTestId("login-submit").ClickAsync();
            await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(signedInAs);
        }

        return page;
    }

    /// <summary>Null when the page fits its viewport; otherwise what is too wide, to say why it scrolls sideways.</summary>
    public static async Task<string?> OverflowAsync(IPage page, string path)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var innerWidth = await page.EvaluateAsync<int>("() => innerWidth");
        return scrollWidth <= innerWidth ? null : $"{path}: scrollWidth {scrollWidth} > {innerWidth} ({await WidestElementsAsync(page)})";
    }

    /// <summary>The elements that reach past the viewport.</summary>
    private static Task<string> WidestElementsAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1); })
            .slice(0, 5)
            .map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : ''}[${Math.round(e.getBoundingClientRect().left)}..${Math.round(e.getBoundingClientRect().right)}]`)
            .join(', ')
        """);
}
