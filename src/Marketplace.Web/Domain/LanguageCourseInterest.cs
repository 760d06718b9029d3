namespace Marketplace.Web.Domain;

public enum InterestStatus
{
    Open = 0,

    /// <summary>The office referred the person to a provider's run (it may refer, not assign).</summary>
    Referred = 1,

    /// <summary>The person registered with the provider.</summary>
    Registered = 2,

    Started = 3,
    Completed = 4,
    Withdrawn = 5,
}

/// <summary>
/// One central interest list for language courses (as Osnabrück's KIM office keeps it), so providers need no waiting
/// lists of their own: what course a person needs, where and when they can go, and whether they need childcare.
/// </summary>
public sealed class LanguageCourseInterest : ITenantOwned
{
    public const int NoteMaxLength = 500;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ParticipantId { get; set; }
    public LanguageCourseType CourseType { get; set; }

    /// <summary>Current level, from an assessment where there was one.</summary>
    public CefrLevel? CurrentLevel { get; set; }

    public bool LevelAssessed { get; set; }
    public int? DistrictId { get; set; }
    public DayParts DayParts { get; set; }
    public bool ChildcareNeeded { get; set; }

    /// <summary>Since when the person waits for a course (the date they first asked).</summary>
    public DateOnly Since { get; set; }

    public InterestStatus Status { get; set; }
    public int? ReferredRunId { get; set; }
    public DateTimeOffset StatusChangedAt { get; set; }
    public string? Note { get; set; }
    public string? RecordedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The office was told that open interest of this type in this district reached the group size, and that notice still
    /// stands: set on every open entry of the group while it does (also on newcomers), cleared when the group falls below
    /// the size again, so the next rise is told once more (Courses/LanguageCourseDemand).
    /// </summary>
    public bool InDemandNotice { get; set; }

    public CourseParticipant? Participant { get; set; }
}

/// <summary>A town's minimum group size for a language-course type, where it differs from the default.</summary>
public sealed class LanguageCourseGroupSize : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public LanguageCourseType CourseType { get; set; }
    public int MinimumParticipants { get; set; }
}
