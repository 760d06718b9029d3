using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Marketplace.Bench.Digest;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Jobs;
using Marketplace.Web.Mail;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Bench.Digest;

// Digest benchmark: {subscribers} daily subscribers in one town, one digest run, delivered to a local SMTP sink.
// Usage: Marketplace.Bench.Digest [subscribers=10000] [new listings=300]
// Target: under 60 s from the start of the run to the last mail accepted, and zero duplicates.
internal static class DigestBench
{
    public static async Task<int> Main(string[] args)
    {
        var subscribers = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var newListings = args.Length > 1 ? int.Parse(args[1]) : 300;
        var dataFolder = Directory.CreateTempSubdirectory("marketplace-digest-bench-").FullName;

        // WebApplicationFactory looks for the app's folder next to a solution; the bench is outside it, so say where.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_WEB", Path.Combine(RepositoryRoot(), "src", "Marketplace.Web"));
        await using var sink = new SmtpSink();
        await using var app = new BenchApp(dataFolder, sink.Port);
        _ = app.Services;

        Console.WriteLine($"data: {dataFolder}");
        var seedClock = Stopwatch.StartNew();
        var town = await BenchSeed.SeedAsync(app.Services, subscribers, newListings);
        Console.WriteLine($"seeded {subscribers:N0} subscribers and {newListings:N0} new listings in {seedClock.Elapsed.TotalSeconds:F1} s");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Tenant.DefaultTimeZone)).DateTime);
        var total = Stopwatch.StartNew();
        int queued;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            queued = await scope.ServiceProvider.GetRequiredService<DigestJob>().RunForTownAsync(town, today, CancellationToken.None);
        }

        var composed = total.Elapsed;
        int delivered;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            delivered = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(maxBatches: int.MaxValue);
        }

        total.Stop();
        int pending;
        await using (var scope = await app.Services.GetRequiredService<TenantScopeFactory>().CreateAsync(town))
        {
            pending = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMails.CountAsync(m => m.State != OutboxState.Sent);
        }

        // Run the same day again, as a retry or a second instance would: nothing more may go out.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            queued += await scope.ServiceProvider.GetRequiredService<DigestJob>().RunForTownAsync(town, today, CancellationToken.None);
            delivered += await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(maxBatches: 1000);
        }

        var duplicateIds = sink.MessageIds.Count(p => p.Value > 1);
        var duplicateRecipients = sink.Recipients.Count(p => p.Value > 1);
        Console.WriteLine($"queued {queued:N0} digests in {composed.TotalSeconds:F1} s; delivered {delivered:N0}; total {total.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"sink received {sink.Received:N0} mails, {sink.Recipients.Count:N0} recipients; duplicates: {duplicateIds} Message-Ids, {duplicateRecipients} recipients; not sent: {pending}");
        var ok = total.Elapsed < TimeSpan.FromSeconds(60) && duplicateIds == 0 && duplicateRecipients == 0 && pending == 0
            && sink.Received == queued && queued == subscribers;
        Console.WriteLine(ok ? "PASS: under 60 s, every subscriber once, no duplicates" : "FAIL");
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ok ? 0 : 1;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the bench from inside the repository.");
    }
}

/// <summary>The whole app in Production on a fresh SQLite file, mailing to the sink; no job server, no delivery after commit.</summary>
internal sealed class BenchApp(string dataFolder, int smtpPort) : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", dataFolder);
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", smtpPort.ToString());
        builder.UseSetting("Mail:Smtp:Security", "None");
        builder.UseSetting("Mail:DeliverAfterCommit", "false");
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Hangfire:ServerEnabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Production refuses to start without a certificate for the key ring; a throwaway one does for the bench.
        builder.UseSetting("DataProtection:CertificatePath", ThrowawayCertificate(dataFolder));
    }

    private static string ThrowawayCertificate(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=digest-bench", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, "keyring.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());
        return path;
    }
}
