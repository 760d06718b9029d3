namespace Marketplace.Web.Domain;

public enum CourseRunStatus
{
    Planned = 0,
    Cancelled = 1,
    Completed = 2,
}

/// <summary>
/// One run (Durchgang) of a course: its meetings, a place at district level (never an address, least of all a shelter's)
/// or online, and its group size. Its seats change only through Courses/CourseSeats.
/// </summary>
public sealed class CourseRun : ITenantOwned
{
    public const int PlaceNoteMaxLength = 200;
    public const int CancelReasonMaxLength = 500;
    public const int MaxParticipantsLimit = 500;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int CourseId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>Null with <see cref="IsOnline"/>; otherwise the district it meets in.</summary>
    public int? DistrictId { get; set; }

    public bool IsOnline { get; set; }

    /// <summary>"Stadtteilhaus, 2nd floor": district level only, no street address.</summary>
    public string? PlaceNote { get; set; }

    public int MinParticipants { get; set; }
    public int MaxParticipants { get; set; }

    /// <summary>When its meetings are, kept from the meetings for the catalogue's filter.</summary>
    public DayParts DayParts { get; set; }

    public CourseRunStatus Status { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>When the provider and office were told it is below its minimum 14 days before the start.</summary>
    public DateTimeOffset? LowEnrolmentNoticeSentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Course? Course { get; set; }
    public District? District { get; set; }
    public List<CourseMeeting> Meetings { get; set; } = [];
}

/// <summary>One meeting of a run: the roll call is taken per meeting.</summary>
public sealed class CourseMeeting : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int RunId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartsAt { get; set; }
    public TimeOnly EndsAt { get; set; }

    /// <summary>Teaching units (45 min) of this meeting; attendance rates are weighted by them.</summary>
    public int TeachingUnits { get; set; }
}
