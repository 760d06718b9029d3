namespace Marketplace.Web.Domain;

/// <summary>Why the office is alerted (town rules on <see cref="Tenant"/>, defaults in <see cref="GapRules"/>). Stored as these numbers.</summary>
public enum GapAlertKind
{
    /// <summary>A cell with at least <see cref="Tenant.GapAlertOpenRequests"/> open requests, rising two weeks in a row.</summary>
    RisingRequests = 1,

    /// <summary>A category's median time to match above <see cref="Tenant.GapAlertMedianDays"/>.</summary>
    SlowMatching = 2,

    /// <summary>A cell in surplus for <see cref="Tenant.GapAlertSurplusWeeks"/> weeks in a row.</summary>
    LastingSurplus = 3,

    /// <summary>Interest in a language course type in a district reached its minimum group size.</summary>
    CourseInterest = 4,
}

/// <summary>
/// An alert raised for a complete week. Raised once per kind, week and subject (the unique key), so a rerun of the
/// check raises nothing twice; the coordinators' daily digest and the organisations' invitations mark when they went out.
/// </summary>
public sealed class GapAlert : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public GapAlertKind Kind { get; set; }
    public DateOnly WeekStart { get; set; }

    /// <summary>The top category; 0 for a course interest alert.</summary>
    public int CategoryId { get; set; }

    /// <summary>The district; 0 for a category-wide alert (slow matching).</summary>
    public int DistrictId { get; set; }

    /// <summary>The language course type (<see cref="LanguageCourseType"/> as a number) of a course interest alert; 0 otherwise.</summary>
    public int CourseType { get; set; }

    /// <summary>What triggered it: open requests, median days, weeks in surplus, or people interested.</summary>
    public int Value { get; set; }

    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? CoordinatorsNotifiedAt { get; set; }
    public DateTimeOffset? OrganisationsInvitedAt { get; set; }
}
