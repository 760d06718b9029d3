using AngleSharp.Dom;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Hours;

/// <summary>Volunteers, organisations, matches and logged hours written straight to a town's database.</summary>
public static class HoursSetup
{
    public const string Password = Marketplace.Web.Data.DemoData.Password;

    /// <summary>The town's calendar day, as the pages see it (all demo towns are in Europe/Berlin).</summary>
    public static DateOnly TownToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    public static Task<string> VolunteerAsync(this MarketplaceFactory app, string slug) => app.NewMemberAsync(slug, "hv");

    /// <summary>An approved organisation run by a fresh member, with the given volunteers as members.</summary>
    public static async Task<int> OrganisationAsync(this MarketplaceFactory app, string slug, params string[] members)
    {
        var admin = await app.NewMemberAsync(slug, "ha");
        var id = await app.CreateOrganisationAsync(slug, admin, OrganisationSetup.UniqueName("Lesepaten"), OrganisationStatus.Approved);
        foreach (var member in members)
        {
            await app.AddMemberAsync(slug, id, member, OrganisationRole.Member);
        }

        return id;
    }

    /// <summary>A request of a fresh poster, matched by the office with the volunteer (or with nobody named).</summary>
    public static async Task<int> MatchAsync(this MarketplaceFactory app, string slug, string? volunteerUserName,
        MatchStatus status = MatchStatus.Accepted, string? posterUserName = null)
    {
        var poster = posterUserName ?? await app.NewMemberAsync(slug, "hp");
        var requestId = await app.CreateListingAsync(slug, poster, ListingType.Request, "Suche Hilfe beim Umzug");
        var volunteerId = volunteerUserName is null ? null : await app.UserIdAsync(volunteerUserName);
        return await app.InTownAsync(slug, async db =>
        {
            var match = db.Matches.Add(new Match
            {
                ListingId = requestId, VolunteerUserId = volunteerId, Source = MatchSource.Coordination, Status = status,
                CreatedAt = DateTimeOffset.UtcNow,
            }).Entity;
            await db.SaveChangesAsync();
            return match.Id;
        });
    }

    public static async Task<int> HoursAsync(this MarketplaceFactory app, string slug, string userName, decimal hours,
        HoursStatus status = HoursStatus.Pending, int? organisationId = null, int? matchId = null, string activity = "Hausaufgabenhilfe",
        DateOnly? workedOn = null)
    {
        var userId = await app.UserIdAsync(userName);
        return await app.InTownAsync(slug, async db =>
        {
            var entry = db.VolunteerHours.Add(new VolunteerHours
            {
                UserId = userId, OrganisationId = organisationId, MatchId = matchId, Minutes = VolunteerHours.ToMinutes(hours), Status = status, Activity = activity,
                WorkedOn = workedOn ?? TownToday(), CreatedAt = DateTimeOffset.UtcNow,
                DecidedAt = status == HoursStatus.Pending ? null : DateTimeOffset.UtcNow,
            }).Entity;
            await db.SaveChangesAsync();
            return entry.Id;
        });
    }

    public static Task<VolunteerHours> EntryAsync(this MarketplaceFactory app, string slug, int id) =>
        app.InTownAsync(slug, db => db.VolunteerHours.AsNoTracking().SingleAsync(h => h.Id == id));

    public static Task<int> CountHoursAsync(this MarketplaceFactory app, string slug, string userName) =>
        app.InTownAsync(slug, async db =>
        {
            var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            return await db.VolunteerHours.CountAsync(h => h.UserId == userId);
        });

    /// <summary>The antiforgery token of any form on the page, for posts a test builds itself.</summary>
    public static string Token(this IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("No antiforgery token.");

    /// <summary>Text as a user reads it: no-break spaces (in "45,00 €") count as spaces.</summary>
    public static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ').Trim();
}
