using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Mail;

/// <summary>
/// Sends what is due in the outbox, a batch at a time, each row under a lease. A mail is marked sent by the first commit
/// after the SMTP server accepted it (<see cref="SentMarks"/>: while that commit runs, the next mail goes out). The
/// remaining window: if the process dies between that acceptance and the commit, the lease runs out and the next run
/// sends the mail again. It carries the same Message-Id, so mail systems that drop duplicates by Message-Id (most do)
/// show it once. No order of "mark, then send" avoids this without losing mail instead, and a lost mail is the worse
/// failure here.
/// </summary>
public sealed class OutboxDelivery(OutboxStore store, IMailSender sender, IOptions<MailOptions> options, ILogger<OutboxDelivery> logger)
{
    public const int BatchSize = 50;

    /// <summary>Long enough for a batch against a slow server; a run that dies frees its rows after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Delivers due mail until none is left or <paramref name="maxBatches"/> ran; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(int maxBatches = 20, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        await using var connection = await store.HoldConnectionAsync(cancellationToken);
        for (var batch = 0; batch < maxBatches; batch++)
        {
            var due = await store.ClaimDueAsync(BatchSize, Lease);
            if (due.Count == 0)
            {
                break;
            }

            sent += await DeliverBatchAsync(due, cancellationToken);
        }

        return sent;
    }

    /// <summary>One connection for the batch; after a failed mail a fresh one, since the old may be broken.</summary>
    private async Task<int> DeliverBatchAsync(IReadOnlyList<OutboxMail> due, CancellationToken cancellationToken)
    {
        var sent = 0;
        var marks = new SentMarks(store);
        IMailSession? session = null;
        try
        {
            foreach (var mail in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    session ??= await sender.OpenAsync(cancellationToken);
                    await session.SendAsync(ToMessage(mail), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Outbox mail {Id} (attempt {Attempt}) not delivered: {Error}", mail.Id, mail.Attempts + 1, e.Message);
                    await marks.FlushAsync();
                    await store.RecordFailureAsync(mail, e.Message);
                    if (session is not null)
                    {
                        await session.DisposeAsync();
                        session = null;
                    }

                    continue;
                }

                await marks.AcceptedAsync(mail);
                sent++;
            }
        }
        finally
        {
            try
            {
                // Mail the server accepted is marked even when the run stops here.
                await marks.FlushAsync();
            }
            finally
            {
                if (session is not null)
                {
                    await session.DisposeAsync();
                }
            }
        }

        return sent;
    }

    private MimeMessage ToMessage(OutboxMail mail)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = mail.MessageId,
            Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        // MimeKit keeps Content-* headers with the body entity, so this lands on the multipart/alternative.
        message.Headers.Add("Content-Language", mail.Culture);
        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return message;
    }
}
