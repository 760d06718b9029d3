using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>The app on a clock three years ahead, to tell the app's clock from the machine's.</summary>
public sealed class ShiftedClockFactory : MarketplaceFactory
{
    public static readonly TimeSpan Shift = TimeSpan.FromDays(3 * 365);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new ShiftedClock()));
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}

[Trait("Category", "Database")]
public sealed class ClockTests(ShiftedClockFactory app) : IClassFixture<ShiftedClockFactory>
{
    [Fact]
    public async Task LanguageCookie_LastsAYear_ByTheAppsClock()
    {
        var response = await app.TownClient("erlangen").SubmitAsync("/", "[data-testid=language-switcher]", submitterName: "culture", submitterValue: "en");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        var expires = DateTimeOffset.Parse(cookie.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase))["expires=".Length..],
            System.Globalization.CultureInfo.InvariantCulture);
        var expected = DateTimeOffset.UtcNow + ShiftedClockFactory.Shift + TimeSpan.FromDays(365);
        Assert.InRange(expires, expected.AddDays(-2), expected.AddDays(2));
    }
}
