using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit.Mail;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Runs the quarter-hourly check through a whole local day, as the job does, and returns when it fired.</summary>
    private static List<(DateTimeOffset At, DateOnly Date)> RunsThrough(DateOnly day, int hour)
    {
        var runs = new List<(DateTimeOffset, DateOnly)>();
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-3);
        DateTimeOffset? lastRun = start.AddDays(-1);
        for (var now = start; now < start.AddHours(30); now = now.AddMinutes(15))
        {
            if (DigestSchedule.DueDate(Berlin, hour, lastRun, now) is { } date)
            {
                runs.Add((now, date));
                lastRun = now;
            }
        }

        return runs.Where(r => r.Item2 == day).ToList();
    }

    [Theory]
    // Spring forward (29 March 2026): 02:00 does not exist, so a 2 o'clock town runs at 03:00 CEST = 01:00 UTC.
    [InlineData("2026-03-29", 2, "2026-03-29T01:00:00Z")]
    [InlineData("2026-03-29", 7, "2026-03-29T05:00:00Z")]
    // Fall back (25 October 2026): 02:00 happens twice; the first one (CEST, 00:00 UTC) runs, the second does not.
    [InlineData("2026-10-25", 2, "2026-10-25T00:00:00Z")]
    [InlineData("2026-10-25", 7, "2026-10-25T06:00:00Z")]
    // An ordinary winter and summer day.
    [InlineData("2026-01-15", 7, "2026-01-15T06:00:00Z")]
    [InlineData("2026-07-15", 7, "2026-07-15T05:00:00Z")]
    public void DaylightSavingDay_RunsOnce_AtTheTownsLocalHour(string day, int hour, string expectedUtc)
    {
        var run = Assert.Single(RunsThrough(DateOnly.Parse(day), hour));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc), run.At);
    }

    [Fact]
    public void AfterDowntime_TheDaysRunCatchesUpLater_ButNotTwice()
    {
        var afternoon = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);
        var yesterday = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 24), DigestSchedule.DueDate(Berlin, 7, yesterday, afternoon));
        Assert.Equal(new DateOnly(2026, 11, 24), DigestSchedule.DueDate(Berlin, 7, null, afternoon));
        Assert.Null(DigestSchedule.DueDate(Berlin, 7, afternoon.AddMinutes(-15), afternoon));
        Assert.Null(DigestSchedule.DueDate(Berlin, 7, yesterday, afternoon.AddHours(-9)));
    }

    [Fact]
    public void HourMovedLater_OnADayThatRan_RunsAgainAtTheNewHour_MovedEarlier_DoesNot()
    {
        // Ran at 08:00 in Berlin (07:00 UTC) for the hour 7.
        var ranAt = new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);

        Assert.Null(DigestSchedule.DueDate(Berlin, 18, ranAt, ranAt.AddHours(9.75)));
        Assert.Equal(new DateOnly(2026, 11, 24), DigestSchedule.DueDate(Berlin, 18, ranAt, ranAt.AddHours(10)));
        Assert.Null(DigestSchedule.DueDate(Berlin, 6, ranAt, ranAt.AddHours(1)));
    }

    [Fact]
    public void NoTownIsDue_BeforeItsOwnHour_WhateverRanBefore()
    {
        var morning = new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);

        Assert.Null(DigestSchedule.DueDate(Berlin, 18, null, morning));
        Assert.Null(DigestSchedule.DueDate(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), 7, null, morning));
    }

    [Fact]
    public void Weekly_OnlyOnItsWeekday_Off_Never()
    {
        var tuesday = new DateOnly(2026, 11, 24);

        Assert.True(DigestSchedule.IsDay(DigestFrequency.Weekly, DayOfWeek.Tuesday, tuesday));
        Assert.False(DigestSchedule.IsDay(DigestFrequency.Weekly, DayOfWeek.Monday, tuesday));
        Assert.True(DigestSchedule.IsDay(DigestFrequency.Daily, DayOfWeek.Monday, tuesday));
        Assert.False(DigestSchedule.IsDay(DigestFrequency.Off, DayOfWeek.Tuesday, tuesday));
    }
}
