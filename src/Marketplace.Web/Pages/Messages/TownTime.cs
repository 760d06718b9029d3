namespace Marketplace.Web.Pages.Messages;

/// <summary>Times are stored in UTC and shown in the town's time zone.</summary>
public static class TownTime
{
    public static DateTimeOffset InZone(this DateTimeOffset value, string? timeZoneId) =>
        timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone)
            ? TimeZoneInfo.ConvertTime(value, zone)
            : value;
}
