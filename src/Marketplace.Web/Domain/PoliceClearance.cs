namespace Marketplace.Web.Domain;

/// <summary>
/// That a coordinator inspected a volunteer's police clearance (Führungszeugnis): only the inspection date and the
/// certificate's issue date. No document and no content is ever stored.
/// </summary>
public sealed class PoliceClearance : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public required string VolunteerUserId { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly InspectedOn { get; set; }
    public required string InspectedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The lapse date a reminder was sent for, so a renewed clearance earns a new reminder and an old one none twice.</summary>
    public DateOnly? ReminderSentFor { get; set; }
}

/// <summary>The rules of clearances, free of I/O.</summary>
public static class ClearanceRules
{
    public const int DefaultValidYears = 5;
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromDays(42);
    public static readonly TimeSpan KeptAfterActivity = TimeSpan.FromDays(91);

    /// <summary>The first day it no longer counts.</summary>
    public static DateOnly LapsesOn(DateOnly issuedOn, int validYears) => issuedOn.AddYears(validYears);

    public static bool IsValid(DateOnly issuedOn, int validYears, DateOnly today) => issuedOn <= today && today < LapsesOn(issuedOn, validYears);

    public static bool ReminderDue(DateOnly lapsesOn, DateOnly today) =>
        today < lapsesOn && today >= lapsesOn.AddDays(-(int)ReminderBefore.TotalDays);

    public static bool RetentionOver(DateTimeOffset lastActivityAt, bool hasOpenMatch, DateTimeOffset now) =>
        !hasOpenMatch && lastActivityAt + KeptAfterActivity <= now;
}
