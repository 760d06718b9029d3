using System.Net;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Account;

/// <summary>The app with a password hasher that counts its verifications.</summary>
public sealed class CountingHasherFactory : MarketplaceFactory
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<AppUser>>(_ => new CountingHasher(this)));
    }

    private sealed class CountingHasher(CountingHasherFactory owner) : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref owner._verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>An unknown login costs the same hashing as a known one, so response times do not tell who has an account.</summary>
[Trait("Category", "Database")]
public sealed class LoginHashingTests(CountingHasherFactory app) : IClassFixture<CountingHasherFactory>
{
    [Theory]
    [InlineData("niemand-hier")]
    [InlineData("niemand@example.org")]
    [InlineData("erlangen-mitglied")]
    public async Task WrongLogin_VerifiesOnePasswordHash_WhetherOrNotTheAccountExists(string login)
    {
        var before = app.Verifications;

        var response = await app.TownClient("erlangen").LoginAsync(login, "falsches Passwort");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("falsch", (await Html.ParseAsync(response)).TestId("login-errors"));
        Assert.Equal(1, app.Verifications - before);
    }
}
