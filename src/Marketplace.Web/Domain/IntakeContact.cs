namespace Marketplace.Web.Domain;

/// <summary>
/// A person a coordinator recorded a request for (assisted intake). Name and contact stay in the office; the person can
/// later claim the request with the reference code printed on their slip.
/// </summary>
public sealed class IntakeContact : ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int ContactMaxLength = 200;
    public const int CodeLength = 8;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ListingId { get; set; }
    public required string Name { get; set; }
    public string? Contact { get; set; }
    public required string Culture { get; set; }
    public required string ReferenceCode { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? ClaimedByUserId { get; set; }
}
