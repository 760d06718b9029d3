namespace Marketplace.Web.Domain;

/// <summary>One account's membership in one municipality. An account may belong to several towns.</summary>
public sealed class TenantMembership : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public required string UserId { get; set; }
    public TownRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Set by a coordinator: the account can still read but not post, message or report in this town.</summary>
    public DateTimeOffset? BlockedAt { get; set; }
    public string? BlockedReason { get; set; }

    public AppUser? User { get; set; }
}
