using MimeKit;

namespace Marketplace.Web.Mail;

public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);

    /// <summary>A session for a batch; senders that can keep a connection open for many mails override this.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken = default) => Task.FromResult<IMailSession>(new OneByOne(this));

    private sealed class OneByOne(IMailSender sender) : IMailSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default) => sender.SendAsync(message, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Several mails over one connection. After a failed send the session is not reused: the connection may be broken.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
