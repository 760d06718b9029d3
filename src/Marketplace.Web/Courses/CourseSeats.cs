using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Courses;

public enum SeatOutcome
{
    /// <summary>Holds a confirmed seat now.</summary>
    Seated,

    /// <summary>On the waiting list, at <see cref="SeatResult.Position"/>.</summary>
    Waiting,

    AlreadySeated,
    AlreadyWaiting,

    /// <summary>Done (left, cancelled, removed, changed, declined).</summary>
    Done,

    /// <summary>The run, course, seat, entry or offer is not open for this (cancelled, ended, decided, unknown).</summary>
    NotOpen,

    /// <summary>Self-service leaving after the course's deadline.</summary>
    TooLate,

    /// <summary>Capacity below the seats that are taken or held.</summary>
    BelowTaken,

    /// <summary>The offer ran out before it was accepted.</summary>
    Expired,
}

public sealed record SeatResult(SeatOutcome Outcome, int? Position = null);

/// <summary>
/// Every change of a course's seats and its waiting list. Each runs in one transaction that begins by bumping the
/// course's <see cref="Course.WaitingSequence"/>: on PostgreSQL that update takes the course row's lock, on SQLite the
/// write lock, so two changes of one course never interleave and every count below is current. A freed seat is offered
/// to the head of the fitting queue in the same transaction (<see cref="FillAsync"/>), so free seats and fitting waiters
/// never exist together; mails go into the outbox in the same transaction and leave after the commit.
/// </summary>
public sealed class CourseSeats(AppDbContext db, TimeProvider clock, TownClock town, ITenantContext tenant, CourseSeatMailer mailer)
{
    private const int Attempts = 6;

    public static readonly WaitingStatus[] OnList = [WaitingStatus.Waiting, WaitingStatus.Offered];

    /// <summary>A seat in the run while one is free (a newcomer never overtakes a fitting waiter), else a place on its waiting list.</summary>
    public Task<SeatResult> EnrolAsync(int runId, int participantId, string? byUserId = null) =>
        InRunAsync(runId, async (run, now) =>
        {
            if (!IsOpen(run))
            {
                return new SeatResult(SeatOutcome.NotOpen);
            }

            if (await db.Enrolments.AnyAsync(e => e.RunId == runId && e.ParticipantId == participantId && e.Status == EnrolmentStatus.Confirmed))
            {
                return new SeatResult(SeatOutcome.AlreadySeated);
            }

            var entries = await ActiveEntriesAsync(run.CourseId);
            if (entries.FirstOrDefault(e => e.ParticipantId == participantId && (e.RunId == runId || e.RunId is null && FitsRun(e, run))) is { } own)
            {
                return new SeatResult(SeatOutcome.AlreadyWaiting, PositionOf(own, entries, run));
            }

            var taken = await TakenAsync(runId);
            var ahead = entries.Count(e => e.Status == WaitingStatus.Waiting && (e.RunId == runId || e.RunId is null && FitsRun(e, run)));
            if (run.MaxParticipants - taken - ahead > 0)
            {
                var enrolment = await SeatAsync(run, participantId, byUserId, now);
                await mailer.QueueEnrolledAsync(enrolment.Id);
                return new SeatResult(SeatOutcome.Seated);
            }

            var entry = await AddEntryAsync(run.CourseId, runId, participantId, [], DayParts.None, now);
            await mailer.QueueWaitingAsync(entry.Id, ahead + 1);
            return new SeatResult(SeatOutcome.Waiting, ahead + 1);
        });

    /// <summary>A place on the list for any run of the course that fits the districts and day parts (none: any).</summary>
    public Task<SeatResult> JoinAnyRunAsync(int courseId, int participantId, IReadOnlyCollection<int> districtIds, DayParts dayParts) =>
        InCourseAsync(courseId, async now =>
        {
            if (!await db.Courses.AnyAsync(c => c.Id == courseId && !c.IsWithdrawn))
            {
                return new SeatResult(SeatOutcome.NotOpen);
            }

            var entries = await ActiveEntriesAsync(courseId);
            if (entries.FirstOrDefault(e => e.ParticipantId == participantId && e.RunId is null) is { } own)
            {
                return new SeatResult(SeatOutcome.AlreadyWaiting, PositionOf(own, entries, null));
            }

            var entry = await AddEntryAsync(courseId, null, participantId, [.. districtIds.Distinct()], dayParts, now);
            var position = PositionOf(entry, [.. entries, entry], null);
            await mailer.QueueWaitingAsync(entry.Id, position);
            // A fitting run may have a seat free right now: the newcomer is then offered it like anyone at the head.
            await FillAsync(courseId, now);
            return new SeatResult(SeatOutcome.Waiting, position);
        });

