using System.Net;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>Production without a certificate for the key ring: the app must not start.</summary>
public sealed class ProductionWithoutKeyRingCertificateFactory : MarketplaceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environments.Production);
    }

    /// <summary>The test starts the host itself, to see it fail.</summary>
    protected override void StartHost()
    {
    }
}

/// <summary>What a backup of the database, a browser and a scanner see of the production setup.</summary>
[Trait("Category", "Database")]
public sealed class ProductionHardeningTests(ProductionFactory app) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Https_AnswersWithHsts_ForAYear_IncludingSubdomains()
    {
        var response = await app.Client("https://erlangen.localhost").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task KeyRing_ANewKeyInTheDatabase_HoldsNoPlaintextMasterKey()
    {
        var keys = app.Services.GetRequiredService<IKeyManager>();
        var key = keys.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        var xml = await app.InTownAsync(null, db => db.DataProtectionKeys.Where(k => k.FriendlyName == $"key-{key.KeyId}").Select(k => k.Xml).SingleAsync());

        Assert.DoesNotContain("<masterKey", xml);
        Assert.Contains("EncryptedData", xml);
        // The app reads its own key back with the certificate.
        Assert.NotNull(keys.GetAllKeys().Single(k => k.KeyId == key.KeyId).Descriptor);
    }

    [Fact]
    public async Task WithoutACertificate_TheAppRefusesToStart_NamingTheSetting()
    {
        var factory = new ProductionWithoutKeyRingCertificateFactory();
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => factory.Services);

            Assert.Contains("DataProtection:CertificatePath", error.ToString());
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }
}
