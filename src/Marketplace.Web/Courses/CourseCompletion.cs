using System.Security.Cryptography;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Courses;

public enum CompletionOutcome
{
    Recorded,

    /// <summary>Recorded before (or the run was cancelled): nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>The run's last meeting has not ended yet.</summary>
    TooEarly,
}

/// <summary>A completed enrolment, for whoever acts on completion (the qualifications' "confirm grants").</summary>
public sealed record CompletedEnrolment(int EnrolmentId, int ParticipantId, string? UserId, DateTimeOffset CompletedAt);

/// <summary>
/// Completion of a run, recorded once by a manager after its last meeting: each seated person becomes Completed (the
/// course's rule met, <see cref="CourseRules.MeetsCompletion"/>) with a certificate code, or NotCompleted.
/// </summary>
public sealed class CourseCompletion(AppDbContext db, AttendanceRecords attendance, AuditLog audit, TownClock townClock, TimeProvider clock)
{
    /// <summary>Letters and digits that cannot be mistaken for one another when typed from paper (no 0/O, 1/I/L).</summary>
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>Whether the run's last meeting has ended in the town's time (a run without meetings: its last day has passed).</summary>
    public async Task<bool> IsOverAsync(int runId, CancellationToken ct = default)
    {
        var last = await db.CourseMeetings.Where(m => m.RunId == runId).OrderByDescending(m => m.Date).ThenByDescending(m => m.EndsAt)
            .Select(m => new { m.Date, m.EndsAt }).FirstOrDefaultAsync(ct);
        var now = townClock.Local(clock.GetUtcNow());
        var today = DateOnly.FromDateTime(now.DateTime);
        if (last is null)
        {
            var endsOn = await db.CourseRuns.Where(r => r.Id == runId).Select(r => r.EndsOn).SingleAsync(ct);
            return endsOn < today;
        }

        return last.Date < today || (last.Date == today && last.EndsAt <= TimeOnly.FromDateTime(now.DateTime));
    }

    /// <summary>
    /// Records completion once: the run moves from Planned to Completed in a conditional update, so a second recording
    /// (another tab, another manager) changes nothing. <paramref name="passed"/> holds the enrolments that passed where the
    /// course requires it.
    /// </summary>
    public async Task<CompletionOutcome> RecordAsync(int runId, IReadOnlySet<int> passed, string userId, CancellationToken ct = default)
    {
        if (!await IsOverAsync(runId, ct))
        {
            return CompletionOutcome.TooEarly;
        }

        var course = await db.CourseRuns.Where(r => r.Id == runId)
            .Select(r => new { r.Course!.MinimumAttendancePercent, r.Course.RequiresPass }).SingleAsync(ct);
        var rates = await attendance.RatesAsync(runId, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.CourseRuns.Where(r => r.Id == runId && r.Status == CourseRunStatus.Planned)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, CourseRunStatus.Completed), ct);
        if (claimed == 0)
        {
            return CompletionOutcome.AlreadyRecorded;
        }

        var now = clock.GetUtcNow();
        var seated = rates.Where(r => r.Person.Status == EnrolmentStatus.Confirmed).Select(r => r.Person.EnrolmentId).ToList();
        var enrolments = await db.Enrolments.Where(e => seated.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var completed = 0;
        foreach (var rate in rates.Where(r => enrolments.ContainsKey(r.Person.EnrolmentId)))
        {
            var enrolment = enrolments[rate.Person.EnrolmentId];
            bool? result = course.RequiresPass ? passed.Contains(enrolment.Id) : null;
            enrolment.Passed = result;
            enrolment.CompletedAt = now;
            enrolment.EndedAt = now;
            if (CourseRules.MeetsCompletion(rate.Percent, course.MinimumAttendancePercent, course.RequiresPass, result))
            {
                enrolment.Status = EnrolmentStatus.Completed;
                enrolment.CertificateCode = NewCertificateCode();
                completed++;
            }
            else
            {
                enrolment.Status = EnrolmentStatus.NotCompleted;
            }
        }

        audit.Record(AuditAction.RecordedCourseCompletion, "course-run", runId, $"completed={completed} of {enrolments.Count}", userId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CompletionOutcome.Recorded;
    }

    /// <summary>The run's completed enrolments: the hook for granting the course's qualifications.</summary>
    public Task<List<CompletedEnrolment>> CompletedEnrolmentsAsync(int runId, CancellationToken ct = default) =>
        db.Enrolments.AsNoTracking().Where(e => e.RunId == runId && e.Status == EnrolmentStatus.Completed)
            .OrderBy(e => e.Id)
            .Select(e => new CompletedEnrolment(e.Id, e.ParticipantId, e.Participant!.UserId, e.CompletedAt!.Value))
            .ToListAsync(ct);

    /// <summary>31^10 (about 2^49) codes: not guessable by trying, and short enough to type from the printed certificate.</summary>
    public static string NewCertificateCode() => RandomNumberGenerator.GetString(CodeAlphabet, Enrolment.CertificateCodeLength);
}
