namespace Marketplace.Web.Domain;

/// <summary>When a town's digests are due. Pure, so daylight-saving days can be tested hour by hour.</summary>
public static class DigestSchedule
{
    /// <summary>
    /// The town-local date to run for, or null. Due once the local clock has reached <paramref name="hour"/> and the last run
    /// was before that hour of today (local wall-clock time): on the spring day that skips the hour it runs at the first
    /// hour after it, on the autumn day that repeats it runs at the first of the two, after downtime it catches up the
    /// same day, and when the hour is moved later on a day that already ran, it runs again at the new hour.
    /// </summary>
    public static DateOnly? DueDate(TimeZoneInfo zone, int hour, DateTimeOffset? lastRunAt, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour < hour)
        {
            return null;
        }

        var hourToday = today.ToDateTime(new TimeOnly(hour, 0));
        return lastRunAt is null || TimeZoneInfo.ConvertTime(lastRunAt.Value, zone).DateTime < hourToday ? today : null;
    }

    /// <summary>Whether a subscription receives a digest on the town-local <paramref name="date"/>.</summary>
    public static bool IsDay(DigestFrequency frequency, DayOfWeek weekday, DateOnly date) => frequency switch
    {
        DigestFrequency.Daily => true,
        DigestFrequency.Weekly => date.DayOfWeek == weekday,
        _ => false,
    };
}

/// <summary>What the digest needs to know of a published listing, including who posted it and for which organisation.</summary>
public sealed record DigestCandidate(int Id, ListingType Type, int CategoryId, int? ParentCategoryId, int DistrictId, DateTimeOffset PublishedAt,
    bool HasResponse, string? PosterUserId = null, int? OrganisationId = null);

/// <summary>
/// The filters of a <see cref="DigestSubscription"/>, as the selection reads them. <paramref name="OwnUserId"/> and
/// <paramref name="OwnOrganisationId"/> name the subscriber, whose own listings are news to nobody.
/// </summary>
public sealed record DigestFilter(IReadOnlySet<int> Categories, IReadOnlySet<int> Districts, bool Offers, bool Requests, bool OnlyUnanswered,
    string? OwnUserId = null, int? OwnOrganisationId = null)
{
    public static DigestFilter Of(DigestSubscription s) =>
        new(s.CategoryIds.ToHashSet(), s.DistrictIds.ToHashSet(), s.IncludeOffers, s.IncludeRequests, s.OnlyUnanswered, s.UserId, s.OrganisationId);

    public bool InArea(DigestCandidate c) =>
        (Categories.Count == 0 || Categories.Contains(c.CategoryId) || (c.ParentCategoryId is { } parent && Categories.Contains(parent)))
        && (Districts.Count == 0 || Districts.Contains(c.DistrictId));

    /// <summary>Posted by the subscribing member (as themselves or for an organisation), or for the subscribing organisation.</summary>
    public bool IsOwn(DigestCandidate c) =>
        (OwnUserId is not null && c.PosterUserId == OwnUserId) || (OwnOrganisationId is not null && c.OrganisationId == OwnOrganisationId);
}

public sealed record DigestItems(IReadOnlyList<DigestCandidate> NewOffers, IReadOnlyList<DigestCandidate> NewRequests,
    IReadOnlyList<DigestCandidate> Waiting)
{
    public bool IsEmpty => NewOffers.Count == 0 && NewRequests.Count == 0 && Waiting.Count == 0;
}

/// <summary>Which listings one subscriber's digest lists.</summary>
public static class DigestSelection
{
    /// <summary>A request unanswered for longer than this is listed again in every digest of its area.</summary>
    public static readonly TimeSpan WaitingAfter = TimeSpan.FromDays(7);

    /// <summary>At most this many per section; the digest links to the full list.</summary>
    public const int MaxPerSection = 20;

    /// <summary>
    /// New: published after <paramref name="windowStart"/> (the subscriber's last digest) and up to <paramref name="windowEnd"/>.
    /// Waiting: requests in the subscriber's area published more than 7 days before the window's end that nobody answered.
    /// </summary>
    public static DigestItems Select(IEnumerable<DigestCandidate> candidates, DigestFilter filter, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        var inArea = candidates.Where(c => filter.InArea(c) && !filter.IsOwn(c)).ToList();
        var fresh = inArea.Where(c => c.PublishedAt > windowStart && c.PublishedAt <= windowEnd)
            .Where(c => !filter.OnlyUnanswered || (c.Type == ListingType.Request && !c.HasResponse))
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).ToList();
        var offers = filter.Offers && !filter.OnlyUnanswered ? fresh.Where(c => c.Type == ListingType.Offer).Take(MaxPerSection).ToList() : [];
        var requests = filter.Requests || filter.OnlyUnanswered ? fresh.Where(c => c.Type == ListingType.Request).Take(MaxPerSection).ToList() : [];
        var waiting = inArea
            .Where(c => c.Type == ListingType.Request && !c.HasResponse && c.PublishedAt <= windowEnd - WaitingAfter)
            .OrderBy(c => c.PublishedAt).ThenBy(c => c.Id).Take(MaxPerSection).ToList();
        return new DigestItems(offers, requests, waiting);
    }
}
