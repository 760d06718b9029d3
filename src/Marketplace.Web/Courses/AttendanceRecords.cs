using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Courses;

/// <summary>A person seated in a run, as the run desk, the roll call and the exports show them (names only to the course's managers and the office).</summary>
public sealed record SeatedPerson(int EnrolmentId, string Name, EnrolmentStatus Status, bool? Passed, string? CertificateCode);

/// <summary>One person's attendance over a run: attended teaching units over the planned ones (<see cref="CourseRules.AttendancePercent"/>).</summary>
public sealed record AttendanceRate(SeatedPerson Person, int AttendedUnits, int PlannedUnits, IReadOnlyDictionary<int, AttendanceMark> Marks)
{
    public int Percent => CourseRules.AttendancePercent(AttendedUnits, PlannedUnits);
}

public sealed record MeetingRow(int Id, DateOnly Date, TimeOnly StartsAt, TimeOnly EndsAt, int TeachingUnits);

/// <summary>
/// The roll call and what follows from it: one <see cref="Attendance"/> per meeting and enrolment, overwritten when
/// corrected, and attendance rates weighted by each meeting's teaching units.
/// </summary>
public sealed class AttendanceRecords(AppDbContext db, TimeProvider clock)
{
    /// <summary>The people who hold (or held) a seat of the run, by name; a member by their user name, anyone else by the name the office recorded.</summary>
    public Task<List<SeatedPerson>> SeatedAsync(int runId, CancellationToken ct = default) =>
        db.Enrolments.AsNoTracking()
            .Where(e => e.RunId == runId && RunOccupancyQueries.SeatHolding.Contains(e.Status))
            .OrderBy(e => e.EnrolledAt).ThenBy(e => e.Id)
            .Select(e => new SeatedPerson(e.Id, e.Participant!.UserId != null ? e.Participant.User!.UserName! : e.Participant.Name ?? "", e.Status, e.Passed,
                e.CertificateCode))
            .ToListAsync(ct);

    public Task<List<MeetingRow>> MeetingsAsync(int runId, CancellationToken ct = default) =>
        db.CourseMeetings.AsNoTracking().Where(m => m.RunId == runId)
            .OrderBy(m => m.Date).ThenBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Select(m => new MeetingRow(m.Id, m.Date, m.StartsAt, m.EndsAt, m.TeachingUnits))
            .ToListAsync(ct);

    /// <summary>The marks of one meeting by enrolment.</summary>
    public Task<Dictionary<int, AttendanceMark>> MarksAsync(int meetingId, CancellationToken ct = default) =>
        db.Attendances.AsNoTracking().Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.EnrolmentId, a => a.Mark, ct);

    /// <summary>
    /// Records the marks of one meeting; a mark given before is overwritten. Only enrolments seated in the meeting's run
    /// count (the caller has checked them). Two people taking the same roll call at once: the second save finds the first's
    /// rows on its retry and overwrites them, so there is still one row per meeting and enrolment.
    /// </summary>
    public async Task RecordAsync(int meetingId, IReadOnlyDictionary<int, AttendanceMark> marks, string userId, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.Attendances.Where(a => a.MeetingId == meetingId && marks.Keys.Contains(a.EnrolmentId)).ToDictionaryAsync(a => a.EnrolmentId, ct);
            var now = clock.GetUtcNow();
            foreach (var (enrolmentId, mark) in marks)
            {
                if (existing.TryGetValue(enrolmentId, out var row))
                {
                    if (row.Mark != mark)
                    {
                        row.Mark = mark;
                        row.RecordedByUserId = userId;
                        row.RecordedAt = now;
                    }
                }
                else
                {
                    db.Attendances.Add(new Attendance { MeetingId = meetingId, EnrolmentId = enrolmentId, Mark = mark, RecordedByUserId = userId, RecordedAt = now });
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Every seated person's attendance over the run's meetings; planned units are the meetings' units (the course's when no meeting is planned).</summary>
    public async Task<IReadOnlyList<AttendanceRate>> RatesAsync(int runId, CancellationToken ct = default)
    {
        var people = await SeatedAsync(runId, ct);
        var meetings = await MeetingsAsync(runId, ct);
        var planned = meetings.Count > 0
            ? meetings.Sum(m => m.TeachingUnits)
            : await db.CourseRuns.Where(r => r.Id == runId).Select(r => r.Course!.TeachingUnits).SingleAsync(ct);
        var units = meetings.ToDictionary(m => m.Id, m => m.TeachingUnits);
        var marks = await db.Attendances.AsNoTracking()
            .Where(a => db.CourseMeetings.Any(m => m.Id == a.MeetingId && m.RunId == runId))
            .Select(a => new { a.EnrolmentId, a.MeetingId, a.Mark })
            .ToListAsync(ct);
        var byPerson = marks.GroupBy(m => m.EnrolmentId).ToDictionary(g => g.Key, g => g.ToDictionary(m => m.MeetingId, m => m.Mark));
        return people.Select(p =>
        {
            var own = byPerson.GetValueOrDefault(p.EnrolmentId) ?? [];
            var attended = own.Where(m => m.Value == AttendanceMark.Present).Sum(m => units.GetValueOrDefault(m.Key));
            return new AttendanceRate(p, attended, planned, own);
        }).ToList();
    }
}
