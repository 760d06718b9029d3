using System.Net;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// The app of <see cref="MarketplaceFactory"/> (real database, demo towns, real SMTP server) served on a real Kestrel port,
/// plus one headless Debian Chromium for the test class. Each test opens its own browser context (cookies, language, JS).
/// </summary>
public sealed class BrowserApp : MarketplaceFactory
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The Kestrel port; every town is reachable as http://{slug}.localhost:{Port} (Chromium resolves *.localhost to loopback).</summary>
    public int Port { get; private set; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public string TownUrl(string slug, string path = "/") => $"http://{slug}.localhost:{Port}{path}";

    public string PlatformUrl(string path = "/") => $"http://localhost:{Port}{path}";

    /// <summary>Kestrel must be chosen before the host starts.</summary>
    protected override void StartHost()
    {
        // UseKestrel(port) ignores the port for minimal-hosting apps; listening on port 0 and reading the address back works.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        Port = ClientOptions.BaseAddress.Port;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh page (as <see cref="NewPageAsync"/>) signed in through the town's login form as the given member.</summary>
    public async Task<IPage> SignedInPageAsync(string slug, string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(TownUrl(slug, "/account/login"));
        await page.GetByTestId("login-name").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(Marketplace.Web.Data.DemoData.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(userName);
        return page;
    }

    /// <summary>A fresh context in German, as a visitor with a German browser sees the site first.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "de-DE",
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
