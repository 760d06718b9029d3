using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Mail;

/// <summary>A rendered mail, ready for the outbox.</summary>
public sealed record OutgoingMail(string Recipient, string Template, string Culture, string Subject, string HtmlBody, string TextBody,
    string? UnsubscribeUrl = null);

/// <summary>
/// Puts mail into the current town's outbox. It only adds the row to the context: the caller's SaveChanges writes it
/// together with the change that causes it, so either both happen or neither.
/// </summary>
public sealed class OutboxWriter(AppDbContext db, TimeProvider clock, IOptions<MailOptions> options)
{
    // Keys added in this scope and not saved yet. Not DbSet.Local: it runs change detection over everything tracked,
    // which made a digest run of 10,000 mails quadratic.
    private readonly HashSet<string> _added = [];

    /// <summary>Adds the mail unless one with this key was already written for the town; returns whether it was added.</summary>
    public async Task<bool> AddAsync(OutgoingMail mail, string idempotencyKey) =>
        !await ExistsAsync(idempotencyKey) && Add(mail, idempotencyKey);

    /// <summary>Whether a mail with this key is already in the town's outbox (saved or added in this scope).</summary>
    public async Task<bool> ExistsAsync(string idempotencyKey) =>
        _added.Contains(idempotencyKey) || await db.OutboxMails.AnyAsync(m => m.IdempotencyKey == idempotencyKey);

    /// <summary>
    /// Adds the mail for a caller that checked the key itself (e.g. in bulk). Should two writers still race, the unique
    /// index refuses the second row and its transaction.
    /// </summary>
    public bool Add(OutgoingMail mail, string idempotencyKey)
    {
        if (idempotencyKey.Length > OutboxMail.KeyMaxLength)
        {
            throw new ArgumentException($"An idempotency key has at most {OutboxMail.KeyMaxLength} characters.", nameof(idempotencyKey));
        }

        if (!_added.Add(idempotencyKey))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.OutboxMails.Add(new OutboxMail
        {
            IdempotencyKey = idempotencyKey,
            Recipient = mail.Recipient,
            Template = mail.Template,
            Culture = mail.Culture,
            Subject = mail.Subject,
            HtmlBody = mail.HtmlBody,
            TextBody = mail.TextBody,
            UnsubscribeUrl = mail.UnsubscribeUrl,
            State = OutboxState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            MessageId = $"{Guid.NewGuid():N}@{MessageIdDomain()}",
        });
        return true;
    }

    private string MessageIdDomain()
    {
        var from = options.Value.FromAddress;
        var at = from.LastIndexOf('@');
        return at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "marketplace.localhost";
    }
}
