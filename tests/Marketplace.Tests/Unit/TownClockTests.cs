using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;

namespace Marketplace.Tests.Unit;

/// <summary>The town's calendar around daylight-saving changes and year ends. Germany changes on the last Sunday of March and October.</summary>
public sealed class TownClockTests
{
    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Town(string timeZoneId) : ITenantContext
    {
        public TenantInfo? Tenant { get; } = new(Guid.NewGuid(), "erlangen", "Erlangen", "de", timeZoneId);
        public bool IsPlatformHost => false;
    }

    private static TownClock ClockAt(string utc, string zone = "Europe/Berlin") => new(new Town(zone), new FixedClock(Utc(utc)));

    [Theory]
    // Spring forward, 29 March 2026: 02:00 CET becomes 03:00 CEST.
    [InlineData("2026-03-29T00:59:59", "2026-03-29T01:59:59+01:00")]
    [InlineData("2026-03-29T01:00:00", "2026-03-29T03:00:00+02:00")]
    // Fall back, 25 October 2026: 02:30 happens twice.
    [InlineData("2026-10-25T00:30:00", "2026-10-25T02:30:00+02:00")]
    [InlineData("2026-10-25T01:30:00", "2026-10-25T02:30:00+01:00")]
    public void Local_ShowsTheTownsClock_WithItsOffset(string utc, string local)
    {
        var shown = ClockAt("2026-01-01T00:00:00").Local(Utc(utc));

        Assert.Equal(DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture), shown);
        Assert.Equal(DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture).Offset, shown.Offset);
    }

    [Theory]
    [InlineData("2026-03-28T22:59:59", "2026-03-28")]
    [InlineData("2026-03-28T23:00:00", "2026-03-29")]
    [InlineData("2026-10-24T21:59:59", "2026-10-24")]
    [InlineData("2026-10-24T22:00:00", "2026-10-25")]
    [InlineData("2026-12-31T22:59:59", "2026-12-31")]
    [InlineData("2026-12-31T23:00:00", "2027-01-01")]
    public void Today_IsTheTownsCalendarDay_NotUtcs(string utc, string day)
    {
        Assert.Equal(DateOnly.Parse(day), ClockAt(utc).Today());
        Assert.Equal(DateOnly.Parse(day), ClockAt("2000-01-01T00:00:00").DateOf(Utc(utc)));
    }

    [Theory]
    // Before, on and after the spring change: the day of the change has 23 hours.
    [InlineData("2026-03-28", "2026-03-27T23:00:00", 24)]
    [InlineData("2026-03-29", "2026-03-28T23:00:00", 23)]
    [InlineData("2026-03-30", "2026-03-29T22:00:00", 24)]
    // The autumn change: 25 hours.
    [InlineData("2026-10-25", "2026-10-24T22:00:00", 25)]
    [InlineData("2026-10-26", "2026-10-25T23:00:00", 24)]
    public void StartOfDay_IsLocalMidnightInUtc_AndADaylightSavingDayHasItsRealLength(string day, string startUtc, int hours)
    {
        var clock = ClockAt("2026-01-01T00:00:00");
        var start = clock.StartOfDay(DateOnly.Parse(day));

        Assert.Equal(Utc(startUtc), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(TimeSpan.FromHours(hours), clock.StartOfDay(DateOnly.Parse(day).AddDays(1)) - start);
        Assert.Equal(DateOnly.Parse(day), clock.DateOf(start));
        Assert.Equal(DateOnly.Parse(day).AddDays(-1), clock.DateOf(start.AddTicks(-1)));
    }

    [Fact]
    public void StartOfDay_WhereTheClockJumpsOverMidnight_IsTheJump()
    {
        // São Paulo, 4 November 2018: at midnight (-03:00) the clocks went to 01:00 (-02:00); midnight never happened.
        var saoPaulo = TownClock.ZoneOf("America/Sao_Paulo");

        var start = TownClock.StartOfDay(saoPaulo, new DateOnly(2018, 11, 4));

        Assert.Equal(Utc("2018-11-04T03:00:00"), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(new DateTimeOffset(2018, 11, 4, 1, 0, 0, TimeSpan.FromHours(-2)), TownClock.Local(saoPaulo, start));
        Assert.Equal(new DateOnly(2018, 11, 3), TownClock.DateOf(saoPaulo, start.AddTicks(-1)));
        Assert.Equal(TimeSpan.FromHours(23), TownClock.StartOfDay(saoPaulo, new DateOnly(2018, 11, 5)) - start);
    }

    [Fact]
    public void StartOfDay_WhereMidnightHappensTwice_IsTheFirst()
    {
        // Havana, 5 November 2023: at 01:00 (-04:00) the clocks went back to 00:00 (-05:00).
        var havana = TownClock.ZoneOf("America/Havana");

        var start = TownClock.StartOfDay(havana, new DateOnly(2023, 11, 5));

        Assert.Equal(Utc("2023-11-05T04:00:00"), start);
        Assert.Equal(new DateOnly(2023, 11, 4), TownClock.DateOf(havana, start.AddTicks(-1)));
        Assert.Equal(TimeSpan.FromHours(25), TownClock.StartOfDay(havana, new DateOnly(2023, 11, 6)) - start);
    }

    [Theory]
    [InlineData(2026, "2025-12-31T23:00:00")]
    [InlineData(2027, "2026-12-31T23:00:00")]
    public void StartOfYear_IsNewYearsMidnightInTheTown(int year, string startUtc) =>
        Assert.Equal(Utc(startUtc), ClockAt("2026-06-01T00:00:00").StartOfYear(year));

    [Theory]
    // 2020 has 53 ISO weeks: Thursday 31 December 2020 and Sunday 3 January 2021 are in week 53 of 2020.
    [InlineData("2020-12-31T12:00:00", 2020, 53)]
    [InlineData("2021-01-03T12:00:00", 2020, 53)]
    [InlineData("2021-01-04T12:00:00", 2021, 1)]
    // Monday 30 December 2024 starts week 1 of 2025.
    [InlineData("2024-12-29T12:00:00", 2024, 52)]
    [InlineData("2024-12-30T12:00:00", 2025, 1)]
    // Sunday 23:30 UTC is already Monday in Berlin: the town's week, not UTC's.
    [InlineData("2021-01-03T23:30:00", 2021, 1)]
    [InlineData("2024-12-29T23:30:00", 2025, 1)]
    public void WeekOf_IsTheIsoWeekOfTheTownsDay(string utc, int year, int week) =>
        Assert.Equal((year, week), ClockAt("2026-01-01T00:00:00").WeekOf(Utc(utc)));

    [Fact]
    public void WeekOf_InUtc_WouldBeTheWeekBefore() =>
        Assert.Equal((2020, 53), TownClock.WeekOf(TimeZoneInfo.Utc, Utc("2021-01-03T23:30:00")));

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("Europe/Vienna", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    [InlineData("W. Europe Standard Time", false)]
    [InlineData("../../etc/passwd", false)]
    public void IsKnownZone_TakesIanaZonesOfThisServerOnly(string id, bool known) => Assert.Equal(known, TownClock.IsKnownZone(id));

    [Fact]
    public void ZoneOf_AnUnknownZone_Throws_RatherThanFallingBackToUtc()
    {
        Assert.Throws<TimeZoneNotFoundException>(() => TownClock.ZoneOf("Mars/Olympus"));
        Assert.Throws<TimeZoneNotFoundException>(() => ClockAt("2026-01-01T00:00:00", "Mars/Olympus").Today());
    }

    [Fact]
    public void ZoneOf_IsLookedUpOnce() => Assert.Same(TownClock.ZoneOf("Europe/Berlin"), TownClock.ZoneOf("Europe/Berlin"));

    [Fact]
    public void TheDefaultZone_OfNewAndSeededTowns_IsKnown() => Assert.True(TownClock.IsKnownZone(Tenant.DefaultTimeZone));

    [Fact]
    public void OutsideATown_TheClockRefuses()
    {
        var clock = new TownClock(new PlatformHost(), new FixedClock(Utc("2026-01-01T00:00:00")));

        Assert.Throws<InvalidOperationException>(() => clock.Today());
    }

    /// <summary>One home: zone lookups and conversions elsewhere would bring back their own fallbacks.</summary>
    [Theory]
    [InlineData("FindSystemTimeZoneById")]
    [InlineData("TimeZoneInfo.ConvertTime")]
    [InlineData("GetUtcOffset")]
    public void OnlyTheTownClockAndDomainRules_ConvertBetweenZones(string call)
    {
        var root = RepositoryPaths.WebProject;
        var offenders = Directory.EnumerateFiles(root, "*.cs*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.StartsWith("obj", StringComparison.Ordinal) && !f.StartsWith("bin", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(Path.Combine(root, f)).Contains(call, StringComparison.Ordinal))
            .Where(f => f != Path.Combine("Tenancy", "TownClock.cs") && !f.StartsWith("Domain", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offenders);
    }

    private sealed class PlatformHost : ITenantContext
    {
        public TenantInfo? Tenant => null;
        public bool IsPlatformHost => true;
    }
}
