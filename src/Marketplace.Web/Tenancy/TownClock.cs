namespace Marketplace.Web.Tenancy;

/// <summary>The town's own calendar: dates a coordinator sees and enters are local to the town, not UTC.</summary>
public static class TownClock
{
    public static TimeZoneInfo Zone(TenantInfo town) => TimeZoneInfo.FindSystemTimeZoneById(town.TimeZoneId);

    public static DateTimeOffset Local(TenantInfo town, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone(town));

    public static DateOnly Today(TimeProvider clock, TenantInfo town) => DateOnly.FromDateTime(Local(town, clock.GetUtcNow()).DateTime);
}
