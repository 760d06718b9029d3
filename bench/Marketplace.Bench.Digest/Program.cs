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
// Target: under 20 s from the start of the run to the last mail accepted, and zero duplicates.
internal static class DigestBench
{
    private static readonly TimeSpan Bar = TimeSpan.FromSeconds(20);

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
        Console.WriteLine($"load average before the run: {LoadAverage()}");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Tenant.DefaultTimeZone)).DateTime);
        var total = Stopwatch.StartNew();
        var cpu = Cpu.Start();
        int queued;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            queued = await scope.ServiceProvider.GetRequiredService<DigestJob>().RunForTownAsync(town, today, CancellationToken.None);
        }

        var written = total.Elapsed;
        var writeCpu = cpu.Lap();
        int delivered;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            delivered = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(maxBatches: int.MaxValue);
        }

        total.Stop();
        var deliverCpu = cpu.Lap();
        Console.WriteLine($"write:   {queued:N0} digests in {written.TotalSeconds:F1} s ({writeCpu})");
        Console.WriteLine($"deliver: {delivered:N0} mails, {sink.Bytes / 1048576.0:F0} MB, in {(total.Elapsed - written).TotalSeconds:F1} s ({deliverCpu})");
        Console.WriteLine($"total:   {total.Elapsed.TotalSeconds:F1} s (bar {Bar.TotalSeconds:F0} s); load average after: {LoadAverage()}");

        int pending;
        await using (var scope = await app.Services.GetRequiredService<TenantScopeFactory>().CreateAsync(town))
        {
            pending = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMails.CountAsync(m => m.State != OutboxState.Sent);
        }

        // Run the same day again, as a retry or a second instance would: nothing more may go out.
        int queuedAgain, deliveredAgain;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            queuedAgain = await scope.ServiceProvider.GetRequiredService<DigestJob>().RunForTownAsync(town, today, CancellationToken.None);
            deliveredAgain = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(maxBatches: 1000);
        }

        var duplicateIds = sink.MessageIds.Count(p => p.Value > 1);
        var duplicateRecipients = sink.Recipients.Count(p => p.Value > 1);
        Console.WriteLine($"second run of the day: queued {queuedAgain:N0}, delivered {deliveredAgain:N0}");
        Console.WriteLine($"sink received {sink.Received:N0} mails, {sink.Recipients.Count:N0} recipients; duplicates: {duplicateIds} Message-Ids, {duplicateRecipients} recipients; not sent: {pending}");
        var ok = total.Elapsed < Bar && duplicateIds == 0 && duplicateRecipients == 0 && pending == 0
            && queuedAgain == 0 && deliveredAgain == 0 && sink.Received == queued && queued == subscribers && sink.Recipients.Count == subscribers;
        Console.WriteLine(ok ? $"PASS: under {Bar.TotalSeconds:F0} s, every subscriber once, no duplicates" : "FAIL");
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ok ? 0 : 1;
    }

    /// <summary>The machine's load average (1, 5, 15 minutes): the figures mean little when other work shares the cores.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>CPU time of this process (app and sink) per phase, and how much of it the JIT compiler took.</summary>
    private sealed class Cpu
    {
        private TimeSpan _last = Process.GetCurrentProcess().TotalProcessorTime;
        private TimeSpan _lastJit = System.Runtime.JitInfo.GetCompilationTime();
        private long _lastMethods = System.Runtime.JitInfo.GetCompiledMethodCount();

        public static Cpu Start() => new();

        public string Lap()
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var lap = $"CPU {(now - _last).TotalSeconds:F1} s, of it JIT {(jit - _lastJit).TotalSeconds:F1} s for {methods - _lastMethods} methods, GC pauses so far {GC.GetTotalPauseDuration().TotalSeconds:F1} s";
            (_last, _lastJit, _lastMethods) = (now, jit, methods);
            return lap;
        }
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
