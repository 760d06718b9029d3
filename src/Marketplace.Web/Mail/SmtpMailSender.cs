using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Mail;

public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
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
            await socket.ConnectAsync(host, smtp.Port, cancellationToken);
            await client.ConnectAsync(socket, host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            return new Session(client);
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default) => client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException)
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
