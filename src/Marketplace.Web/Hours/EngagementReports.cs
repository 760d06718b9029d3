using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Hours;

/// <summary>What a volunteer did for one organisation (or, with no organisation, through matches of the office).</summary>
public sealed record EngagementGroup(string? Organisation, IReadOnlyList<EngagementLine> Lines)
{
    public int Minutes => Lines.Sum(l => l.Minutes);
    public decimal Hours => VolunteerHours.ToHours(Minutes);
}

/// <summary>One activity: how often, from when to when, how many hours.</summary>
public sealed record EngagementLine(string Activity, int Entries, DateOnly First, DateOnly Last, int Minutes)
{
    public decimal Hours => VolunteerHours.ToHours(Minutes);
}

/// <summary>The proof of engagement (Engagementnachweis): the page and the PDF print the same report.</summary>
public sealed record EngagementReport(string TownName, string MemberName, int Year, DateOnly IssuedOn, IReadOnlyList<EngagementGroup> Groups,
    IReadOnlyList<int> Years)
{
    public DateOnly From => new(Year, 1, 1);
    public DateOnly To => new(Year, 12, 31);
    public decimal TotalHours => VolunteerHours.ToHours(Groups.Sum(g => g.Minutes));
}

/// <summary>Builds a member's proof of engagement from their approved hours only: pending or rejected hours prove nothing.</summary>
public sealed class EngagementReports(AppDbContext db, ITenantContext tenant, TownClock townClock)
{
    public DateOnly Today => townClock.Today();

    public async Task<EngagementReport> ForAsync(string userId, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var approved = db.VolunteerHours.AsNoTracking().Where(h => h.UserId == userId && h.Status == HoursStatus.Approved);
        var entries = await approved.Where(h => h.WorkedOn >= from && h.WorkedOn <= to)
            .OrderBy(h => h.WorkedOn).ThenBy(h => h.Id)
            .Select(h => new { h.WorkedOn, h.Minutes, h.Activity, Organisation = (string?)h.Organisation!.Name })
            .ToListAsync();
        var years = (await approved.Select(h => h.WorkedOn).ToListAsync()).Select(d => d.Year).Append(Today.Year).Distinct().OrderDescending().ToList();
        var memberName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleAsync() ?? "";

        var groups = entries
            .GroupBy(e => e.Organisation)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new EngagementGroup(g.Key, g
                // The same activity typed with other case or spaces is one line, under its latest wording.
                .GroupBy(e => e.Activity.Trim(), StringComparer.CurrentCultureIgnoreCase)
                .Select(a => new EngagementLine(a.Last().Activity.Trim(), a.Count(), a.Min(e => e.WorkedOn), a.Max(e => e.WorkedOn), a.Sum(e => e.Minutes)))
                .OrderByDescending(l => l.Minutes).ThenBy(l => l.Activity, StringComparer.CurrentCulture)
                .ToList()))
            .ToList();
        return new EngagementReport(tenant.Tenant!.Name, memberName, year, Today, groups, years);
    }
}
