using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Courses;

/// <summary>Free or with a fee, as the catalogue's filter asks.</summary>
public enum CourseFee
{
    Free = 1,
    Paid = 2,
}

/// <summary>What the public catalogue is filtered by; every field maps to one query-string parameter of /courses.</summary>
public sealed record CourseFilter(
    CourseKind? Kind = null,
    string? Topic = null,
    LanguageCourseType? Type = null,
    CefrLevel? Level = null,
    int? District = null,
    bool Online = false,
    DayParts? DayPart = null,
    string? Language = null,
    bool Childcare = false,
    CourseFee? Fee = null,
    bool FreeSeats = false,
    int Page = 1)
{
    public const int PageSize = 20;
    public const int MaxPage = 10_000;

    /// <summary>The "where" select's value: "online", a district's id, or empty.</summary>
    public string Place => Online ? OnlinePlace : District?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public const string OnlinePlace = "online";

    public bool AnySet => Kind is not null || Topic is not null || Type is not null || Level is not null || District is not null || Online
        || DayPart is not null || Language is not null || Childcare || Fee is not null || FreeSeats;
}

/// <summary>One course of the catalogue with its next fitting run (its occupancy without the waiting count, which cards do not show).</summary>
public sealed record CourseCard(
    int Id,
    string Title,
    string? Provider,
    CourseKind Kind,
    string? Topic,
    LanguageCourseType? Type,
    CefrLevel? Level,
    long FeeCents,
    bool ChildcareOffered,
    CourseCardRun? NextRun);

public sealed record CourseCardRun(int Id, DateOnly StartsOn, DateOnly EndsOn, bool IsOnline, string? District, RunOccupancy Occupancy);

public sealed record CourseCatalogueResults(IReadOnlyList<CourseCard> Cards, int Total, CourseFilter Filter)
{
    public int Pages => Math.Max(1, (Total + CourseFilter.PageSize - 1) / CourseFilter.PageSize);

    /// <summary>Tells one loaded answer from the next, so its rendered cards can be kept as long as it (Pages/Courses/Index).</summary>
    public Guid Version { get; } = Guid.NewGuid();
}

/// <summary>
/// The public catalogue: courses that are not withdrawn and have a planned run that has not ended, with the filters of
/// /courses. A run-level filter (place, day part, free seats) picks the runs; a course is listed when one of its runs fits,
/// and its card shows the earliest fitting run. Counting and paging are two queries, the page's cards one more, whatever
/// the number of runs.
/// </summary>
public static class CourseCatalogue
{
    public static async Task<CourseCatalogueResults> LoadAsync(AppDbContext db, CourseFilter filter, DateOnly today, CancellationToken ct = default)
    {
        var runs = FittingRuns(db, filter, today);
        // One pass over the fitting runs gives each listed course and its next start: counting and paging read no course row.
        var listed = runs.GroupBy(r => r.CourseId).Select(g => new { CourseId = g.Key, Next = g.Min(r => r.StartsOn) });
        var total = await listed.CountAsync(ct);
        var pageIds = await listed.OrderBy(x => x.Next).ThenBy(x => x.CourseId)
            .Skip(Paging.Skip(filter.Page, CourseFilter.PageSize))
            .Take(CourseFilter.PageSize)
            .Select(x => x.CourseId)
            .ToListAsync(ct);
        if (pageIds.Count == 0)
        {
            return new CourseCatalogueResults([], total, filter);
        }

        // The page's courses with their fitting runs (a few each), occupancy counted in the database.
        var rows = await runs.AsNoTracking().Where(r => pageIds.Contains(r.CourseId))
            .Select(r => new
            {
                r.CourseId,
                r.Course!.Title,
                Provider = r.Course.Provider != null ? r.Course.Provider.Name : null,
                r.Course.Kind,
                r.Course.Topic,
                r.Course.LanguageCourseType,
                r.Course.TargetLevel,
                r.Course.FeeCents,
                r.Course.ChildcareOffered,
                r.Id,
                r.StartsOn,
                r.EndsOn,
                r.IsOnline,
                District = r.District != null ? r.District.Name : null,
                r.MaxParticipants,
                Seated = db.Enrolments.Count(e => e.RunId == r.Id && RunOccupancyQueries.SeatHolding.Contains(e.Status)),
                OpenOffers = db.SeatOffers.Count(o => o.RunId == r.Id && o.Status == SeatOfferStatus.Open),
            })
            .ToListAsync(ct);

        var order = pageIds.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        var cards = rows.GroupBy(r => r.CourseId).OrderBy(g => order[g.Key]).Select(g =>
        {
            var n = g.OrderBy(r => r.StartsOn).ThenBy(r => r.Id).First();
            return new CourseCard(n.CourseId, n.Title, n.Provider, n.Kind, n.Topic, n.LanguageCourseType, n.TargetLevel, n.FeeCents, n.ChildcareOffered,
                new CourseCardRun(n.Id, n.StartsOn, n.EndsOn, n.IsOnline, n.District, new RunOccupancy(n.Id, n.MaxParticipants, n.Seated, n.OpenOffers, Waiting: 0)));
        }).ToList();
        return new CourseCatalogueResults(cards, total, filter);
    }

