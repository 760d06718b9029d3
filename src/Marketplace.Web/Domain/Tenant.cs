namespace Marketplace.Web.Domain;

/// <summary>A municipality (Kommune / Landkreis) with its own subdomain.</summary>
public sealed class Tenant
{
    public const string DefaultTimeZone = "Europe/Berlin";

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public FederalState FederalState { get; set; }
    public string TimeZoneId { get; set; } = DefaultTimeZone;
    public string DefaultCulture { get; set; } = "de";
    public required string ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactAddress { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public List<District> Districts { get; set; } = [];
}
