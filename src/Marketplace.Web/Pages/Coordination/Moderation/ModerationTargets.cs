using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Moderation;

/// <summary>A reported (or hidden, or blocked) thing: a listing or message id, or a user id.</summary>
public sealed record TargetKey(ReportTarget Type, string Id)
{
    /// <summary>The form reports store: listing and message ids as plain invariant numbers; null when the id cannot be one.</summary>
    public static TargetKey? Parse(ReportTarget type, string? id)
    {
        if (string.IsNullOrEmpty(id) || !Enum.IsDefined(type))
        {
            return null;
        }

        if (type == ReportTarget.User)
        {
            return new TargetKey(type, id);
        }

        return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new TargetKey(type, number.ToString(CultureInfo.InvariantCulture))
            : null;
    }

    public int Number => int.Parse(Id, CultureInfo.InvariantCulture);
}

/// <summary>What a coordinator sees of a target: a preview (listing title, message text, user name) and its moderation state.</summary>
public sealed record TargetState(string Preview, string? Author, bool IsHidden, bool IsClosed, bool IsBlocked, bool IsStaff)
{
    public ModerationState Moderation => new(IsHidden, IsClosed, IsBlocked, IsStaff);
}

public static class ModerationTargets
{
    /// <summary>Looks up a batch of targets in the current town; targets that no longer exist are missing from the result.</summary>
    public static async Task<Dictionary<TargetKey, TargetState>> LoadAsync(AppDbContext db, IEnumerable<TargetKey> keys)
    {
        var all = keys.Distinct().ToList();
        var result = new Dictionary<TargetKey, TargetState>();

        var listingIds = all.Where(k => k.Type == ReportTarget.Listing).Select(k => k.Number).ToList();
        if (listingIds.Count > 0)
        {
            var listings = await db.Listings.AsNoTracking().Where(x => listingIds.Contains(x.Id))
                .Select(x => new { x.Id, x.Title, x.IsHidden, x.Status, Poster = x.Poster!.UserName }).ToListAsync();
            foreach (var x in listings)
            {
                result[new TargetKey(ReportTarget.Listing, x.Id.ToString(CultureInfo.InvariantCulture))] =
                    new TargetState(x.Title, x.Poster, x.IsHidden, x.Status == ListingStatus.Closed, false, false);
            }
        }

        var messageIds = all.Where(k => k.Type == ReportTarget.Message).Select(k => k.Number).ToList();
        if (messageIds.Count > 0)
        {
            var messages = await db.Messages.AsNoTracking().Where(m => messageIds.Contains(m.Id))
                .Select(m => new { m.Id, m.Body, m.IsHidden, Sender = m.Sender!.UserName }).ToListAsync();
            foreach (var m in messages)
            {
                result[new TargetKey(ReportTarget.Message, m.Id.ToString(CultureInfo.InvariantCulture))] =
                    new TargetState(m.Body, m.Sender, m.IsHidden, false, false, false);
            }
        }

        var userIds = all.Where(k => k.Type == ReportTarget.User).Select(k => k.Id).ToList();
        if (userIds.Count > 0)
        {
            var members = await db.Memberships.AsNoTracking().Where(m => userIds.Contains(m.UserId))
                .Select(m => new { m.UserId, m.User!.UserName, Blocked = m.BlockedAt != null, m.Role }).ToListAsync();
            foreach (var m in members)
            {
                result[new TargetKey(ReportTarget.User, m.UserId)] =
                    new TargetState(m.UserName ?? "", null, false, false, m.Blocked, m.Role >= TownRole.Coordinator);
            }
        }

        return result;
    }
}
