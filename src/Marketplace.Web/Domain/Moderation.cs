namespace Marketplace.Web.Domain;

public enum ReportTarget
{
    Listing = 0,
    Message = 1,
    User = 2,
}

public enum ReportReason
{
    Spam = 1,
    Offensive,
    Fraud,
    PersonalData,
    Dangerous,
    Other,
}

public enum ReportStatus
{
    Open = 0,
    Resolved = 1,
    Dismissed = 2,
}

/// <summary>A report by a member about a listing, a message or a user of the town.</summary>
public sealed class Report : ITenantOwned
{
    public const int CommentMaxLength = 1000;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public ReportTarget TargetType { get; set; }

    /// <summary>The listing or message id, or the user id.</summary>
    public required string TargetId { get; set; }
    public required string ReporterUserId { get; set; }
    public ReportReason Reason { get; set; }
    public string? Comment { get; set; }
    public ReportStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedByUserId { get; set; }
}

public enum ModerationActionKind
{
    Hide = 1,
    Restore,
    Close,
    Block,
    Unblock,
    Dismiss,
    AutoHide,
}

/// <summary>The record of every moderation step: who, when, what, why.</summary>
public sealed class ModerationAction : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>Null for the automatic hide at the report threshold.</summary>
    public string? ActorUserId { get; set; }
    public ModerationActionKind Kind { get; set; }
    public ReportTarget TargetType { get; set; }
    public required string TargetId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}
