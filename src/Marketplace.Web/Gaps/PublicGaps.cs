using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Gaps;

/// <summary>A category or district as the public page names it.</summary>
public sealed record PublicGapAxis(int Id, string Name);

/// <summary>
/// One cell of the public matrix. The counts are already suppressed (<see cref="PublicGaps.Shown"/>): null is "fewer
/// than 3", so no view can print a small number by mistake.
/// </summary>
public sealed record PublicGapCell(int CategoryId, int DistrictId, int? OpenRequests, int? OpenOffers, bool IsGap);

/// <summary>
/// The public matrix of one complete week, the same for every reader of a town and language. There are no row or column
/// totals: a total beside a suppressed cell would give it away (total minus the shown cells), and suppressing a second
/// cell per row and column to prevent that would hide most of a sparse town. <see cref="Version"/> keys the rendered page.
/// </summary>
public sealed record PublicGapMatrix(DateOnly WeekStart, IReadOnlyList<PublicGapAxis> Categories, IReadOnlyList<PublicGapAxis> Districts,
    IReadOnlyDictionary<(int CategoryId, int DistrictId), PublicGapCell> Cells)
{
    public Guid Version { get; } = Guid.NewGuid();

    public string IsoWeek => PublicGaps.IsoWeek(WeekStart);

    public PublicGapCell? Cell(int categoryId, int districtId) => Cells.GetValueOrDefault((categoryId, districtId));

    public int GapCount => Cells.Values.Count(c => c.IsGap);
}

/// <summary>A cell that became a gap in a complete week (it was not one the week before), for the Atom feed.</summary>
public sealed record NewGapCell(DateOnly WeekStart, PublicGapAxis Category, PublicGapAxis District, int? OpenRequests);

/// <summary>
/// What the public may see of a town's gaps (/gaps, /gaps.csv, /gaps.atom): only complete weeks, only through the weekly
/// aggregates and <see cref="GapMatrixReader"/>, every count of 1 or 2 suppressed. Counts are of requests and offers,
/// never of people (the volunteers of the office's register are not shown publicly at all).
/// </summary>
public sealed class PublicGaps(AppDbContext db, GapMatrixReader reader, TownClock townClock, TimeProvider time, PublicGapsCache cache)
{
    /// <summary>Weeks the feed looks back: a feed reader that polls rarely still sees the newest gaps.</summary>
    public const int FeedWeeks = 12;

    /// <summary>The Monday of the last complete week in the town's calendar: the week before the current one.</summary>
    public DateOnly LastCompleteWeek => townClock.WeekStartOf(time.GetUtcNow()).AddDays(-7);

    /// <summary>
    /// A count as the public may see it: null for 1 and 2 (shown as "fewer than 3"). A zero is shown: "nobody asked" is
    /// about no one, and a gap cell's "0 offers" is the very point of the page.
    /// </summary>
    public static int? Shown(int count) => count is > 0 and < GapRules.PublicMinimumCount ? null : count;

    /// <summary>ISO 8601 week of a Monday, e.g. "2026-W49".</summary>
    public static string IsoWeek(DateOnly monday)
    {
        var (year, week) = TownClock.IsoWeek(monday);
        return string.Create(CultureInfo.InvariantCulture, $"{year}-W{week:00}");
    }

