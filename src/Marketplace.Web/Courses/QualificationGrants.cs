using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Courses;

/// <summary>A completed participant of a run and what confirming would grant them.</summary>
public sealed record GrantPreviewRow(int EnrolmentId, string? UserId, string Name, DateOnly CompletedOn, DateOnly? ValidUntil,
    IReadOnlyList<int> QualificationIds, IReadOnlyList<int> AlreadyGranted)
{
    /// <summary>Someone without account gets none until they claim one.</summary>
    public bool HasAccount => UserId is not null;

    public IEnumerable<int> Pending => HasAccount ? QualificationIds.Except(AlreadyGranted) : [];
}

public enum GrantOutcome
{
    Granted,
    OwnGrant,
    NotFound,
    Invalid,
}

/// <summary>
/// The one place that grants qualifications: for a run's completed participants once a provider or coordinator confirms,
/// or by hand from the office. Each completed enrolment grants each of its course's qualifications once (a unique index
/// holds that under races too), and nobody confirms a grant to themselves.
/// </summary>
public sealed class QualificationGrants(AppDbContext db, AuditLog audit, TownClock townClock, TimeProvider clock)
{
    public async Task<IReadOnlyList<GrantPreviewRow>> PreviewAsync(int runId, CancellationToken ct = default)
    {
        var run = await db.CourseRuns.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new { r.CourseId, r.EndsOn, r.Course!.QualificationValidMonths }).SingleOrDefaultAsync(ct);
        if (run is null)
        {
            return [];
        }

        var qualifications = await db.CourseQualifications.AsNoTracking().Where(c => c.CourseId == run.CourseId)
            .Select(c => c.QualificationId).ToListAsync(ct);
        var completed = await db.Enrolments.AsNoTracking().Where(e => e.RunId == runId && e.Status == EnrolmentStatus.Completed)
            .Select(e => new { e.Id, e.Participant!.UserId, Name = e.Participant.User != null ? e.Participant.User.UserName : e.Participant.Name, e.CompletedAt })
            .ToListAsync(ct);
        var ids = completed.Select(e => (int?)e.Id).ToList();
        var granted = (await db.QualificationGrants.AsNoTracking().Where(g => ids.Contains(g.SourceEnrolmentId))
                .Select(g => new { g.SourceEnrolmentId, g.QualificationId }).ToListAsync(ct))
            .ToLookup(g => g.SourceEnrolmentId!.Value, g => g.QualificationId);
        return completed.OrderBy(e => e.Name).Select(e =>
        {
            var on = e.CompletedAt is { } at ? townClock.DateOf(at) : run.EndsOn;
            return new GrantPreviewRow(e.Id, e.UserId, e.Name ?? "", on, CourseRules.ValidUntil(on, run.QualificationValidMonths), qualifications,
                granted[e.Id].ToList());
        }).ToList();
    }

    /// <summary>
    /// Grants every qualification of the run's course to each completed participant with an account, once. The confirmer's
    /// own completion is left for someone else to confirm. Returns how many grants were made now.
    /// </summary>
    public async Task<int> GrantForCompletedAsync(int runId, string confirmedBy, CancellationToken ct = default)
    {
        var rows = await PreviewAsync(runId, ct);
        var made = 0;
        foreach (var row in rows.Where(r => !SelfDecision.IsOwn(confirmedBy, [r.UserId])))
        {
            foreach (var qualificationId in row.Pending)
            {
                var grant = new QualificationGrant
                {
                    QualificationId = qualificationId, UserId = row.UserId!, GrantedOn = row.CompletedOn, ValidUntil = row.ValidUntil,
                    SourceEnrolmentId = row.EnrolmentId, ConfirmedByUserId = confirmedBy, RecordedAt = clock.GetUtcNow(),
                };
                db.QualificationGrants.Add(grant);
                audit.Record(AuditAction.GrantedQualification, "qualification", qualificationId, $"run {runId}, enrolment {row.EnrolmentId}", confirmedBy);
                try
                {
                    await db.SaveChangesAsync(ct);
                    made++;
                }
                catch (DbUpdateException)
                {
                    // Another confirmation of the same run got there first: the unique index kept its grant; drop ours and its entry.
                    foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                    {
                        entry.State = EntityState.Detached;
                    }
                }
            }
        }

        return made;
    }

    /// <summary>The office records a qualification it has seen proof of (a first-aid card from elsewhere).</summary>
    public async Task<GrantOutcome> RecordAsync(string userId, int qualificationId, DateOnly grantedOn, DateOnly? validUntil, string confirmedBy,
        CancellationToken ct = default)
    {
        if (SelfDecision.IsOwn(confirmedBy, [userId]))
        {
            return GrantOutcome.OwnGrant;
        }

        if (validUntil is { } until && until < grantedOn)
        {
            return GrantOutcome.Invalid;
        }

        if (!await db.Qualifications.AnyAsync(q => q.Id == qualificationId && !q.IsRetired, ct)
            || !await db.Memberships.AnyAsync(m => m.UserId == userId, ct))
        {
            return GrantOutcome.NotFound;
        }

        db.QualificationGrants.Add(new QualificationGrant
        {
            QualificationId = qualificationId, UserId = userId, GrantedOn = grantedOn, ValidUntil = validUntil, ConfirmedByUserId = confirmedBy,
            RecordedAt = clock.GetUtcNow(),
        });
        audit.Record(AuditAction.GrantedQualification, "qualification", qualificationId, $"by hand for {userId}", confirmedBy);
        await db.SaveChangesAsync(ct);
        return GrantOutcome.Granted;
    }

    /// <summary>The grants of some people, for the matching rules.</summary>
    public async Task<ILookup<string, HeldGrant>> HeldByAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default) =>
        (await db.QualificationGrants.AsNoTracking().Where(g => userIds.Contains(g.UserId))
            .Select(g => new { g.UserId, g.QualificationId, g.GrantedOn, g.ValidUntil }).ToListAsync(ct))
        .ToLookup(g => g.UserId, g => new HeldGrant(g.QualificationId, g.GrantedOn, g.ValidUntil));

    /// <summary>Each qualification and what it includes directly (retired ones still count for what people hold).</summary>
    public async Task<Dictionary<int, List<int>>> IncludesAsync(CancellationToken ct = default) =>
        await db.Qualifications.AsNoTracking().Select(q => new { q.Id, q.IncludesQualificationIds }).ToDictionaryAsync(q => q.Id, q => q.IncludesQualificationIds, ct);

    /// <summary>A person's grants with names, newest first, for the office's volunteer page and their own.</summary>
    public async Task<IReadOnlyList<HeldQualificationRow>> OfPersonAsync(string userId, string culture, CancellationToken ct = default)
    {
        var today = townClock.Today();
        var rows = await db.QualificationGrants.AsNoTracking().Where(g => g.UserId == userId)
            .Join(db.Qualifications, g => g.QualificationId, q => q.Id, (g, q) => new { q.Names, g.GrantedOn, g.ValidUntil })
            .ToListAsync(ct);
        return rows.Select(r => new HeldQualificationRow(r.Names.In(culture), r.GrantedOn, r.ValidUntil, CourseRules.HoldsOn(r.GrantedOn, r.ValidUntil, today)))
            .OrderByDescending(r => r.Holds).ThenBy(r => r.Name).ThenByDescending(r => r.GrantedOn).ToList();
    }
}

/// <summary>One grant a person holds or held.</summary>
public sealed record HeldQualificationRow(string Name, DateOnly GrantedOn, DateOnly? ValidUntil, bool Holds);
