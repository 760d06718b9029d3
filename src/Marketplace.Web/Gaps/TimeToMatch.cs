using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Gaps;

/// <summary>How long requests waited for their match: never the mean, which one old request would drag away.</summary>
public sealed record MatchTimes(int Count, double? MedianDays, double? Percentile90Days);

/// <summary>
/// Time to match, computed from the requests' <see cref="SupplyEvent.Matched"/> facts when asked (the weekly
/// aggregates keep only the histogram buckets, since medians cannot be added up).
/// </summary>
public sealed class TimeToMatch(AppDbContext db)
{
    /// <summary>Median and 90th percentile (nearest rank) of the days; nulls when there are none.</summary>
    public static MatchTimes Of(IEnumerable<int> days)
    {
        var sorted = days.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new MatchTimes(0, null, null);
        }

        var middle = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        var rank = (int)Math.Ceiling(0.9 * sorted.Length);
        return new MatchTimes(sorted.Length, median, sorted[rank - 1]);
    }

    /// <summary>The days to match of the town's requests matched in [<paramref name="from"/>, <paramref name="until"/>), with their cell.</summary>
    public async Task<IReadOnlyList<MatchedRequest>> MatchedAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        await db.SupplyFacts.AsNoTracking()
            .Where(f => f.At >= from && f.At < until && f.Event == SupplyEvent.Matched && f.Side == ListingType.Request && f.DaysToMatch != null)
            .Select(f => new MatchedRequest(f.At, f.CategoryId, f.SubCategoryId, f.DistrictId, f.DaysToMatch!.Value))
            .ToListAsync(cancellationToken);
}

public sealed record MatchedRequest(DateTimeOffset At, int CategoryId, int SubCategoryId, int DistrictId, int Days);
