namespace Marketplace.Web.Domain;

public enum EnrolmentStatus
{
    /// <summary>Holds a seat.</summary>
    Confirmed = 0,

    /// <summary>Left the seat (self-service before the deadline, or by the provider/office).</summary>
    Cancelled = 1,

    /// <summary>Taken off as a no-show by the provider or office; the seat went to the waiting list.</summary>
    Removed = 2,

    /// <summary>Completion recorded (attendance met and, where required, passed); recorded once.</summary>
    Completed = 3,

    /// <summary>The run ended and the completion rule was not met.</summary>
    NotCompleted = 4,
}

/// <summary>A seat in a run. Created and ended only through Courses/CourseSeats.</summary>
public sealed class Enrolment : ITenantOwned
{
    public const int CertificateCodeLength = 10;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int RunId { get; set; }
    public int ParticipantId { get; set; }
    public EnrolmentStatus Status { get; set; }
    public DateTimeOffset EnrolledAt { get; set; }
    public string? EnrolledByUserId { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The test or assessment result where the course requires one; null: not recorded.</summary>
    public bool? Passed { get; set; }

    /// <summary>The code of the certificate (Teilnahmebescheinigung), printed as a QR code to /verify/{code}.</summary>
    public string? CertificateCode { get; set; }

    public CourseRun? Run { get; set; }
    public CourseParticipant? Participant { get; set; }
}

public enum AttendanceMark
{
    Present = 1,
    Excused = 2,
    Absent = 3,
}

/// <summary>A participant's mark at one meeting; one per meeting and enrolment, changed in place when corrected.</summary>
public sealed class Attendance : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int MeetingId { get; set; }
    public int EnrolmentId { get; set; }
    public AttendanceMark Mark { get; set; }
    public required string RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
