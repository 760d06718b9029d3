namespace Marketplace.Web.Domain;

/// <summary>
/// A qualification the town recognises (Erste Hilfe, Kinderschutz, Traumasensibel begleiten ...). A higher one can
/// include others: holding it counts as holding them. Categories can require qualifications of their helpers.
/// </summary>
public sealed class Qualification : ITenantOwned
{
    public const int KeyMaxLength = 60;
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>Stable for seeding and code, e.g. "erste-hilfe".</summary>
    public required string Key { get; set; }

    public required TranslatedText Names { get; set; }
    public string? Description { get; set; }

    /// <summary>Qualifications this one implies (a higher first-aid course includes the basic one).</summary>
    public List<int> IncludesQualificationIds { get; set; } = [];

    public bool IsRetired { get; set; }

    public string NameIn(string culture) => Names.In(culture);
}

/// <summary>
/// A person holds a qualification from <see cref="GrantedOn"/> up to and including <see cref="ValidUntil"/> (null: for
/// good). Granted when a provider or coordinator confirms a completed course, or recorded by the office.
/// </summary>
public sealed class QualificationGrant : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int QualificationId { get; set; }
    public required string UserId { get; set; }
    public DateOnly GrantedOn { get; set; }

    /// <summary>The last day it counts; null: it does not lapse.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The completed enrolment it came from; null when the office recorded it directly.</summary>
    public int? SourceEnrolmentId { get; set; }

    public required string ConfirmedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The lapse date a reminder went out for, so each lapse is reminded of once.</summary>
    public DateOnly? ReminderSentFor { get; set; }
}

/// <summary>A category's helpers need this qualification (valid on the day of the task), as some need a police clearance.</summary>
public sealed class CategoryQualification : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int CategoryId { get; set; }
    public int QualificationId { get; set; }
}
