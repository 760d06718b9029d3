using Marketplace.Web.Data;
using Marketplace.Web.Domain;

namespace Marketplace.Web.Pages.Coordination.Requests;

/// <summary>How long a request has waited, in the dashboard's and the queue's buckets.</summary>
public enum AgeBucket
{
    UpTo3Days = 1,
    Days4To7 = 2,
    Days8To30 = 3,
    Over30Days = 4,
}

/// <summary>The open requests the office works on, shared by the queue and the dashboard so both count the same.</summary>
public static class RequestQueue
{
    public static IQueryable<Listing> Open(AppDbContext db) =>
        db.Listings.Where(l => l.Type == ListingType.Request && l.Status == ListingStatus.Published && !l.IsHidden
            && l.OfficeStatus != OfficeStatus.Matched);

    /// <summary>The publication times that bound a bucket: (published after, published at or before).</summary>
    public static (DateTimeOffset? After, DateTimeOffset? AtOrBefore) Bounds(AgeBucket bucket, DateTimeOffset now) => bucket switch
    {
        AgeBucket.UpTo3Days => (now.AddDays(-4), null),
        AgeBucket.Days4To7 => (now.AddDays(-8), now.AddDays(-4)),
        AgeBucket.Days8To30 => (now.AddDays(-31), now.AddDays(-8)),
        _ => (null, now.AddDays(-31)),
    };

    public static IQueryable<Listing> InBucket(this IQueryable<Listing> query, AgeBucket bucket, DateTimeOffset now)
    {
        var (after, atOrBefore) = Bounds(bucket, now);
        if (after is { } a)
        {
            query = query.Where(l => (l.PublishedAt ?? l.CreatedAt) > a);
        }

        if (atOrBefore is { } b)
        {
            query = query.Where(l => (l.PublishedAt ?? l.CreatedAt) <= b);
        }

        return query;
    }

    /// <summary>Whole days of the town's calendar: a request of this morning waits "since today", one of yesterday evening one day.</summary>
    public static int AgeInDays(DateOnly since, DateOnly today) => Math.Max(0, today.DayNumber - since.DayNumber);
}
