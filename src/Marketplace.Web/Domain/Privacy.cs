namespace Marketplace.Web.Domain;

/// <summary>
/// A member's "download my data" request and, once a job has built it, the archive itself. It belongs to the account,
/// not to a town: the archive holds everything of all the account's towns, and the owner may fetch it in any of them.
/// Kept in the database so every instance serves it.
/// </summary>
public sealed class DataExport
{
    public int Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The town whose page asked for it: its mail says the archive is ready, and links back there.</summary>
    public Guid RequestedInTenantId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ReadyAt { get; set; }

    /// <summary>After this the archive can no longer be downloaded, and the privacy job deletes the row.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The zip (data.json, index.html, photos/); null while the job has not built it.</summary>
    public byte[]? Archive { get; set; }
}

/// <summary>
/// A member asked for their account to be deleted. Until <see cref="DueAt"/> logging in cancels it (the row is removed);
/// then the privacy job anonymises the person in every town. The row stays afterwards, without anything personal: its id
/// numbers the pseudonym, and <see cref="CompletedAt"/> starts the retention of the person's messages.
/// </summary>
public sealed class AccountDeletion
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public Guid RequestedInTenantId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Set when the job claims the deletion; from then on logging in no longer cancels it.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>How long the platform keeps what, and the names it gives what it anonymised. Free of I/O.</summary>
public static class PrivacyRules
{
    /// <summary>Logging in within this time after asking cancels an account's deletion.</summary>
    public static readonly TimeSpan DeletionGracePeriod = TimeSpan.FromDays(14);

    /// <summary>How long a finished archive can be downloaded.</summary>
    public static readonly TimeSpan ExportLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// The user name of an anonymised account. The "ö" is outside the characters a registration accepts
    /// (<c>AllowedUserNameCharacters</c>), so no member can ever hold such a name and the unique index never refuses it.
    /// </summary>
    public static string PseudonymFor(int deletionId) => $"gelöschte-person-{deletionId}";

    public const int DefaultListingRetentionMonths = 12;
    public const int DefaultDeletedAccountMessageMonths = 6;
    public const int DefaultAuditRetentionMonths = 24;

    public const int MinRetentionMonths = 1;
    public const int MaxRetentionMonths = 120;

    /// <summary>
    /// Audit entries record who looked at personal data; kept at least a year so a complaint can still be checked.
    /// </summary>
    public const int MinAuditRetentionMonths = 12;

    /// <summary>
    /// The first town day a rule of <paramref name="months"/> still keeps: whatever ended before its start is due.
    /// </summary>
    public static DateOnly KeptFrom(DateOnly today, int months) => today.AddMonths(-months);
}
