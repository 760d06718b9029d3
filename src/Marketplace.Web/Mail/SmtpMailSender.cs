using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Mail;

public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    /// <summary>How long connecting, or sending one mail, may take before the server counts as gone (MailKit's default).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        await session.SendAsync(message, cancellationToken);
    }

    /// <summary>One connection for a delivery batch: connecting and authenticating per mail would dominate a digest run.</summary>
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient();
        var host = smtp.Host ?? "localhost";
        // Without NoDelay, Nagle's algorithm meets the server's delayed ACK and every mail waits about 40 ms.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await WithTimeoutAsync(async token =>
            {
                await socket.ConnectAsync(host, smtp.Port, token);
                // MailKit writes a mail in pieces of 4 KB, each a send of its own (and with the socket its own timer);
                // buffered, a digest leaves in one or two, and the delivery of a digest run took about 15 % less. Given
                // a stream, MailKit's timeouts no longer apply, so each step here and in the session has one.
                await client.ConnectAsync(new BufferedStream(new NetworkStream(socket, ownsSocket: true), 64 * 1024), host, smtp.Port,
                    Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), token);
                if (!string.IsNullOrEmpty(smtp.UserName))
                {
                    await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", token);
                }
            }, cancellationToken);

            return new Session(client);
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A step that takes longer than <see cref="Timeout"/> fails like a broken connection, not like a cancelled run.</summary>
    private static async Task WithTimeoutAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await step(timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The mail server did not answer within {Timeout.TotalSeconds:F0} s.", e);
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default) =>
            WithTimeoutAsync(token => client.SendAsync(message, token), cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await WithTimeoutAsync(token => client.DisconnectAsync(quit: true, token), CancellationToken.None);
                }
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or TimeoutException)
            {
                // The mail is either marked sent or will be retried; a failing QUIT changes neither.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
