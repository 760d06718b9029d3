using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marketplace.Bench.Digest;

/// <summary>
/// A minimal local SMTP server that accepts everything and only counts mails per recipient and Message-Id, to find
/// duplicates. Hand-written rather than the SmtpServer package the tests use: that one answers with Nagle's algorithm
/// on, which costs ~40 ms per mail on loopback and would measure the sink instead of the app. It runs in the bench's
/// process, so it reads bytes and decodes only commands and Message-Id headers: decoding every line of 10,000 digests
/// into strings cost the process more than a real server on another machine would. Like Postfix it offers PIPELINING
/// and answers all commands of one read in one write.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly byte[] MessageIdHeader = "message-id:"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _received;
    private long _bytes;

    public SmtpSink()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }
    public int Received => _received;

    /// <summary>Bytes of message data received (headers and bodies, as sent).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

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
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        var session = new Session();
        await stream.WriteAsync("220 sink ready\r\n"u8.ToArray());
        while (!session.Quit)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            var answers = new StringBuilder();
            while (TryReadLine(ref buffer, out var line))
            {
                Handle(session, line, answers);
                if (session.Quit)
                {
                    break;
                }
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (answers.Length > 0)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answers.ToString()));
            }

            if (result.IsCompleted)
            {
                break;
            }
        }

        await reader.CompleteAsync();
    }

    private sealed class Session
    {
        public bool InData { get; set; }
        public bool InHeaders { get; set; }
        public bool Quit { get; set; }
        public List<string> Recipients { get; } = [];
    }

    private void Handle(Session session, ReadOnlySequence<byte> line, StringBuilder answers)
    {
        if (session.InData)
        {
            ReadData(session, line, answers);
            return;
        }

        var command = Encoding.ASCII.GetString(line);
        var verb = (command.Length >= 4 ? command[..4] : command).ToUpperInvariant();
        switch (verb)
        {
            case "EHLO":
                answers.Append("250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
                break;
            case "RCPT":
                session.Recipients.Add(command[(command.IndexOf('<') + 1)..command.IndexOf('>')]);
                answers.Append("250 ok\r\n");
                break;
            case "DATA":
                session.InData = true;
                session.InHeaders = true;
                answers.Append("354 go on\r\n");
                break;
            case "QUIT":
                answers.Append("221 bye\r\n");
                session.Quit = true;
                break;
            default:
                answers.Append("250 ok\r\n");
                break;
        }
    }

    private void ReadData(Session session, ReadOnlySequence<byte> line, StringBuilder answers)
    {
        if (line.Length == 1 && line.FirstSpan[0] == (byte)'.')
        {
            foreach (var recipient in session.Recipients)
            {
                Recipients.AddOrUpdate(recipient, 1, (_, n) => n + 1);
            }

            session.Recipients.Clear();
            session.InData = false;
            Interlocked.Increment(ref _received);
            answers.Append("250 queued\r\n");
            return;
        }

        Interlocked.Add(ref _bytes, line.Length + 2);
        if (!session.InHeaders)
        {
            return;
        }

        if (line.IsEmpty)
        {
            session.InHeaders = false;
        }
        else if (line.Length > MessageIdHeader.Length && StartsWithIgnoringCase(line, MessageIdHeader))
        {
            var id = Encoding.ASCII.GetString(line.Slice(MessageIdHeader.Length)).Trim();
            MessageIds.AddOrUpdate(id, 1, (_, n) => n + 1);
        }
    }

    private static bool StartsWithIgnoringCase(ReadOnlySequence<byte> line, byte[] lowerPrefix)
    {
        Span<byte> start = stackalloc byte[lowerPrefix.Length];
        line.Slice(0, lowerPrefix.Length).CopyTo(start);
        for (var i = 0; i < start.Length; i++)
        {
            if ((byte)(start[i] | 0x20) != lowerPrefix[i] && start[i] != lowerPrefix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One line without its CRLF, or false when the buffer holds no complete line yet.</summary>
    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (reader.TryReadTo(out line, "\r\n"u8))
        {
            buffer = buffer.Slice(reader.Position);
            return true;
        }

        line = default;
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
