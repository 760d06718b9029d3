using Marketplace.Web.Data;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Testing;

/// <summary>
/// The whole app on a real database with real migrations and the demo towns, mailing to a real SMTP server.
/// One per test class (IClassFixture); tests create their own users when they change state. The database starts as a
/// copy of the run's <see cref="TemplateDatabase"/>, which a plain factory migrated and seeded once.
/// </summary>
public class MarketplaceFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataFolder;

    public MarketplaceFactory()
    {
        _dataFolder = Directory.CreateTempSubdirectory("marketplace-test-").FullName;
        Database = TestDatabase.Create(_dataFolder);
    }

    private MarketplaceFactory(TestDatabase template, string dataFolder, bool secondInstance = false)
    {
        _dataFolder = dataFolder;
        Database = template;
        _secondInstance = secondInstance;
    }

    private readonly bool _secondInstance;

    public TestSmtpServer Smtp { get; } = new();
    public TestDatabase Database { get; }

    /// <summary>Overridden by tests of the rate limiter; everything else must not trip it.</summary>
    protected virtual int AccountPostsPerMinute => 10_000;

    /// <summary>Off for tests that drive the outbox by hand with their own clock.</summary>
    protected virtual bool DeliverAfterCommit => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting($"ConnectionStrings:{Database.Provider}", Database.ConnectionString);
        builder.UseSetting("Database:DataFolder", _dataFolder);
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString());
        builder.UseSetting("Mail:Smtp:Security", "None");
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("Hangfire:ServerEnabled", "false");
        builder.UseSetting("RateLimits:AccountPostsPerMinute", AccountPostsPerMinute.ToString());
        builder.UseSetting("Mail:DeliverAfterCommit", DeliverAfterCommit.ToString());

        // Identity's hasher as in production, at 1,000 PBKDF2 iterations instead of 100,000: the suite signs in and creates
        // accounts hundreds of times, and hashing was over a quarter of its CPU time. A hash records its iteration count,
        // so the demo accounts of the template (seeded with this setting) are as cheap to sign in with.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        builder.ConfigureTestServices(QuietHangfireLog.Use);
    }

    public HttpClient TownClient(string slug) => Client($"http://{slug}.localhost");

    public HttpClient PlatformClient() => Client("http://localhost");

    public HttpClient Client(string baseAddress) => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(baseAddress),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Runs work against the database as the given town (or the platform when slug is null).</summary>
    public async Task<T> InTownAsync<T>(string? slug, Func<AppDbContext, Task<T>> work)
    {
        if (slug is null)
        {
            await using var platform = Services.CreateAsyncScope();
            return await work(platform.ServiceProvider.GetRequiredService<AppDbContext>());
        }

        Guid id;
        await using (var lookup = Services.CreateAsyncScope())
        {
            id = await lookup.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
        }

        await using var scope = await Services.GetRequiredService<TenantScopeFactory>().CreateAsync(id);
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// Waits until every mail that is due has left the outbox. A row is marked sent only after the SMTP server accepted
    /// it, so afterwards <see cref="Smtp"/> holds everything; a test can then assert that a mail was not sent.
    /// </summary>
    public async Task MailSettledAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await InTownAsync(null, db => db.OutboxMails.IgnoreQueryFilters()
                   .AnyAsync(m => m.State == Marketplace.Web.Domain.OutboxState.Pending && m.Attempts == 0)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Mail is still waiting in the outbox.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Another instance of the app on the same database, with its own memory (caches), as a second server behind a load
    /// balancer would run. The caller disposes it; the database stays this factory's.
    /// </summary>
    public MarketplaceFactory SecondInstance()
    {
        var other = new MarketplaceFactory(Database, _dataFolder, secondInstance: true);
        _ = other.Services;
        return other;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_secondInstance)
        {
            await Smtp.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Starts the template's host once: the app's startup migrates the empty database and seeds the demo towns. Then
    /// stops it, keeping the database and its folder.
    /// </summary>
    internal static async Task MigrateAndSeedAsync(TestDatabase template, string dataFolder)
    {
        var factory = new MarketplaceFactory(template, dataFolder);
        try
        {
            _ = factory.Services;
        }
        finally
        {
            await factory.StopAsync();
        }
    }

    /// <summary>
    /// Copies the template, then starts the host before the tests of the class run. The app's startup still migrates and
    /// seeds, which finds nothing to do on the copy (skipping the seed there saved no measurable time).
    /// </summary>
    public virtual async Task InitializeAsync()
    {
        await Database.CreateFromTemplateAsync();
        StartHost();
    }

    /// <summary>Starts the app in memory; a fixture that needs Kestrel starts it here instead.</summary>
    protected virtual void StartHost() => _ = Services;

    private async Task StopAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await StopAsync();
        await Database.DropAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool on its way out; the OS temp cleaner takes it.
        }
    }
}
