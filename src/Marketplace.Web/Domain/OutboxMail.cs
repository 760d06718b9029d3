namespace Marketplace.Web.Domain;

public enum OutboxState
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// A mail the platform has decided to send, written in the same transaction as the change that causes it and
/// delivered later by the outbox job. The idempotency key (unique per town) makes a second enqueue of the same mail a
/// no-op; the lease lets one delivery run own the row while it sends.
/// </summary>
public sealed class OutboxMail : IPlatformMayOwn
{
    public const int KeyMaxLength = 200;

    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string Recipient { get; set; }
    public required string Template { get; set; }
    public required string Culture { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }

    /// <summary>The one-click unsubscribe address (RFC 8058), when the mail is a notification or digest.</summary>
    public string? UnsubscribeUrl { get; set; }

    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    /// <summary>When written, or when a town admin retried it: the day of retries counts from here.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public Guid? LeaseToken { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Stable for the row, so a resend after a crash carries the same Message-Id and receivers can drop it.</summary>
    public required string MessageId { get; set; }

    public string? LastError { get; set; }
}
