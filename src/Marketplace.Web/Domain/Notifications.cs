namespace Marketplace.Web.Domain;

/// <summary>Which notification mails an account wants in one town. No row means the defaults: all on.</summary>
public sealed class NotificationSettings : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public required string UserId { get; set; }

    /// <summary>A mail when someone responds to a listing or writes in a conversation.</summary>
    public bool MessageMails { get; set; } = true;

    /// <summary>The "still current?" mail before a listing expires.</summary>
    public bool ListingReminders { get; set; } = true;
}

public enum DigestFrequency
{
    Off = 0,
    Daily = 1,
    Weekly = 2,
}

/// <summary>
/// A digest of new listings for an account or an organisation (then it goes to the organisation's admins). The window
/// of each digest starts at <see cref="LastSentAt"/>, so a late or repeated job run neither skips nor repeats items.
/// </summary>
public sealed class DigestSubscription : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>Exactly one of <see cref="UserId"/> and <see cref="OrganisationId"/> is set.</summary>
    public string? UserId { get; set; }
    public int? OrganisationId { get; set; }

    public DigestFrequency Frequency { get; set; }

    /// <summary>The day a weekly digest goes out.</summary>
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Monday;

    /// <summary>Category ids (top-level ones include their sub-categories); empty means all.</summary>
    public List<int> CategoryIds { get; set; } = [];

    /// <summary>District ids; empty means all.</summary>
    public List<int> DistrictIds { get; set; } = [];

    public bool IncludeOffers { get; set; } = true;
    public bool IncludeRequests { get; set; } = true;

    /// <summary>Requests only, and only those nobody has responded to yet.</summary>
    public bool OnlyUnanswered { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSentAt { get; set; }

    public Organisation? Organisation { get; set; }
}

/// <summary>
/// A link in a mail that acts without logging in ("still current?": renew, fulfilled, close). The link carries the
/// id signed by Data Protection; this row makes it expire and work only once.
/// </summary>
public sealed class OneClickToken : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string Purpose { get; set; }
    public int TargetId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string? UsedFor { get; set; }
}
