using AngleSharp.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Participation;

/// <summary>What the participation tests set up again and again: blocked members, fresh coordinators, posts built by hand.</summary>
internal static class ParticipationSteps
{
    /// <summary>A coordinator blocks the member in the town (as the moderation queue does).</summary>
    public static Task BlockAsync(this MarketplaceFactory app, string slug, string userName) =>
        app.InTownAsync(slug, async db =>
        {
            var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            var membership = await db.Memberships.SingleAsync(m => m.UserId == userId);
            membership.BlockedAt = DateTimeOffset.UtcNow;
            membership.BlockedReason = "Werbung";
            return await db.SaveChangesAsync();
        });

    /// <summary>A fresh account with the coordinator role in the town; returns its user name.</summary>
    public static async Task<string> NewCoordinatorAsync(this MarketplaceFactory app, string slug, string prefix)
    {
        var userName = await app.NewMemberAsync(slug, prefix);
        await app.InTownAsync(slug, async db =>
        {
            var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            var membership = await db.Memberships.SingleAsync(m => m.UserId == userId);
            membership.Role = TownRole.Coordinator;
            return await db.SaveChangesAsync();
        });
        return userName;
    }

    /// <summary>The antiforgery token of any form on the page (the layout's logout form at least).</summary>
    public static string AntiforgeryToken(this IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("No antiforgery token.");

    /// <summary>A post a browser could send even when the page offers no button for it.</summary>
    public static Task<HttpResponseMessage> PostByHandAsync(this HttpClient client, string url, IDocument page,
        IDictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = page.AntiforgeryToken() };
        return client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static Task<Listing> ListingAsync(this MarketplaceFactory app, string slug, int id) =>
        app.InTownAsync(slug, db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));
}
