namespace Marketplace.Web.Domain;

/// <summary>The rules of courses that need no I/O: day parts, group sizes, attendance, completion, validity.</summary>
public static class CourseRules
{
    public const int DefaultSeatOfferHours = 48;

    /// <summary>How long before a run's start a run below its minimum is reported to the provider and the office.</summary>
    public const int LowEnrolmentNoticeDays = 14;

    /// <summary>How long before a qualification lapses its holder is reminded.</summary>
    public const int LapseReminderDays = 42;

    /// <summary>The minimum group sizes the BAMF sets for its courses, which a town can change.</summary>
    public static int DefaultGroupSize(LanguageCourseType type) => type switch
    {
        LanguageCourseType.ParentsWomen => 23,
        LanguageCourseType.Youth => 20,
        LanguageCourseType.Intensive => 20,
        LanguageCourseType.Literacy => 16,
        _ => 25,
    };

    /// <summary>A meeting's day part: Saturday and Sunday are the weekend; otherwise by its start (before 12, before 17, later).</summary>
    public static DayParts DayPartOf(DateOnly date, TimeOnly startsAt) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayParts.Weekend
        : startsAt < new TimeOnly(12, 0) ? DayParts.Morning
        : startsAt < new TimeOnly(17, 0) ? DayParts.Afternoon
        : DayParts.Evening;

    public static DayParts DayPartsOf(IEnumerable<(DateOnly Date, TimeOnly StartsAt)> meetings) =>
        meetings.Aggregate(DayParts.None, (parts, m) => parts | DayPartOf(m.Date, m.StartsAt));

    /// <summary>Whether a run fits what someone on the "any run" list asked for.</summary>
    public static bool Fits(IReadOnlyCollection<int> wantedDistricts, DayParts wantedParts, int? runDistrictId, DayParts runParts) =>
        (wantedDistricts.Count == 0 || runDistrictId is { } d && wantedDistricts.Contains(d))
        && (wantedParts == DayParts.None || (wantedParts & runParts) != DayParts.None);

    /// <summary>Attended teaching units over planned ones, as a whole percentage rounded down (79.9 % is not 80 %).</summary>
    public static int AttendancePercent(int attendedUnits, int plannedUnits) =>
        plannedUnits <= 0 ? 0 : (int)(attendedUnits * 100L / plannedUnits);

    public static bool MeetsCompletion(int attendancePercent, int minimumPercent, bool requiresPass, bool? passed) =>
        attendancePercent >= minimumPercent && (!requiresPass || passed == true);

    /// <summary>The last day a grant counts: the day before the same date <paramref name="validMonths"/> later; null for good.</summary>
    public static DateOnly? ValidUntil(DateOnly grantedOn, int? validMonths) =>
        validMonths is { } months ? grantedOn.AddMonths(months).AddDays(-1) : null;

    /// <summary>Valid on a given day: the day of the task, not of the sign-up.</summary>
    public static bool HoldsOn(DateOnly grantedOn, DateOnly? validUntil, DateOnly day) =>
        grantedOn <= day && (validUntil is null || day <= validUntil);

    /// <summary>
    /// The qualifications a set of held ones amounts to, with everything they include, transitively (a cycle in the
    /// town's catalogue does not loop).
    /// </summary>
    public static IReadOnlySet<int> WithIncluded(IEnumerable<int> held, IReadOnlyDictionary<int, List<int>> includes)
    {
        var all = new HashSet<int>();
        var pending = new Stack<int>(held);
        while (pending.TryPop(out var id))
        {
            if (all.Add(id) && includes.TryGetValue(id, out var included))
            {
                foreach (var next in included)
                {
                    pending.Push(next);
                }
            }
        }

        return all;
    }
}
