using System.Net;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>The app on a real Kestrel port: only a real server would name itself in a header.</summary>
public sealed class KestrelFactory : MarketplaceFactory
{
    protected override void StartHost()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public HttpClient KestrelClient() => new() { BaseAddress = ClientOptions.BaseAddress };
}

[Trait("Category", "Database")]
public sealed class ServerHeaderTests(KestrelFactory app) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task Responses_DoNotNameTheServer()
    {
        using var client = app.KestrelClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }
}
