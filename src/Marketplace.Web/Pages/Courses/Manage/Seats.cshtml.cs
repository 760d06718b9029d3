using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>
/// A run's seat desk for its managers (CourseAccess: the provider's admins, the office; also at
/// /coordination/courses/runs/{runId}/seats, which leads here): who is seated, the waiting list in order with open offers, capacity,
/// cancelling the run, and enrolling someone (a member, a person by reference code, or a new person without account).
/// Every action on a person is audit-logged in the same transaction as the seat change.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class SeatsModel(AppDbContext db, CourseAccess access, CourseSeats seats, CourseParticipants participants, AuditLog audit,
    CurrentMember member, IStringLocalizer<SharedResource> l) : PageModel
{
    private const int Attempts = 6;

    public sealed record RunView(int Id, int CourseId, string Title, DateOnly StartsOn, DateOnly EndsOn, int? DistrictId, bool IsOnline, DayParts DayParts,
        int MaxParticipants, CourseRunStatus Status, string? CancelReason);

    public sealed record Person(string Name, string? Contact, string? ReferenceCode);

    public sealed record SeatedRow(int EnrolmentId, Person Person, DateTimeOffset EnrolledAt);

    public sealed record WaitingRow(int EntryId, int? Position, Person Person, bool AnyRun, DateTimeOffset? OfferExpiresAt);

    public RunView Run { get; private set; } = null!;
    public IReadOnlyList<SeatedRow> Seated { get; private set; } = [];
    public IReadOnlyList<WaitingRow> Waiting { get; private set; } = [];
    public int OpenOffers { get; private set; }

    public string? Login { get; set; }
    public string? Code { get; set; }
    public string? NewName { get; set; }
    public string? NewContact { get; set; }
    public string NewCulture { get; set; } = Cultures.Default;
    public int? Capacity { get; set; }
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int runId) => await LoadAsync(runId) ? Page() : NotFound();

    public Task<IActionResult> OnPostCancelAsync(int runId, int enrolment) =>
        OnEnrolmentAsync(runId, enrolment, () => seats.CancelEnrolmentAsync(enrolment, byManager: true), AuditAction.CancelledEnrolment);

    public Task<IActionResult> OnPostNoShowAsync(int runId, int enrolment) =>
        OnEnrolmentAsync(runId, enrolment, () => seats.RemoveNoShowAsync(enrolment), AuditAction.RemovedNoShow);

    public async Task<IActionResult> OnPostCapacityAsync(int runId, int? capacity)
    {
        if (!await LoadAsync(runId))
        {
            return NotFound();
        }

        Capacity = capacity;
        if (capacity is not ({ } max and >= 1 and <= CourseRun.MaxParticipantsLimit))
        {
            return Refuse(nameof(Capacity), l["Seats_DeskCapacityInvalid", 1, CourseRun.MaxParticipantsLimit]);
        }

        var result = await AuditedAsync(() => seats.ChangeCapacityAsync(runId, max), AuditAction.ChangedCapacity, "run", runId, $"{Run.MaxParticipants} -> {max}");
        return result.Outcome == SeatOutcome.BelowTaken
            ? Refuse(nameof(Capacity), l["Seats_Outcome_BelowTaken"])
            : Done(runId, result);
    }

    public async Task<IActionResult> OnPostCancelRunAsync(int runId, string? reason)
    {
        if (!await LoadAsync(runId))
        {
            return NotFound();
        }

        Reason = reason;
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > CourseRun.CancelReasonMaxLength)
        {
            return Refuse(nameof(Reason), l["Seats_DeskReasonInvalid", CourseRun.CancelReasonMaxLength]);
        }

        var result = await AuditedAsync(() => seats.CancelRunAsync(runId, reason), AuditAction.CancelledRun, "run", runId, reason.Trim());
        return Done(runId, result);
    }

    public async Task<IActionResult> OnPostEnrolMemberAsync(int runId, string? login)
    {
        if (!await LoadAsync(runId))
        {
            return NotFound();
        }

        Login = login;
        var typed = login?.Trim() ?? "";
        var user = typed.Length == 0 ? null : await db.Memberships
            .Where(m => m.User!.UserName == typed || m.User.NormalizedEmail == typed.ToUpperInvariant())
            .Select(m => new { m.UserId, m.User!.PreferredCulture })
            .FirstOrDefaultAsync();
        if (user is null)
        {
            return Refuse(nameof(Login), l["Seats_DeskUnknownMember"]);
        }

        var participant = await participants.ForMemberAsync(user.UserId, Cultures.IsSupported(user.PreferredCulture) ? user.PreferredCulture! : Cultures.Default);
        return await EnrolAsync(runId, participant.Id, null);
    }

    public async Task<IActionResult> OnPostEnrolCodeAsync(int runId, string? code)
    {
        if (!await LoadAsync(runId))
        {
            return NotFound();
        }

        Code = code;
        var participant = string.IsNullOrWhiteSpace(code) ? null : await participants.ForReferenceCodeAsync(code, member.UserId!);
        return participant is null
            ? Refuse(nameof(Code), l["Seats_DeskUnknownCode"])
            : await EnrolAsync(runId, participant.Id, null);
    }

    public async Task<IActionResult> OnPostEnrolNewAsync(int runId, string? newName, string? newContact, string? newCulture)
    {
        if (!await LoadAsync(runId))
        {
            return NotFound();
        }

        (NewName, NewContact, NewCulture) = (newName, newContact, newCulture ?? Cultures.Default);
        if (string.IsNullOrWhiteSpace(newName) || newName.Trim().Length > CourseParticipant.NameMaxLength)
        {
            ModelState.AddModelError(nameof(NewName), l["Seats_DeskNameInvalid", CourseParticipant.NameMaxLength]);
        }

        if (newContact?.Trim().Length > CourseParticipant.ContactMaxLength)
        {
            ModelState.AddModelError(nameof(NewContact), l["Seats_DeskContactInvalid", CourseParticipant.ContactMaxLength]);
        }

        if (!Cultures.IsSupported(newCulture))
        {
            ModelState.AddModelError(nameof(NewCulture), l["Validation_Invalid"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var participant = await participants.RecordWithoutAccountAsync(newName!, newContact, newCulture!, member.UserId!);
        return await EnrolAsync(runId, participant.Id, l["Seats_DeskCodeNew", participant.ReferenceCode!].Value);
    }

    private async Task<IActionResult> EnrolAsync(int runId, int participantId, string? note)
    {
        var result = await AuditedAsync(() => seats.EnrolAsync(runId, participantId, member.UserId), AuditAction.EnrolledSomeone, "run", runId,
            $"participant {participantId}");
        var message = result.Position is { } position ? l[SeatMessages.KeyOf(result), position].Value : l[SeatMessages.KeyOf(result)].Value;
        TempData[HtmxResults.StatusKey] = note is null ? message : $"{message} {note}";
        return RedirectToPage(new { runId });
    }

    private async Task<IActionResult> OnEnrolmentAsync(int runId, int enrolmentId, Func<Task<SeatResult>> act, AuditAction action)
    {
        if (!await LoadAsync(runId) || !await db.Enrolments.AnyAsync(e => e.Id == enrolmentId && e.RunId == runId))
        {
            return NotFound();
        }

        return Done(runId, await AuditedAsync(act, action, "enrolment", enrolmentId, null));
    }

    private IActionResult Done(int runId, SeatResult result)
    {
        TempData[HtmxResults.StatusKey] = l[SeatMessages.KeyOf(result)].Value;
        return RedirectToPage(new { runId });
    }

    private PageResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return this.InvalidForm();
    }

    /// <summary>The seat change and its audit entry in one transaction (CourseSeats joins it); retried on a conflict or busy lock.</summary>
    private async Task<SeatResult> AuditedAsync(Func<Task<SeatResult>> act, AuditAction action, string subjectType, int subjectId, string? detail)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var result = await act();
                if (result.Outcome is SeatOutcome.Seated or SeatOutcome.Waiting or SeatOutcome.Done)
                {
                    audit.Record(action, subjectType, subjectId, detail);
                    await db.SaveChangesAsync();
                }

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

    private async Task<bool> LoadAsync(int runId)
    {
        if (await access.ForRunAsync(runId) != CourseAccessLevel.Manager)
        {
            return false;
        }

        Run = await db.CourseRuns.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new RunView(r.Id, r.CourseId, r.Course!.Title, r.StartsOn, r.EndsOn, r.DistrictId, r.IsOnline, r.DayParts, r.MaxParticipants, r.Status, r.CancelReason))
            .SingleAsync();
        Capacity ??= Run.MaxParticipants;
        Seated = (await db.Enrolments.AsNoTracking().Where(e => e.RunId == runId && e.Status == EnrolmentStatus.Confirmed).OrderBy(e => e.EnrolledAt)
                .Select(e => new
                {
                    e.Id, e.EnrolledAt, e.Participant!.Name, e.Participant.Contact, e.Participant.ReferenceCode,
                    UserName = e.Participant.User!.UserName, e.Participant.User.Email,
                })
                .ToListAsync())
            .Select(e => new SeatedRow(e.Id, PersonOf(e.UserName, e.Email, e.Name, e.Contact, e.ReferenceCode), e.EnrolledAt)).ToList();

        var offers = await db.SeatOffers.AsNoTracking().Where(o => o.RunId == runId && o.Status == SeatOfferStatus.Open)
            .Select(o => new { o.WaitingListEntryId, o.ExpiresAt }).ToDictionaryAsync(o => o.WaitingListEntryId, o => o.ExpiresAt);
        OpenOffers = offers.Count;
        var entries = await db.WaitingListEntries.AsNoTracking().Where(w => w.CourseId == Run.CourseId && CourseSeats.OnList.Contains(w.Status))
            .OrderBy(w => w.Sequence).ThenBy(w => w.Id)
            .Select(w => new
            {
                w.Id, w.RunId, w.DistrictIds, w.DayParts, w.Status, w.Participant!.Name, w.Participant.Contact, w.Participant.ReferenceCode,
                UserName = w.Participant.User!.UserName, w.Participant.User.Email,
            })
            .ToListAsync();
        var position = 0;
        Waiting = entries
            .Where(w => offers.ContainsKey(w.Id) || w.Status == WaitingStatus.Waiting
                && (w.RunId == runId || w.RunId is null && CourseRules.Fits(w.DistrictIds, w.DayParts, Run.IsOnline ? null : Run.DistrictId, Run.DayParts)))
            .Select(w => new WaitingRow(w.Id, offers.ContainsKey(w.Id) ? null : ++position, PersonOf(w.UserName, w.Email, w.Name, w.Contact, w.ReferenceCode),
                w.RunId is null, offers.TryGetValue(w.Id, out var expires) ? expires : null))
            .ToList();
        return true;
    }

    private static Person PersonOf(string? userName, string? email, string? name, string? contact, string? code) =>
        userName is not null ? new Person(userName, email, null) : new Person(name ?? "", contact, code);
}
