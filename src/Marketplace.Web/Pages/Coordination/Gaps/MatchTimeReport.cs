using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Gaps;

/// <summary>Time to match of one category or district: in the chosen week and over the weeks up to it.</summary>
public sealed record MatchTimeRow(int Id, MatchTimes Week, MatchTimes Period);

/// <summary>One bar of the histogram; <see cref="Key"/> names its resource text.</summary>
public sealed record MatchTimeBucket(string Key, int Count);

public sealed record MatchTimeTrendPoint(DateOnly WeekStart, MatchTimes Times);

/// <summary>
/// Time to match for the office page: median and 90th percentile (never the mean) from the facts through
/// <see cref="TimeToMatch"/>, the histogram of the chosen week from the weekly aggregates' buckets, and the weekly
/// median over the period ending with the chosen week.
/// </summary>
public sealed record MatchTimeReport(MatchTimes Week, MatchTimes Period, IReadOnlyList<MatchTimeRow> ByCategory, IReadOnlyList<MatchTimeRow> ByDistrict,
    IReadOnlyList<MatchTimeBucket> Histogram, IReadOnlyList<MatchTimeTrendPoint> Trend)
{
    public int HistogramTotal => Histogram.Sum(b => b.Count);

    public static async Task<MatchTimeReport> LoadAsync(AppDbContext db, TimeToMatch matchTimes, TownClock clock, DateOnly week, int weeks, int? category,
        CancellationToken cancellationToken)
    {
        var first = week.AddDays(-7 * (weeks - 1));
        var matched = (await matchTimes.MatchedAsync(clock.StartOfWeek(first), clock.StartOfWeek(week.AddDays(7)), cancellationToken))
            .Where(m => category is null || m.CategoryId == category)
            .Select(m => (Week: clock.WeekStartOf(m.At), m.CategoryId, m.DistrictId, m.Days))
            .ToList();
        var inWeek = matched.Where(m => m.Week == week).ToList();

        IReadOnlyList<MatchTimeRow> By(Func<(DateOnly Week, int CategoryId, int DistrictId, int Days), int> key) =>
            matched.GroupBy(key)
                .Select(g => new MatchTimeRow(g.Key, TimeToMatch.Of(g.Where(m => m.Week == week).Select(m => m.Days)), TimeToMatch.Of(g.Select(m => m.Days))))
                .ToList();

        var buckets = await db.WeeklySupplies.AsNoTracking()
            .Where(w => w.WeekStart == week && w.Side == ListingType.Request && (category == null || w.CategoryId == category))
            .Select(w => new { w.DaysToMatch0To1, w.DaysToMatch2To3, w.DaysToMatch4To7, w.DaysToMatch8To30, w.DaysToMatchOver30 })
            .ToListAsync(cancellationToken);
        MatchTimeBucket[] histogram =
        [
            new("GapDesk_Bucket0To1", buckets.Sum(b => b.DaysToMatch0To1)),
            new("GapDesk_Bucket2To3", buckets.Sum(b => b.DaysToMatch2To3)),
            new("GapDesk_Bucket4To7", buckets.Sum(b => b.DaysToMatch4To7)),
            new("GapDesk_Bucket8To30", buckets.Sum(b => b.DaysToMatch8To30)),
            new("GapDesk_BucketOver30", buckets.Sum(b => b.DaysToMatchOver30)),
        ];

        var trend = Enumerable.Range(0, weeks).Select(i => first.AddDays(7 * i))
            .Select(w => new MatchTimeTrendPoint(w, TimeToMatch.Of(matched.Where(m => m.Week == w).Select(m => m.Days))))
            .ToList();

        return new MatchTimeReport(TimeToMatch.Of(inWeek.Select(m => m.Days)), TimeToMatch.Of(matched.Select(m => m.Days)),
            By(m => m.CategoryId), By(m => m.DistrictId), histogram, trend);
    }
}