    /// <summary>The topics the town's volunteer qualifications name, for the topic filter.</summary>
    public static Task<List<string>> TopicsAsync(AppDbContext db, CancellationToken ct = default) =>
        db.Courses.Where(c => !c.IsWithdrawn && c.Topic != null).Select(c => c.Topic!).Distinct().OrderBy(t => t).Take(100).ToListAsync(ct);

    /// <summary>Planned runs not yet ended of listed courses, narrowed by every filter (the course's filters included).</summary>
    private static IQueryable<CourseRun> FittingRuns(AppDbContext db, CourseFilter f, DateOnly today)
    {
        var runs = db.CourseRuns.Where(r => r.Status == CourseRunStatus.Planned && r.EndsOn >= today && !r.Course!.IsWithdrawn);
        if (f.Kind is { } kind)
        {
            runs = runs.Where(r => r.Course!.Kind == kind);
        }

        if (f.Topic is { } topic)
        {
            runs = runs.Where(r => r.Course!.Topic == topic);
        }

        if (f.Type is { } type)
        {
            runs = runs.Where(r => r.Course!.LanguageCourseType == type);
        }

        if (f.Level is { } level)
        {
            runs = runs.Where(r => r.Course!.TargetLevel == level);
        }

        if (f.Language is { } language)
        {
            runs = runs.Where(r => r.Course!.InstructionLanguages.Contains(language));
        }

        if (f.Childcare)
        {
            runs = runs.Where(r => r.Course!.ChildcareOffered);
        }

        if (f.Fee == CourseFee.Free)
        {
            runs = runs.Where(r => r.Course!.FeeCents == 0);
        }
        else if (f.Fee == CourseFee.Paid)
        {
            runs = runs.Where(r => r.Course!.FeeCents > 0);
        }

        if (f.Online)
        {
            runs = runs.Where(r => r.IsOnline);
        }
        else if (f.District is { } district)
        {
            runs = runs.Where(r => r.DistrictId == district);
        }

        if (f.DayPart is { } part and not DayParts.None)
        {
            runs = runs.Where(r => (r.DayParts & part) != DayParts.None);
        }

        if (f.FreeSeats)
        {
            // The count of RunOccupancy.FreeSeats, in the query: seats held and open offers against the maximum.
            runs = runs.Where(r => r.MaxParticipants
                - db.Enrolments.Count(e => e.RunId == r.Id && RunOccupancyQueries.SeatHolding.Contains(e.Status))
                - db.SeatOffers.Count(o => o.RunId == r.Id && o.Status == SeatOfferStatus.Open) > 0);
        }

        return runs;
    }
}
