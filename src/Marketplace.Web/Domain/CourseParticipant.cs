namespace Marketplace.Web.Domain;

/// <summary>
/// A person in the town's courses: a member (by account) or someone the office enrolled without an account, known by
/// name and the reference code on their slip (Intake/ReferenceCodes) until they claim it with an account. Enrolments,
/// waiting-list entries and language-course interest point here, so "member or not" is decided in one place.
/// </summary>
public sealed class CourseParticipant : ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int ContactMaxLength = 200;

    public int Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The member's account; null for a person recorded by the office.</summary>
    public string? UserId { get; set; }

    /// <summary>Only for a person without account: how the office and the provider call them.</summary>
    public string? Name { get; set; }

    /// <summary>Only for a person without account: e-mail or phone, as the person chose to give it.</summary>
    public string? Contact { get; set; }

    /// <summary>The language of their mails and certificate.</summary>
    public required string Culture { get; set; }

    /// <summary>Only for a person without account: the code on their slip.</summary>
    public string? ReferenceCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }

    public AppUser? User { get; set; }
}
