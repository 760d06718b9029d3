namespace Marketplace.Web.Domain;

public enum OrganisationType
{
    Initiative = 1,
    Association,
    WelfareProvider,
    ReligiousCommunity,
    MigrantOrganisation,
    SportsClub,
    Company,
    CourseProvider,
    MunicipalOffice,
}

public enum OrganisationStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

public enum OrganisationRole
{
    Member = 0,
    Admin = 1,
}

/// <summary>An initiative, Verein, Träger, company ...: posts in its own name once a coordinator approved it.</summary>
public sealed class Organisation : ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 3000;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public OrganisationType Type { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }
    public OrganisationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who registered it; stays when they leave, so they never review it (<see cref="SelfDecision"/>). Null for older rows.</summary>
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }

    public List<OrganisationMember> Members { get; set; } = [];
    public List<OrganisationDistrict> Districts { get; set; } = [];
    public List<OrganisationCategory> Categories { get; set; } = [];
}

public sealed class OrganisationMember : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int OrganisationId { get; set; }
    public required string UserId { get; set; }
    public OrganisationRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    public AppUser? User { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>
/// An invitation by e-mail; the token is stored only as a hash. A newer invitation to the same address revokes the open
/// one instead of deleting it, so every invitation sent stays counted for the inviter's limit.
/// </summary>
public sealed class OrganisationInvitation : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int OrganisationId { get; set; }
    public required string NormalizedEmail { get; set; }
    public required string TokenHash { get; set; }
    public OrganisationRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>The account that sent it; null for invitations sent before this was recorded.</summary>
    public string? InvitedByUserId { get; set; }

    /// <summary>Set when a newer invitation to the same address replaced this one; its link then opens nothing.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class OrganisationDistrict : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int OrganisationId { get; set; }
    public int DistrictId { get; set; }
}

public sealed class OrganisationCategory : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int OrganisationId { get; set; }
    public int CategoryId { get; set; }
}
