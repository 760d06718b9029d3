using System.Collections.Concurrent;
using System.Globalization;

namespace Marketplace.Web.Tenancy;

/// <summary>
/// The town's own calendar: times are stored in UTC, while the dates a coordinator sees and enters, "today", a
/// town's year and its weeks are local to the town. The one home of that conversion. The instance works for the town
/// of the request or job scope; the static members do the same for a given zone (the digest fan-out, which looks at
/// every town, and tests).
/// A town's zone is checked when the town is saved (<see cref="IsKnownZone"/>), so it is resolved strictly here: an
/// unknown zone throws rather than showing times in UTC.
/// </summary>
public sealed class TownClock(ITenantContext tenant, TimeProvider time)
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public TimeZoneInfo Zone => ZoneOf((tenant.Tenant ?? throw new InvalidOperationException("The town clock needs a town's scope.")).TimeZoneId);

    /// <summary>The town's calendar day now.</summary>
    public DateOnly Today() => DateOf(Zone, time.GetUtcNow());

    /// <summary>The instant as the town's clocks show it (with the town's offset at that instant).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => Local(Zone, instant);

    /// <summary>The town's calendar day at the instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOf(Zone, instant);

    /// <summary>The first instant of the town's calendar day, in UTC (see <see cref="StartOfDay(TimeZoneInfo, DateOnly)"/>).</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => StartOfDay(Zone, day);

    /// <summary>The first instant of the town's calendar year, in UTC.</summary>
    public DateTimeOffset StartOfYear(int year) => StartOfDay(Zone, new DateOnly(year, 1, 1));

    /// <summary>The ISO 8601 week (Monday to Sunday, week 1 holds the year's first Thursday) of the town's day at the instant.</summary>
    public (int Year, int Week) WeekOf(DateTimeOffset instant) => WeekOf(Zone, instant);

    /// <summary>The Monday that starts the town's ISO week holding the instant.</summary>
    public DateOnly WeekStartOf(DateTimeOffset instant) => WeekStartOf(Zone, instant);

    /// <summary>The first instant of the town's week that starts on <paramref name="monday"/>, in UTC; the week ends at the next one's.</summary>
    public DateTimeOffset StartOfWeek(DateOnly monday) => StartOfDay(Zone, monday);

    /// <summary>Whether a town may be saved with this zone: an IANA id (e.g. Europe/Berlin) this server knows.</summary>
    public static bool IsKnownZone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) && zone.HasIanaId;

    /// <summary>The zone of a saved town; throws <see cref="TimeZoneNotFoundException"/> for one it could not have been saved with.</summary>
    public static TimeZoneInfo ZoneOf(string timeZoneId) => Zones.GetOrAdd(timeZoneId, TimeZoneInfo.FindSystemTimeZoneById);

    public static DateTimeOffset Local(TimeZoneInfo zone, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    public static DateOnly DateOf(TimeZoneInfo zone, DateTimeOffset instant) => DateOnly.FromDateTime(Local(zone, instant).DateTime);

    public static (int Year, int Week) WeekOf(TimeZoneInfo zone, DateTimeOffset instant) => IsoWeek(DateOf(zone, instant));

    public static DateOnly WeekStartOf(TimeZoneInfo zone, DateTimeOffset instant) => MondayOf(DateOf(zone, instant));

    /// <summary>The ISO 8601 week (year and number) a calendar day belongs to.</summary>
    public static (int Year, int Week) IsoWeek(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>The Monday that starts the ISO week of a calendar day (DayOfWeek counts from Sunday = 0).</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The first instant of a local day, in UTC (PostgreSQL takes timestamps with offset zero only); the end of a day is
    /// the start of the next. Where the clocks go back over midnight, the day starts at the first of the two midnights.
    /// Where they jump over midnight (e.g. São Paulo until 2019), the day starts at the jump, at its first existing
    /// local time.
    /// </summary>
    public static DateTimeOffset StartOfDay(TimeZoneInfo zone, DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(midnight))
        {
            return new DateTimeOffset(midnight, zone.GetAmbiguousTimeOffsets(midnight).Max()).ToUniversalTime();
        }

        if (!zone.IsInvalidTime(midnight))
        {
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, zone));
        }

        return FirstInstantFrom(zone, midnight);
    }

    /// <summary>For a local time inside a gap: the instant of the jump, found between the offsets before and after it.</summary>
    private static DateTimeOffset FirstInstantFrom(TimeZoneInfo zone, DateTime local)
    {
        var near = DateTime.SpecifyKind(local - zone.BaseUtcOffset, DateTimeKind.Utc);
        var before = zone.GetUtcOffset(near.AddDays(-1));
        var after = zone.GetUtcOffset(near.AddDays(1));
        // Local time runs forward inside the gap's width, so the first instant at or after "local" is found by halving.
        var early = local - after;
        var late = local - before;
        while (late - early > TimeSpan.FromTicks(1))
        {
            var middle = early + (late - early) / 2;
            if (middle + zone.GetUtcOffset(DateTime.SpecifyKind(middle, DateTimeKind.Utc)) >= local)
            {
                late = middle;
            }
            else
            {
                early = middle;
            }
        }

        return new DateTimeOffset(DateTime.SpecifyKind(late, DateTimeKind.Unspecified), TimeSpan.Zero);
    }
}
