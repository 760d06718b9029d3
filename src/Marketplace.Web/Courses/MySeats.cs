using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Courses;

/// <summary>A seat the member holds or held.</summary>
public sealed record MySeat(int EnrolmentId, int CourseId, int RunId, string Title, DateOnly StartsOn, DateOnly EndsOn, EnrolmentStatus Status, int LeaveDeadlineDays);

/// <summary>A place on a waiting list, with its position and an open offer if one is held for them.</summary>
public sealed record MyWaiting(int EntryId, int CourseId, int? RunId, string Title, DateOnly? StartsOn, DateOnly? EndsOn, int? Position, MyOffer? Offer);

public sealed record MyOffer(int OfferId, int RunId, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset ExpiresAt);

/// <summary>A participant's seats, waiting places and open offers, for the run page and /me/courses (their own only).</summary>
public sealed class MySeats(AppDbContext db, CourseSeats seats)
{
    public Task<int?> ParticipantOfAsync(string userId) =>
        db.CourseParticipants.Where(p => p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefaultAsync();

    public Task<List<MySeat>> SeatsAsync(int participantId, int? runId = null) =>
        db.Enrolments.AsNoTracking()
            .Where(e => e.ParticipantId == participantId && (runId == null || e.RunId == runId) && e.Status == EnrolmentStatus.Confirmed)
            .OrderBy(e => e.Run!.StartsOn)
            .Select(e => new MySeat(e.Id, e.Run!.CourseId, e.RunId, e.Run.Course!.Title, e.Run.StartsOn, e.Run.EndsOn, e.Status, e.Run.Course.LeaveDeadlineDays))
            .ToListAsync();

    public async Task<List<MyWaiting>> WaitingAsync(int participantId, int? courseId = null)
    {
        var rows = await db.WaitingListEntries.AsNoTracking()
            .Where(w => w.ParticipantId == participantId && (courseId == null || w.CourseId == courseId) && CourseSeats.OnList.Contains(w.Status))
            .OrderBy(w => w.JoinedAt)
            .Select(w => new
            {
                w.Id, w.CourseId, w.RunId, w.Status,
                Title = db.Courses.Where(c => c.Id == w.CourseId).Select(c => c.Title).First(),
                Run = db.CourseRuns.Where(r => r.Id == w.RunId).Select(r => new { r.StartsOn, r.EndsOn }).FirstOrDefault(),
                Offer = db.SeatOffers.Where(o => o.WaitingListEntryId == w.Id && o.Status == SeatOfferStatus.Open)
                    .Select(o => new MyOffer(o.Id, o.RunId, db.CourseRuns.Where(r => r.Id == o.RunId).Select(r => r.StartsOn).First(),
                        db.CourseRuns.Where(r => r.Id == o.RunId).Select(r => r.EndsOn).First(), o.ExpiresAt))
                    .FirstOrDefault(),
            })
            .ToListAsync();
        var result = new List<MyWaiting>();
        foreach (var w in rows)
        {
            result.Add(new MyWaiting(w.Id, w.CourseId, w.RunId, w.Title, w.Run?.StartsOn, w.Run?.EndsOn,
                w.Status == WaitingStatus.Waiting ? await seats.PositionAsync(w.Id) : null, w.Offer));
        }

        return result;
    }

    /// <summary>Whether the open offer is held for this participant.</summary>
    public Task<bool> OwnsOfferAsync(int participantId, int offerId) =>
        db.SeatOffers.AnyAsync(o => o.Id == offerId && o.Entry!.ParticipantId == participantId);
}
