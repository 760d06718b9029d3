namespace Marketplace.Web.Domain;

public enum CourseKind
{
    /// <summary>A training for volunteers (first aid, child protection, intercultural competence ...).</summary>
    VolunteerQualification = 1,

    /// <summary>A German course for people who arrived: BAMF courses of providers and volunteer-run ones.</summary>
    LanguageCourse = 2,
}

/// <summary>The kinds of language course the report names; the town may refer people to them but not assign them.</summary>
public enum LanguageCourseType
{
    /// <summary>Integrationskurs (allgemein).</summary>
    Integration = 1,

    /// <summary>Integrationskurs mit Alphabetisierung.</summary>
    Literacy = 2,

    /// <summary>Jugendintegrationskurs.</summary>
    Youth = 3,

    /// <summary>Eltern- bzw. Frauenintegrationskurs.</summary>
    ParentsWomen = 4,

    /// <summary>Intensivkurs.</summary>
    Intensive = 5,

    /// <summary>Berufssprachkurs (DeuFöV).</summary>
    Vocational = 6,

    /// <summary>Run by volunteers (conversation café, Sprachpaten): no BAMF course.</summary>
    VolunteerRun = 7,
}

/// <summary>The levels of the Common European Framework of Reference the courses aim at.</summary>
public enum CefrLevel
{
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
}

/// <summary>When a run meets, for people who can come only at some times (childcare, work, school).</summary>
[Flags]
public enum DayParts
{
    None = 0,
    Morning = 1,
    Afternoon = 2,
    Evening = 4,
    Weekend = 8,
}

/// <summary>
/// A course in the town's catalogue, offered by an approved organisation or by the coordination office itself (no
/// provider). It is held in one or more runs (<see cref="CourseRun"/>); completing it can grant qualifications.
/// </summary>
public sealed class Course : ITenantOwned
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 5000;
    public const int TopicMaxLength = 80;
    public const int NoteMaxLength = 500;
    public const int ContactMaxLength = 200;
    public const int DefaultMinimumAttendancePercent = 80;

    public int Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The organisation that offers it; null: the coordination office runs it.</summary>
    public int? ProviderOrganisationId { get; set; }

    public CourseKind Kind { get; set; }

    /// <summary>For volunteer qualifications: what it is about, in the provider's words.</summary>
    public string? Topic { get; set; }

    public LanguageCourseType? LanguageCourseType { get; set; }
    public CefrLevel? TargetLevel { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown, rendered through Infrastructure/UserMarkdown.</summary>
    public string? Description { get; set; }

    /// <summary>Teaching units (Unterrichtseinheiten) of 45 minutes, the whole course.</summary>
    public int TeachingUnits { get; set; }

    /// <summary>Culture codes of the languages it is taught in ("de", "ar", ...).</summary>
    public List<string> InstructionLanguages { get; set; } = [];

    public string? AccessibilityNote { get; set; }
    public bool ChildcareOffered { get; set; }
    public string? ChildcareNote { get; set; }

    /// <summary>What a participant pays; 0 is free.</summary>
    public long FeeCents { get; set; }

    public string? FeeNote { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>Share of the planned teaching units a participant must attend to complete it.</summary>
    public int MinimumAttendancePercent { get; set; } = DefaultMinimumAttendancePercent;

    /// <summary>Completion also needs a passed test or assessment, recorded by the provider.</summary>
    public bool RequiresPass { get; set; }

    /// <summary>How long the qualifications it grants hold; null: for good.</summary>
    public int? QualificationValidMonths { get; set; }

    /// <summary>Up to how many days before a run starts a participant may leave their seat themselves.</summary>
    public int LeaveDeadlineDays { get; set; } = 2;

    /// <summary>Withdrawn courses leave the catalogue; their runs, enrolments and certificates stay.</summary>
    public bool IsWithdrawn { get; set; }

    /// <summary>
    /// Bumped first by every change of the seats of any of its runs, inside that change's transaction: on PostgreSQL
    /// that takes the course row's lock, on SQLite the database's write lock, so seat changes of one course never
    /// interleave (Courses/CourseSeats). A new waiting-list entry takes the bumped value as its place in the queue, so
    /// "any run" and one-run entries share one arrival order.
    /// </summary>
    public long WaitingSequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }

    public Organisation? Provider { get; set; }
    public List<CourseRun> Runs { get; set; } = [];
    public List<CourseQualification> Grants { get; set; } = [];
}

/// <summary>A qualification that completing the course grants.</summary>
public sealed class CourseQualification : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int CourseId { get; set; }
    public int QualificationId { get; set; }
}
