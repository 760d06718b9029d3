using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>The app as it runs in production, its key ring encrypted with a test certificate (mail still to the test's SMTP server).</summary>
public sealed class ProductionFactory : MarketplaceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting("DataProtection:CertificatePath", TestCertificates.KeyRingPfx);
        builder.UseSetting("DataProtection:CertificatePassword", TestCertificates.Password);
    }
}

[Trait("Category", "Database")]
public sealed class ProductionCookieTests(ProductionFactory app) : IClassFixture<ProductionFactory>
{
    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task OutsideDevelopment_AuthAntiforgeryAndLanguageCookies_AreSecure()
    {
        var client = app.Client("https://erlangen.localhost");

        var form = await client.GetAsync("/account/login");
        var login = await client.LoginAsync("erlangen-mitglied");
        var language = await client.SubmitAsync("/", "[data-testid=language-switcher]", submitterName: "culture", submitterValue: "en");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        var cookies = Cookies(form).Concat(Cookies(login)).Concat(Cookies(language)).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("mp.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
