namespace Marketplace.Web.Domain;

[Flags]
public enum Mobility
{
    None = 0,
    Car = 1,
    Bike = 2,
    PublicTransport = 4,
}

/// <summary>How well a volunteer speaks a language; stored with the code as "ar:Fluent".</summary>
public enum LanguageLevel
{
    Basic = 1,
    Good = 2,
    Fluent = 3,
    Native = 4,
}

/// <summary>
/// A volunteer's opt-in to be suggested by the coordination office. Skills are the town's categories (what the person
/// can help with), so a volunteer is matched to requests exactly as an offer is. Only coordinators see the profile,
/// and every view is audited.
/// </summary>
public sealed class VolunteerProfile : ITenantOwned
{
    public const int NoteMaxLength = 500;
    public const int MaxHoursPerMonth = 200;

    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public required string UserId { get; set; }

    /// <summary>Off: kept, but never suggested (the volunteer paused).</summary>
    public bool IsAvailable { get; set; } = true;

    public List<int> SkillCategoryIds { get; set; } = [];

    /// <summary>Entries "code:Level", e.g. "ar:Native".</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Bit set of <see cref="WeeklyAvailability"/> slots.</summary>
    public int Availability { get; set; }

    public List<int> DistrictIds { get; set; } = [];
    public Mobility Mobility { get; set; }
    public int HoursPerMonth { get; set; }

    /// <summary>What the volunteer wants the office to know (Markdown is not rendered: plain text).</summary>
    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The volunteer's last activity (profile change, answer, match, hours); clearances are deleted 3 months after it.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    public AppUser? User { get; set; }
}

/// <summary>Weekday × part of day as 21 bits: bit (day * 3 + part), Monday = 0, morning = 0.</summary>
public static class WeeklyAvailability
{
    public const int Parts = 3;
    public static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public const int All = (1 << 21) - 1;

    public static int Bit(int dayIndex, int part) => 1 << (dayIndex * Parts + part);

    public static bool Has(int availability, int dayIndex, int part) => (availability & Bit(dayIndex, part)) != 0;

    public static int Count(int availability) => System.Numerics.BitOperations.PopCount((uint)(availability & All));
}

public static class VolunteerLanguages
{
    public static string Entry(string code, LanguageLevel level) => $"{code}:{level}";

    public static (string Code, LanguageLevel Level)? Parse(string entry)
    {
        var parts = entry.Split(':', 2);
        return parts.Length == 2 && Enum.TryParse<LanguageLevel>(parts[1], out var level) && Enum.IsDefined(level)
            ? (parts[0], level)
            : null;
    }

    public static IEnumerable<string> Codes(IEnumerable<string> entries) =>
        entries.Select(Parse).Where(p => p is not null).Select(p => p!.Value.Code);
}
