using System.Net;
using System.Net.Sockets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Tests.Integration.Mail;

/// <summary>A clock the test moves by hand, so back-off and leases can run out without waiting.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The app without delivery after commit: these tests run the delivery themselves, on their own clock.</summary>
public sealed class ManualDeliveryFactory : MarketplaceFactory
{
    protected override bool DeliverAfterCommit => false;
}

[Trait("Category", "Database")]
public sealed class OutboxDeliveryTests(ManualDeliveryFactory app) : IClassFixture<ManualDeliveryFactory>
{
    // Whole seconds: SQLite keeps times to a fraction of a millisecond.
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    private static string Recipient(string key) => $"{key}@outbox.example";

    private Task WriteAsync(string key, int count) => app.InTownAsync("erlangen", async db =>
    {
        var writer = new OutboxWriter(db, _clock, Options.Create(new MailOptions()));
        for (var i = 0; i < count; i++)
        {
            await writer.AddAsync(new OutgoingMail(Recipient(key), "test", "de", $"Betreff {key} {i}", $"<p>Hallo {i}</p>", $"Hallo {i}"), $"{key}-{i}");
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>Real MailKit against the test's SMTP server, or against a port where nothing listens ("the server is down").</summary>
    private SmtpMailSender Smtp(bool up) => new(Options.Create(new MailOptions
    {
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = up ? app.Smtp.Port : ClosedPort(), Security = "None" },
    }));

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task<int> DeliverAsync(IMailSender sender)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = new OutboxStore(scope.ServiceProvider.GetRequiredService<AppDbContext>(), _clock);
        return await new OutboxDelivery(store, sender, Options.Create(new MailOptions()), NullLogger<OutboxDelivery>.Instance).DeliverDueAsync();
    }

    private Task<List<OutboxMail>> RowsAsync(string key) =>
        app.InTownAsync("erlangen", db => db.OutboxMails.AsNoTracking().Where(m => m.Recipient == Recipient(key)).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task AWrittenMail_ArrivesOnce_WithBothBodiesItsLanguageAndItsMessageId()
    {
        await WriteAsync("einmal", 1);

        Assert.Equal(1, await DeliverAsync(Smtp(up: true)));
        Assert.Equal(0, await DeliverAsync(Smtp(up: true)));

        var mail = Assert.Single(app.Smtp.MessagesTo(Recipient("einmal")));
        var row = Assert.Single(await RowsAsync("einmal"));
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal(row.MessageId, mail.MessageId);
        Assert.Equal("de", mail.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("Hallo 0", mail.TextBody);
        Assert.Contains("<p>Hallo 0</p>", mail.HtmlBody);
    }

    [Fact]
    public async Task WithNothingDue_ARunSendsNothing_AndNeverConnectsToTheMailServer()
    {
        // The minutely job mostly finds nothing to do; then it must not cost an SMTP connection (and its handshake).
        var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        try
        {
            var sender = new SmtpMailSender(Options.Create(new MailOptions
            {
                Smtp = new SmtpOptions { Host = "127.0.0.1", Port = ((IPEndPoint)server.LocalEndpoint).Port, Security = "None" },
            }));
            _clock.Now = DateTimeOffset.UnixEpoch; // before every row of the run, so nothing is due

            Assert.Equal(0, await DeliverAsync(sender));
            Assert.False(server.Pending(), "The run connected to the mail server with nothing to send.");
        }
        finally
        {
            server.Stop();
        }
    }

    [Fact]
    public async Task TheSameIdempotencyKey_WrittenTwice_IsOneRowAndOneMail()
    {
        await WriteAsync("doppelt", 1);
        await WriteAsync("doppelt", 1);

        await DeliverAsync(Smtp(up: true));

        Assert.Single(await RowsAsync("doppelt"));
        Assert.Single(app.Smtp.MessagesTo(Recipient("doppelt")));
    }

    [Fact]
    public async Task WhileTheServerIsDown_MailWaitsWithBackOff_ThenEveryMailArrivesExactlyOnce()
    {
        await WriteAsync("ausfall", 3);

        Assert.Equal(0, await DeliverAsync(Smtp(up: false)));
        var waiting = await RowsAsync("ausfall");
        Assert.All(waiting, m => Assert.Equal((OutboxState.Pending, 1), (m.State, m.Attempts)));
        Assert.All(waiting, m => Assert.Equal(_clock.Now + TimeSpan.FromMinutes(1), m.NextAttemptAt));

        // Not yet due: the server is back, but the back-off has not passed.
        Assert.Equal(0, await DeliverAsync(Smtp(up: true)));
        _clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(0, await DeliverAsync(Smtp(up: false)));
        Assert.All(await RowsAsync("ausfall"), m => Assert.Equal(_clock.Now + TimeSpan.FromMinutes(2), m.NextAttemptAt));

        _clock.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(3, await DeliverAsync(Smtp(up: true)));
        Assert.Equal(0, await DeliverAsync(Smtp(up: true)));

        Assert.Equal(3, app.Smtp.MessagesTo(Recipient("ausfall")).Select(m => m.Subject).Distinct().Count());
        Assert.Equal(3, app.Smtp.MessagesTo(Recipient("ausfall")).Count);
        Assert.All(await RowsAsync("ausfall"), m => Assert.Equal((OutboxState.Sent, 3), (m.State, m.Attempts)));
    }

    [Fact]
    public async Task AfterADayOfFailures_TheMailIsFailed_AndNotTriedAgain()
    {
        await WriteAsync("aufgegeben", 1);
        await DeliverAsync(Smtp(up: false));

        _clock.Now += OutboxStore.RetryFor;
        await DeliverAsync(Smtp(up: false));
        _clock.Now += TimeSpan.FromDays(1);

        Assert.Equal(0, await DeliverAsync(Smtp(up: true)));
        var row = Assert.Single(await RowsAsync("aufgegeben"));
        Assert.Equal((OutboxState.Failed, 2), (row.State, row.Attempts));
        Assert.NotNull(row.LastError);
        Assert.Empty(app.Smtp.MessagesTo(Recipient("aufgegeben")));
    }

    /// <summary>Sends through the real server, then "dies" (as a killed process would) after the given number of mails.</summary>
    private sealed class DyingSender(IMailSender inner, int dieAfter) : IMailSender
    {
        private int _sent;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
        {
            if (_sent == dieAfter)
            {
                throw new OperationCanceledException("the process was stopped");
            }

            await inner.SendAsync(message, cancellationToken);
            _sent++;
        }
    }

    [Fact]
    public async Task ARunStoppedHalfwayThroughABatch_LeavesTheRestToTheNextRun_NoneTwiceNoneMissing()
    {
        await WriteAsync("abbruch", 5);

        await Assert.ThrowsAsync<OperationCanceledException>(() => DeliverAsync(new DyingSender(Smtp(up: true), dieAfter: 2)));
        Assert.Equal(2, app.Smtp.MessagesTo(Recipient("abbruch")).Count);

        // The stopped run still holds its lease on the other three.
        Assert.Equal(0, await DeliverAsync(Smtp(up: true)));
        _clock.Now += OutboxDelivery.Lease + TimeSpan.FromSeconds(1);
        Assert.Equal(3, await DeliverAsync(Smtp(up: true)));

        var subjects = app.Smtp.MessagesTo(Recipient("abbruch")).Select(m => m.Subject).ToList();
        Assert.Equal(5, subjects.Count);
        Assert.Equal(5, subjects.Distinct().Count());
    }

    [Fact]
    public async Task TwoRunsAtOnce_NeverSendTheSameMailTwice()
    {
        await WriteAsync("parallel", 12);

        var counts = await Task.WhenAll(DeliverAsync(Smtp(up: true)), DeliverAsync(Smtp(up: true)));

        Assert.Equal(12, counts.Sum());
        Assert.Equal(12, app.Smtp.MessagesTo(Recipient("parallel")).Count);
    }
}
