using Marketplace.Web.Data;
using Marketplace.Web.Domain;

namespace Marketplace.Web.Courses;

/// <summary>How full a run is, as the catalogue, the member's pages and the office's overview show it.</summary>
public sealed record RunOccupancy(int RunId, int MaxParticipants, int Seated, int OpenOffers, int Waiting)
{
    /// <summary>
    /// Seats a newcomer would get now. Waiting entries need not be subtracted: a freed seat is offered to the head of a
    /// fitting waiting entry in the same step that frees it (Courses/CourseSeats), so free seats and fitting waiters never
    /// exist together. CourseSeats still checks the queue itself when it seats someone.
    /// </summary>
    public int FreeSeats => Math.Max(0, MaxParticipants - Seated - OpenOffers);
}

public static class RunOccupancyQueries
{
    /// <summary>Enrolment states that hold (or held) a seat of the run.</summary>
    public static readonly EnrolmentStatus[] SeatHolding = [EnrolmentStatus.Confirmed, EnrolmentStatus.Completed, EnrolmentStatus.NotCompleted];

    /// <summary>One row per run, counted in the database (one query for any number of runs).</summary>
    public static IQueryable<RunOccupancy> Occupancy(this IQueryable<CourseRun> runs, AppDbContext db) =>
        runs.Select(r => new RunOccupancy(
            r.Id,
            r.MaxParticipants,
            db.Enrolments.Count(e => e.RunId == r.Id && SeatHolding.Contains(e.Status)),
            db.SeatOffers.Count(o => o.RunId == r.Id && o.Status == SeatOfferStatus.Open),
            db.WaitingListEntries.Count(w => w.RunId == r.Id && (w.Status == WaitingStatus.Waiting || w.Status == WaitingStatus.Offered))));
}
