using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marketplace.Bench.Digest;

/// <summary>
/// A minimal local SMTP server that accepts everything and only counts mails per recipient and Message-Id, to find
/// duplicates. Hand-written rather than the SmtpServer package the tests use: that one answers with Nagle's algorithm
/// on, which costs ~40 ms per mail on loopback and would measure the sink instead of the app.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _received;

    public SmtpSink()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }
    public int Received => _received;
    public ConcurrentDictionary<string, int> MessageIds { get; } = new();
    public ConcurrentDictionary<string, int> Recipients { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            client.NoDelay = true;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ready");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    break;
                case "RCPT":
                    recipients.Add(line[(line.IndexOf('<') + 1)..line.IndexOf('>')]);
                    await writer.WriteLineAsync("250 ok");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 go on");
                    await ReadMessageAsync(reader, recipients);
                    recipients.Clear();
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
    }

    private async Task ReadMessageAsync(StreamReader reader, List<string> recipients)
    {
        var inHeaders = true;
        while (await reader.ReadLineAsync() is { } line && line != ".")
        {
            if (inHeaders && line.Length == 0)
            {
                inHeaders = false;
            }
            else if (inHeaders && line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
            {
                MessageIds.AddOrUpdate(line[11..].Trim(), 1, (_, n) => n + 1);
            }
        }

        foreach (var recipient in recipients)
        {
            Recipients.AddOrUpdate(recipient, 1, (_, n) => n + 1);
        }

        Interlocked.Increment(ref _received);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
