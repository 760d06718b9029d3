namespace Marketplace.Web.Domain;

public enum ListingType
{
    Offer = 0,
    Request = 1,
}

/// <summary>Draft → Published ⇄ Paused → Fulfilled / Closed / Expired (renewing an expired listing publishes it again).</summary>
public enum ListingStatus
{
    Draft = 0,
    Published = 1,
    Paused = 2,
    Fulfilled = 3,
    Closed = 4,
    Expired = 5,
}

public enum WorkKind
{
    Job = 1,
    Internship,
    Apprenticeship,
    CompanyVisit,
}

/// <summary>An offer or a request (Angebot / Gesuch). Its only public location is the district.</summary>
public sealed class Listing : ITenantOwned
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 5000;
    public const int MeetingPointMaxLength = 300;
    public const int MaxPhotos = 3;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public ListingType Type { get; set; }
    public ListingStatus Status { get; set; }
    public int CategoryId { get; set; }
    public int DistrictId { get; set; }
    public required string PosterUserId { get; set; }

    /// <summary>Set when posted on behalf of an approved organisation the poster belongs to.</summary>
    public int? OrganisationId { get; set; }

    public required string Title { get; set; }
    public required string Description { get; set; }

    /// <summary>Languages the poster speaks, as ISO codes separated by commas (",de,ar," with guards for exact matching).</summary>
    public string Languages { get; set; } = "";

    /// <summary>Seats, places or rooms where that makes sense; null when it does not.</summary>
    public int? Quantity { get; set; }

    /// <summary>When the help is needed or offered, if the poster said (the office's day-part view); None when not.</summary>
    public DayParts DayParts { get; set; }

    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableUntil { get; set; }

    /// <summary>Shown only to people the poster is in conversation with; never public.</summary>
    public string? MeetingPoint { get; set; }

    public int? Rooms { get; set; }
    public decimal? AreaSquareMetres { get; set; }
    public long? WarmRentCents { get; set; }
    public WorkKind? WorkKind { get; set; }
    public decimal? HoursPerWeek { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? FulfilledAt { get; set; }

    /// <summary>Hidden by a coordinator or by reaching the town's report threshold, until reviewed.</summary>
    public bool IsHidden { get; set; }

    /// <summary>The coordinator who claimed the request in the office's queue.</summary>
    public string? AssignedToUserId { get; set; }
    public OfficeStatus OfficeStatus { get; set; }

    public Category? Category { get; set; }
    public District? District { get; set; }
    public AppUser? Poster { get; set; }
    public Organisation? Organisation { get; set; }
    public List<ListingPhoto> Photos { get; set; } = [];
}

/// <summary>A photo, re-encoded on upload so no metadata (GPS!) survives. Kept in the database so every instance serves it.</summary>
public sealed class ListingPhoto : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int ListingId { get; set; }
    public int SortOrder { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Data { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
}
