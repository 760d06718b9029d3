namespace Marketplace.Web.Domain;

public enum HoursStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>Hours a volunteer gave, against a match or an organisation; they count once a coordinator approved them.</summary>
public sealed class VolunteerHours : ITenantOwned
{
    public const int ActivityMaxLength = 200;
    public const decimal MaxPerEntry = 24m;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public required string UserId { get; set; }
    public int? MatchId { get; set; }
    public int? OrganisationId { get; set; }
    public DateOnly WorkedOn { get; set; }
    public decimal Hours { get; set; }
    public required string Activity { get; set; }
    public HoursStatus Status { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public AppUser? User { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>What volunteering is worth at the town's hourly rate (the Köln method: 8,120 h × 15 EUR = 121,800 EUR).</summary>
public static class HoursValue
{
    public const decimal DefaultHourlyRate = 15m;

    public static decimal Of(decimal hours, decimal hourlyRate) => decimal.Round(hours * hourlyRate, 2, MidpointRounding.AwayFromZero);
}
