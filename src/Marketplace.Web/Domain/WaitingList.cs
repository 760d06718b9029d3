namespace Marketplace.Web.Domain;

public enum WaitingStatus
{
    Waiting = 0,

    /// <summary>A seat is held for them (<see cref="SeatOffer"/>).</summary>
    Offered = 1,

    /// <summary>Took the offered seat.</summary>
    Seated = 2,

    /// <summary>Left the list themselves (also from the mail) or declined an offer.</summary>
    Left = 3,

    /// <summary>Let an offer expire; off the list.</summary>
    Expired = 4,

    /// <summary>The run or course was cancelled.</summary>
    Cancelled = 5,
}

/// <summary>
/// A place on a course's waiting list: for one run, or for any run of the course (<see cref="RunId"/> null), then
/// optionally only runs in some districts or at some day parts. One queue per course, in arrival order
/// (<see cref="Sequence"/>); nobody who comes later is seated before them.
/// </summary>
public sealed class WaitingListEntry : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int CourseId { get; set; }

    /// <summary>The run they wait for; null: any run of the course that fits the filters below.</summary>
    public int? RunId { get; set; }

    /// <summary>For "any run": only runs in these districts (empty: any district, online included).</summary>
    public List<int> DistrictIds { get; set; } = [];

    /// <summary>For "any run": only runs meeting at one of these (None: any time).</summary>
    public DayParts DayParts { get; set; }

    public int ParticipantId { get; set; }

    /// <summary>Arrival order within the course (Course.WaitingSequence at joining).</summary>
    public long Sequence { get; set; }

    public WaitingStatus Status { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public CourseParticipant? Participant { get; set; }
}

public enum SeatOfferStatus
{
    Open = 0,
    Accepted = 1,
    Declined = 2,
    Expired = 3,

    /// <summary>The run was cancelled while the offer was open.</summary>
    Withdrawn = 4,
}

/// <summary>
/// A seat held for the head of the waiting list until <see cref="ExpiresAt"/>; accepted or declined once, by a signed,
/// single-use link that needs no login (Mail/OneClickTokens, the offer's id as target).
/// </summary>
public sealed class SeatOffer : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int WaitingListEntryId { get; set; }
    public int RunId { get; set; }
    public DateTimeOffset OfferedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public SeatOfferStatus Status { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public WaitingListEntry? Entry { get; set; }
}
