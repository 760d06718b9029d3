namespace Marketplace.Web.Domain;

/// <summary>Where a request stands in the coordination office's queue.</summary>
public enum OfficeStatus
{
    New = 0,
    InProgress = 1,
    Proposed = 2,
    Matched = 3,
    OnHold = 4,
}

/// <summary>An internal note on a request; shown only inside the coordination office.</summary>
public sealed class OfficeNote : ITenantOwned
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ListingId { get; set; }
    public required string AuthorUserId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public AppUser? Author { get; set; }
}

/// <summary>Someone's interest in a mediated listing: it goes to the office, not to the poster.</summary>
public sealed class OfficeInquiry : ITenantOwned
{
    public const int MessageMaxLength = 2000;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ListingId { get; set; }
    public required string UserId { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? HandledByUserId { get; set; }

    public AppUser? User { get; set; }
}