    /// <summary>The Monday of an ISO week like "2026-W49"; null when it is not one.</summary>
    public static DateOnly? ParseIsoWeek(string? text)
    {
        if (text is not { Length: >= 7 and <= 8 } || text[4] != '-' || char.ToUpperInvariant(text[5]) != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year is < 2000 or > 9999 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
    }

    /// <summary>The last complete week's matrix, kept per town, week and language for <see cref="PublicGapsCache.CacheFor"/>.</summary>
    public async Task<PublicGapMatrix> MatrixAsync(CancellationToken ct = default)
    {
        var week = LastCompleteWeek;
        var culture = CultureInfo.CurrentUICulture.Name;
        return (await cache.GetOrLoadAsync(db.CurrentTenantId, ("matrix", week, culture), async () => await LoadMatrixAsync(week, culture, ct)))!;
    }

    private async Task<PublicGapMatrix> LoadMatrixAsync(DateOnly week, string culture, CancellationToken ct)
    {
        var matrix = await reader.ForWeekAsync(week, ct);
        var (categories, districts) = await NamesAsync(culture, ct);
        // Only cells with a request or an offer: a cell with volunteers alone would tell the public about people.
        var cells = matrix.Cells.Values
            .Where(c => c.Figures.OpenRequests > 0 || c.Figures.OpenOffers > 0 || c.Balance == CellBalance.Gap)
            .Where(c => categories.ContainsKey(c.Figures.CategoryId) && districts.ContainsKey(c.Figures.DistrictId))
            .Select(c => new PublicGapCell(c.Figures.CategoryId, c.Figures.DistrictId, Shown(c.Figures.OpenRequests), Shown(c.Figures.OpenOffers),
                c.Balance == CellBalance.Gap))
            .ToDictionary(c => (c.CategoryId, c.DistrictId));
        return new PublicGapMatrix(week,
            categories.Values.Where(c => cells.Keys.Any(k => k.CategoryId == c.Id)).ToList(),
            districts.Values.Where(d => cells.Keys.Any(k => k.DistrictId == d.Id)).ToList(),
            cells);
    }

    /// <summary>Cells that became gaps in the last <see cref="FeedWeeks"/> complete weeks, newest week first.</summary>
    public async Task<IReadOnlyList<NewGapCell>> NewGapsAsync(CancellationToken ct = default)
    {
        var week = LastCompleteWeek;
        var culture = CultureInfo.CurrentUICulture.Name;
        return (await cache.GetOrLoadAsync(db.CurrentTenantId, ("feed", week, culture), async () => await LoadNewGapsAsync(week, culture, ct)))!;
    }

    private async Task<IReadOnlyList<NewGapCell>> LoadNewGapsAsync(DateOnly lastWeek, string culture, CancellationToken ct)
    {
        // One week more than shown: the first week shown needs the week before it to tell a new gap from a continuing one.
        var weeks = await reader.ForWeeksAsync(lastWeek.AddDays(-7 * FeedWeeks), lastWeek, ct);
        var (categories, districts) = await NamesAsync(culture, ct);
        var gaps = new List<NewGapCell>();
        for (var i = weeks.Count - 1; i >= 1; i--)
        {
            var before = weeks[i - 1];
            gaps.AddRange(weeks[i].Cells.Values
                .Where(c => c.Balance == CellBalance.Gap && before.Cell(c.Figures.CategoryId, c.Figures.DistrictId)?.Balance != CellBalance.Gap)
                .Where(c => categories.ContainsKey(c.Figures.CategoryId) && districts.ContainsKey(c.Figures.DistrictId))
                .Select(c => new NewGapCell(weeks[i].WeekStart, categories[c.Figures.CategoryId], districts[c.Figures.DistrictId], Shown(c.Figures.OpenRequests)))
                .OrderBy(g => g.Category.Name, StringComparer.Ordinal).ThenBy(g => g.District.Name, StringComparer.Ordinal));
        }

        return gaps;
    }

    /// <summary>Top categories and districts in the town's order, named in the reader's language.</summary>
    public async Task<(IReadOnlyDictionary<int, PublicGapAxis> Categories, IReadOnlyDictionary<int, PublicGapAxis> Districts)> NamesAsync(string culture,
        CancellationToken ct)
    {
        var categories = (await db.Categories.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.Names }).ToListAsync(ct))
            .Select(c => new PublicGapAxis(c.Id, c.Names.In(culture)));
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ThenBy(d => d.Id)
            .Select(d => new PublicGapAxis(d.Id, d.Name)).ToListAsync(ct);
        // Insertion order is the display order.
        return (categories.ToDictionary(c => c.Id), districts.ToDictionary(d => d.Id));
    }
}

/// <summary>
/// The public gap answers of a town, the same for every reader: kept per instance for <see cref="CacheFor"/>. A complete
/// week is frozen once built, so nothing needs forgetting on a write; a rebuild or a renamed category shows after at most
/// this long, on every instance alike.
/// </summary>
public sealed class PublicGapsCache() : ScopedCache<Guid>(CacheFor, MaxEntries)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);
    public const int MaxEntries = 2_000;
}