    /// <summary>Leaves the waiting list (also from the mail's link); an open offer of the entry passes on to the next.</summary>
    public async Task<SeatResult> LeaveAsync(int entryId, int? participantId = null)
    {
        var courseId = await db.WaitingListEntries.Where(e => e.Id == entryId).Select(e => (int?)e.CourseId).SingleOrDefaultAsync();
        return courseId is null
            ? new SeatResult(SeatOutcome.NotOpen)
            : await InCourseAsync(courseId.Value, async now =>
            {
                var entry = await db.WaitingListEntries.SingleAsync(e => e.Id == entryId);
                if (!OnList.Contains(entry.Status) || participantId is not null && entry.ParticipantId != participantId)
                {
                    return new SeatResult(SeatOutcome.NotOpen);
                }

                entry.Status = WaitingStatus.Left;
                entry.EndedAt = now;
                await db.SeatOffers.Where(o => o.WaitingListEntryId == entryId && o.Status == SeatOfferStatus.Open)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, SeatOfferStatus.Declined).SetProperty(o => o.DecidedAt, now));
                await db.SaveChangesAsync();
                await FillAsync(entry.CourseId, now);
                return new SeatResult(SeatOutcome.Done);
            });
    }

    /// <summary>
    /// Gives up a confirmed seat. The participant themselves only up to <see cref="Course.LeaveDeadlineDays"/> days before
    /// the start (<paramref name="byManager"/> false); a manager any time. The seat goes to the head of the list.
    /// </summary>
    public Task<SeatResult> CancelEnrolmentAsync(int enrolmentId, bool byManager, int? participantId = null) =>
        EndEnrolmentAsync(enrolmentId, EnrolmentStatus.Cancelled, byManager, participantId);

    /// <summary>Takes a no-show off the run (managers only); the seat goes to the head of the list.</summary>
    public Task<SeatResult> RemoveNoShowAsync(int enrolmentId) => EndEnrolmentAsync(enrolmentId, EnrolmentStatus.Removed, byManager: true, null);

    /// <summary>Whether the participant may still leave their seat themselves on the town's current day.</summary>
    public static bool MayLeaveOn(DateOnly today, DateOnly startsOn, int leaveDeadlineDays) => today <= startsOn.AddDays(-leaveDeadlineDays);

    private async Task<SeatResult> EndEnrolmentAsync(int enrolmentId, EnrolmentStatus status, bool byManager, int? participantId)
    {
        var runId = await db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => (int?)e.RunId).SingleOrDefaultAsync();
        return runId is null
            ? new SeatResult(SeatOutcome.NotOpen)
            : await InRunAsync(runId.Value, async (run, now) =>
            {
                var enrolment = await db.Enrolments.SingleAsync(e => e.Id == enrolmentId);
                if (enrolment.Status != EnrolmentStatus.Confirmed || participantId is not null && enrolment.ParticipantId != participantId)
                {
                    return new SeatResult(SeatOutcome.NotOpen);
                }

                if (!byManager)
                {
                    var deadline = await db.Courses.Where(c => c.Id == run.CourseId).Select(c => c.LeaveDeadlineDays).SingleAsync();
                    if (!MayLeaveOn(town.Today(), run.StartsOn, deadline))
                    {
                        return new SeatResult(SeatOutcome.TooLate);
                    }
                }

                enrolment.Status = status;
                enrolment.EndedAt = now;
                await db.SaveChangesAsync();
                await FillAsync(run.CourseId, now);
                return new SeatResult(SeatOutcome.Done);
            });
    }

    /// <summary>A new group size; never below the seats taken and held by open offers. Raising it offers the new seats.</summary>
    public Task<SeatResult> ChangeCapacityAsync(int runId, int maxParticipants) =>
        InRunAsync(runId, async (run, now) =>
        {
            if (run.Status != CourseRunStatus.Planned)
            {
                return new SeatResult(SeatOutcome.NotOpen);
            }

            if (maxParticipants < await TakenAsync(runId) || maxParticipants < 1 || maxParticipants > CourseRun.MaxParticipantsLimit)
            {
                return new SeatResult(SeatOutcome.BelowTaken);
            }

            run.MaxParticipants = maxParticipants;
            await db.SaveChangesAsync();
            await FillAsync(run.CourseId, now);
            return new SeatResult(SeatOutcome.Done);
        });

    /// <summary>
    /// Cancels the run with a reason: seats end, its own waiting list ends, open offers are withdrawn and everyone
    /// enrolled or waiting for it is mailed. "Any run" entries stay on the list for the other runs (an offer of this
    /// run they held is withdrawn and they wait again).
    /// </summary>
    public Task<SeatResult> CancelRunAsync(int runId, string reason) =>
        InRunAsync(runId, async (run, now) =>
        {
            if (run.Status != CourseRunStatus.Planned)
            {
                return new SeatResult(SeatOutcome.NotOpen);
            }

            run.Status = CourseRunStatus.Cancelled;
            run.CancelledAt = now;
            run.CancelReason = reason.Trim();
            var told = new HashSet<int>();
            foreach (var enrolment in await db.Enrolments.Where(e => e.RunId == runId && e.Status == EnrolmentStatus.Confirmed).ToListAsync())
            {
                enrolment.Status = EnrolmentStatus.Cancelled;
                enrolment.EndedAt = now;
                told.Add(enrolment.ParticipantId);
            }

            var offered = await db.SeatOffers.Where(o => o.RunId == runId && o.Status == SeatOfferStatus.Open).ToListAsync();
            var offeredEntries = offered.Select(o => o.WaitingListEntryId).ToList();
            foreach (var offer in offered)
            {
                offer.Status = SeatOfferStatus.Withdrawn;
                offer.DecidedAt = now;
            }

            foreach (var entry in await db.WaitingListEntries.Where(e => (e.RunId == runId || offeredEntries.Contains(e.Id)) && OnList.Contains(e.Status)).ToListAsync())
            {
                told.Add(entry.ParticipantId);
                if (entry.RunId is null)
                {
                    entry.Status = WaitingStatus.Waiting;
                }
                else
                {
                    entry.Status = WaitingStatus.Cancelled;
                    entry.EndedAt = now;
                }
            }

            await db.SaveChangesAsync();
            foreach (var participantId in told)
            {
                await mailer.QueueRunCancelledAsync(runId, participantId);
            }

            await FillAsync(run.CourseId, now);
            return new SeatResult(SeatOutcome.Done);
        });

    /// <summary>Takes the held seat, while the offer is open and not past its time.</summary>
    public Task<SeatResult> AcceptOfferAsync(int offerId) => DecideAsync(offerId, accept: true);

    /// <summary>Gives the held seat back; it goes to the next person at once.</summary>
    public Task<SeatResult> DeclineOfferAsync(int offerId) => DecideAsync(offerId, accept: false);

    private async Task<SeatResult> DecideAsync(int offerId, bool accept)
    {
        var runId = await db.SeatOffers.Where(o => o.Id == offerId).Select(o => (int?)o.RunId).SingleOrDefaultAsync();
        return runId is null
            ? new SeatResult(SeatOutcome.NotOpen)
            : await InRunAsync(runId.Value, async (run, now) =>
            {
                var offer = await db.SeatOffers.Include(o => o.Entry).SingleAsync(o => o.Id == offerId);
                if (offer.Status != SeatOfferStatus.Open)
                {
                    return new SeatResult(SeatOutcome.NotOpen);
                }

                if (offer.ExpiresAt <= now)
                {
                    // Past its time but the job has not come by yet: it expires now and passes on.
                    await ExpireAsync(offer, now);
                    await FillAsync(run.CourseId, now);
                    return new SeatResult(SeatOutcome.Expired);
                }

                var entry = offer.Entry!;
                offer.DecidedAt = now;
                entry.EndedAt = now;
                var alreadySeated = await db.Enrolments.AnyAsync(e => e.RunId == run.Id && e.ParticipantId == entry.ParticipantId && e.Status == EnrolmentStatus.Confirmed);
                if (!accept || alreadySeated)
                {
                    offer.Status = SeatOfferStatus.Declined;
                    entry.Status = alreadySeated ? WaitingStatus.Seated : WaitingStatus.Left;
                    await db.SaveChangesAsync();
                    await FillAsync(run.CourseId, now);
                    return new SeatResult(accept ? SeatOutcome.AlreadySeated : SeatOutcome.Done);
                }

                offer.Status = SeatOfferStatus.Accepted;
                entry.Status = WaitingStatus.Seated;
                var enrolment = await SeatAsync(run, entry.ParticipantId, null, now);
                await mailer.QueueEnrolledAsync(enrolment.Id);
                return new SeatResult(SeatOutcome.Seated);
            });
    }

    /// <summary>Expires every open offer past its time and passes each seat on; returns how many expired.</summary>
    public async Task<int> ExpireOffersAsync()
    {
        var now = clock.GetUtcNow();
        var due = await db.SeatOffers.Where(o => o.Status == SeatOfferStatus.Open && o.ExpiresAt <= now)
            .Select(o => o.Entry!.CourseId).Distinct().ToListAsync();
        var expired = 0;
        foreach (var courseId in due)
        {
            expired += await InCourseAsync(courseId, async at =>
            {
                var offers = await db.SeatOffers.Include(o => o.Entry)
                    .Where(o => o.Entry!.CourseId == courseId && o.Status == SeatOfferStatus.Open && o.ExpiresAt <= at).ToListAsync();
                foreach (var offer in offers)
                {
                    await ExpireAsync(offer, at);
                }

                await FillAsync(courseId, at);
                return offers.Count;
            });
        }

        return expired;
    }

    /// <summary>The entry's place in the queue of what it waits for (1 = next); null when it is not on the list.</summary>
    public async Task<int?> PositionAsync(int entryId)
    {
        var entry = await db.WaitingListEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId);
        if (entry is null || !OnList.Contains(entry.Status))
        {
            return null;
        }

        var run = entry.RunId is { } runId ? await db.CourseRuns.AsNoTracking().SingleAsync(r => r.Id == runId) : null;
        return PositionOf(entry, await ActiveEntriesAsync(entry.CourseId, tracked: false), run);
    }

    /// <summary>
    /// Offers every free seat of the course's open runs to the head of its fitting queue (earliest sequence first), with
    /// an offer that holds the seat for the town's <see cref="Tenant.SeatOfferHours"/>. Runs inside the caller's lock.
    /// </summary>
    private async Task FillAsync(int courseId, DateTimeOffset now)
    {
        var today = town.Today();
        var runs = await db.CourseRuns.Where(r => r.CourseId == courseId && r.Status == CourseRunStatus.Planned && r.EndsOn >= today)
            .OrderBy(r => r.StartsOn).ThenBy(r => r.Id).ToListAsync();
        if (runs.Count == 0 || await db.Courses.AnyAsync(c => c.Id == courseId && c.IsWithdrawn))
        {
            return;
        }

        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("Seats need a town's scope.");
        var hours = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.SeatOfferHours).SingleAsync();
        var waiting = (await ActiveEntriesAsync(courseId)).Where(e => e.Status == WaitingStatus.Waiting).ToList();
        foreach (var run in runs)
        {
            var free = run.MaxParticipants - await TakenAsync(run.Id);
            while (free > 0 && waiting.FirstOrDefault(e => e.RunId == run.Id || e.RunId is null && FitsRun(e, run)) is { } head)
            {
                var seated = await db.Enrolments.AnyAsync(e => e.RunId == run.Id && e.ParticipantId == head.ParticipantId && e.Status == EnrolmentStatus.Confirmed);
                waiting.Remove(head);
                if (seated)
                {
                    // Seated meanwhile by the office: nothing to offer, they are off this list.
                    head.Status = WaitingStatus.Seated;
                    head.EndedAt = now;
                    continue;
                }

                var offer = new SeatOffer { WaitingListEntryId = head.Id, RunId = run.Id, OfferedAt = now, ExpiresAt = now.AddHours(hours), Status = SeatOfferStatus.Open };
                db.SeatOffers.Add(offer);
                head.Status = WaitingStatus.Offered;
                await db.SaveChangesAsync();
                await mailer.QueueOfferAsync(offer.Id);
                free--;
            }
        }

        await db.SaveChangesAsync();
    }

    private async Task ExpireAsync(SeatOffer offer, DateTimeOffset now)
    {
        offer.Status = SeatOfferStatus.Expired;
        offer.DecidedAt = now;
        offer.Entry!.Status = WaitingStatus.Expired;
        offer.Entry.EndedAt = now;
        await db.SaveChangesAsync();
    }

    private async Task<Enrolment> SeatAsync(CourseRun run, int participantId, string? byUserId, DateTimeOffset now)
    {
        var enrolment = new Enrolment { RunId = run.Id, ParticipantId = participantId, Status = EnrolmentStatus.Confirmed, EnrolledAt = now, EnrolledByUserId = byUserId };
        db.Enrolments.Add(enrolment);
        // Seated in a run: their "any run" wish for this course is fulfilled, and this run's own entry too.
        foreach (var entry in await db.WaitingListEntries
                     .Where(e => e.CourseId == run.CourseId && e.ParticipantId == participantId && (e.RunId == null || e.RunId == run.Id) && e.Status == WaitingStatus.Waiting)
                     .ToListAsync())
        {
            entry.Status = WaitingStatus.Seated;
            entry.EndedAt = now;
        }

        await db.SaveChangesAsync();
        return enrolment;
    }

    private async Task<WaitingListEntry> AddEntryAsync(int courseId, int? runId, int participantId, List<int> districtIds, DayParts dayParts, DateTimeOffset now)
    {
        // The bumped sequence of this transaction is the entry's place: arrival order across one-run and any-run entries.
        var sequence = await db.Courses.Where(c => c.Id == courseId).Select(c => c.WaitingSequence).SingleAsync();
        var entry = new WaitingListEntry
        {
            CourseId = courseId, RunId = runId, ParticipantId = participantId, DistrictIds = districtIds, DayParts = dayParts, Sequence = sequence,
            Status = WaitingStatus.Waiting, JoinedAt = now,
        };
        db.WaitingListEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    /// <summary>Seats taken: confirmed (and finished) enrolments plus seats held by open offers.</summary>
    private async Task<int> TakenAsync(int runId) =>
        await db.Enrolments.CountAsync(e => e.RunId == runId && RunOccupancyQueries.SeatHolding.Contains(e.Status))
        + await db.SeatOffers.CountAsync(o => o.RunId == runId && o.Status == SeatOfferStatus.Open);

    private async Task<List<WaitingListEntry>> ActiveEntriesAsync(int courseId, bool tracked = true)
    {
        var query = db.WaitingListEntries.Where(e => e.CourseId == courseId && OnList.Contains(e.Status));
        return await (tracked ? query : query.AsNoTracking()).OrderBy(e => e.Sequence).ThenBy(e => e.Id).ToListAsync();
    }

    private bool IsOpen(CourseRun run) => run.Status == CourseRunStatus.Planned && run.EndsOn >= town.Today();

    private static bool FitsRun(WaitingListEntry entry, CourseRun run) =>
        CourseRules.Fits(entry.DistrictIds, entry.DayParts, run.IsOnline ? null : run.DistrictId, run.DayParts);

    /// <summary>1 + the entries still waiting ahead of it for what it waits for (one run: that run's fitting queue; any run: the course's).</summary>
    private static int PositionOf(WaitingListEntry entry, IEnumerable<WaitingListEntry> entries, CourseRun? run) =>
        1 + entries.Count(e => e.Id != entry.Id && e.Status == WaitingStatus.Waiting && (e.Sequence, e.Id).CompareTo((entry.Sequence, entry.Id)) < 0
            && (run is null || e.RunId == run.Id || e.RunId is null && FitsRun(e, run)));

    private async Task<SeatResult> InRunAsync(int runId, Func<CourseRun, DateTimeOffset, Task<SeatResult>> work)
    {
        var courseId = await db.CourseRuns.Where(r => r.Id == runId).Select(r => (int?)r.CourseId).SingleOrDefaultAsync();
        return courseId is null
            ? new SeatResult(SeatOutcome.NotOpen)
            : await InCourseAsync(courseId.Value, async now => await work(await db.CourseRuns.SingleAsync(r => r.Id == runId), now));
    }

    /// <summary>
    /// One transaction under the course's lock, retried when the database reports a conflict or a busy lock (the
    /// tracked rows of the failed attempt are dropped, so the retry reads afresh). Inside a caller's transaction (a
    /// one-click link redeems its token in the same one) it joins that and the caller retries.
    /// </summary>
    private async Task<T> InCourseAsync<T>(int courseId, Func<DateTimeOffset, Task<T>> work)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await BumpAsync(courseId);
            var joined = await work(clock.GetUtcNow());
            await db.SaveChangesAsync();
            return joined;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await BumpAsync(courseId);
                // Rows tracked before the lock may be stale; everything below reads them again under it.
                db.ChangeTracker.Clear();
                var result = await work(clock.GetUtcNow());
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                return result;
            }
            catch (Exception e) when (attempt < Attempts && SerializableWork.IsConflict(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(10, 40) * attempt);
            }
        }
    }

    private Task<int> BumpAsync(int courseId) =>
        db.Courses.Where(c => c.Id == courseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.WaitingSequence, c => c.WaitingSequence + 1));
}

/// <summary>What the reader is told after a seat change, as a resource key of the seats block.</summary>
public static class SeatMessages
{
    public static string KeyOf(SeatResult result) => "Seats_Outcome_" + result.Outcome;
}
