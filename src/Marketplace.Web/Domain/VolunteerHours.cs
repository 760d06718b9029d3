namespace Marketplace.Web.Domain;

public enum HoursStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// Hours a volunteer gave, against a match or an organisation; they count once a coordinator approved them.
/// Held as whole minutes (entries are quarter hours), so the database adds them up; forms and pages speak hours.
/// </summary>
public sealed class VolunteerHours : ITenantOwned
{
    public const int ActivityMaxLength = 200;
    public const decimal MaxPerEntry = 24m;
    public const int MinutesPerHour = 60;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public required string UserId { get; set; }
    public int? MatchId { get; set; }
    public int? OrganisationId { get; set; }
    public DateOnly WorkedOn { get; set; }
    public int Minutes { get; set; }
    public required string Activity { get; set; }
    public HoursStatus Status { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public AppUser? User { get; set; }
    public Organisation? Organisation { get; set; }

    public static int ToMinutes(decimal hours) => (int)decimal.Round(hours * MinutesPerHour, MidpointRounding.AwayFromZero);

    public static decimal ToHours(long minutes) => (decimal)minutes / MinutesPerHour;
}

/// <summary>What volunteering is worth at the town's hourly rate (the Köln method: 8,120 h × 15 EUR = 121,800 EUR).</summary>
public static class HoursValue
{
    public const long DefaultHourlyRateCents = 15_00;

    /// <summary>In cents, half a cent rounded away from zero.</summary>
    public static long Of(long minutes, long hourlyRateCents) =>
        (long)decimal.Round((decimal)minutes * hourlyRateCents / VolunteerHours.MinutesPerHour, MidpointRounding.AwayFromZero);
}
