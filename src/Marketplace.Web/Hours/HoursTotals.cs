using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Hours;

/// <summary>Approved hours of a period and what they are worth at the town's hourly rate.</summary>
public sealed record HoursTotal(int Minutes, long HourlyRateCents)
{
    public long ValueCents => HoursValue.Of(Minutes, HourlyRateCents);
}

/// <summary>The approved hours the dashboard and the hours desk show; the database adds up the minutes.</summary>
public static class HoursTotals
{
    /// <summary>The current town's approved hours worked from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static async Task<HoursTotal> ApprovedAsync(AppDbContext db, DateOnly from, DateOnly to)
    {
        var minutes = await db.VolunteerHours
            .Where(h => h.Status == HoursStatus.Approved && h.WorkedOn >= from && h.WorkedOn <= to)
            .SumAsync(h => h.Minutes);
        var townId = db.CurrentTenantId;
        var rate = await db.Tenants.Where(t => t.Id == townId).Select(t => t.HourlyRateCents).SingleAsync();
        return new HoursTotal(minutes, rate);
    }
}
