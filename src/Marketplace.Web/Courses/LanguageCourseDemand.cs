using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Mail;
using Marketplace.Web.Resources;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Courses;

/// <summary>What a person (or the office for them) tells the interest register.</summary>
public sealed record InterestInput(LanguageCourseType CourseType, CefrLevel? CurrentLevel, bool LevelAssessed, int? DistrictId, DayParts DayParts,
    bool ChildcareNeeded, DateOnly Since, string? Note);

/// <summary>Open interest of one course type in one district (null: no district given), by day part, with childcare need.</summary>
public sealed record DemandRow(LanguageCourseType CourseType, int? DistrictId, int Open, int Morning, int Afternoon, int Evening, int Weekend,
    int Childcare, int GroupSize)
{
    public bool Reached => Open >= GroupSize;
}

public enum InterestOutcome
{
    Done,
    NotFound,
    NotAllowed,
    RunDoesNotFit,
}

/// <summary>
/// The central interest register for language courses: recording interest, the demand by type × district × day part,
/// referring a person to a provider's run (the office refers, it does not assign) and following them through, and the
/// office's notice "a course could start here" once per rise of a type's open interest in a district to its group size.
/// </summary>
public sealed class LanguageCourseDemand(AppDbContext db, AuditLog audit, TownMail mail, TenantLinks links, ITenantContext tenant,
    IStringLocalizer<SharedResource> resources, TimeProvider clock)
{
    // User text (names, titles) in mail is isolated: FSI/PDI in the text part and subject, <bdi> in the HTML part.
    private readonly IsolatingLocalizer _l = new(resources);

    /// <summary>The steps an entry may take after its referral, and withdrawing, which any open step may.</summary>
    public static bool CanMove(InterestStatus from, InterestStatus to) => (from, to) switch
    {
        (InterestStatus.Completed or InterestStatus.Withdrawn, _) => false,
        (_, InterestStatus.Withdrawn) => true,
        (InterestStatus.Referred, InterestStatus.Registered) => true,
        (InterestStatus.Registered, InterestStatus.Started) => true,
        (InterestStatus.Started, InterestStatus.Completed) => true,
        // A referral that did not work out puts the person back on the list, where they keep their place by "since".
        (InterestStatus.Referred, InterestStatus.Open) => true,
        _ => false,
    };

    /// <summary>The next step after <paramref name="status"/> along referral → registration → start → completion, if any.</summary>
    public static InterestStatus? NextStep(InterestStatus status) => status switch
    {
        InterestStatus.Referred => InterestStatus.Registered,
        InterestStatus.Registered => InterestStatus.Started,
        InterestStatus.Started => InterestStatus.Completed,
        _ => null,
    };

    public async Task<LanguageCourseInterest> RecordAsync(int participantId, InterestInput input, string actorUserId)
    {
        var now = clock.GetUtcNow();
        var interest = new LanguageCourseInterest
        {
            ParticipantId = participantId, CourseType = input.CourseType, CurrentLevel = input.CurrentLevel, LevelAssessed = input.LevelAssessed,
            DistrictId = input.DistrictId, DayParts = input.DayParts, ChildcareNeeded = input.ChildcareNeeded, Since = input.Since,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), Status = InterestStatus.Open, StatusChangedAt = now,
            RecordedByUserId = actorUserId, CreatedAt = now,
        };
        db.LanguageCourseInterests.Add(interest);
        await db.SaveChangesAsync();
        audit.Record(AuditAction.RecordedInterest, "interest", interest.Id, $"{input.CourseType}", actorUserId);
        await CheckGroupAsync(input.CourseType, input.DistrictId);
        await db.SaveChangesAsync();
        return interest;
    }

    /// <summary>Refers an open entry to a planned run of a language course of its type.</summary>
    public async Task<InterestOutcome> ReferAsync(int id, int runId, string actorUserId)
    {
        var interest = await db.LanguageCourseInterests.SingleOrDefaultAsync(i => i.Id == id);
        if (interest is null)
        {
            return InterestOutcome.NotFound;
        }

        if (interest.Status is not (InterestStatus.Open or InterestStatus.Referred))
        {
            return InterestOutcome.NotAllowed;
        }

        var fits = await db.CourseRuns.AnyAsync(r => r.Id == runId && r.Status == CourseRunStatus.Planned && !r.Course!.IsWithdrawn
                                                     && r.Course.Kind == CourseKind.LanguageCourse && r.Course.LanguageCourseType == interest.CourseType);
        if (!fits)
        {
            return InterestOutcome.RunDoesNotFit;
        }

        interest.Status = InterestStatus.Referred;
        interest.ReferredRunId = runId;
        interest.StatusChangedAt = clock.GetUtcNow();
        audit.Record(AuditAction.ChangedInterest, "interest", id, $"referred to run {runId}", actorUserId);
        await db.SaveChangesAsync();
        await CheckGroupAsync(interest.CourseType, interest.DistrictId);
        await db.SaveChangesAsync();
        return InterestOutcome.Done;
    }

    /// <summary>Moves an entry one step (or withdraws it); <paramref name="ownParticipantId"/> limits a member to their own entries.</summary>
    public async Task<InterestOutcome> MoveAsync(int id, InterestStatus to, string actorUserId, int? ownParticipantId = null)
    {
        var interest = await db.LanguageCourseInterests.SingleOrDefaultAsync(i => i.Id == id && (ownParticipantId == null || i.ParticipantId == ownParticipantId));
        if (interest is null)
        {
            return InterestOutcome.NotFound;
        }

        if (!CanMove(interest.Status, to) || (ownParticipantId is not null && to != InterestStatus.Withdrawn))
        {
            return InterestOutcome.NotAllowed;
        }

        audit.Record(AuditAction.ChangedInterest, "interest", id, $"{interest.Status} → {to}", actorUserId);
        interest.Status = to;
        interest.StatusChangedAt = clock.GetUtcNow();
        if (to == InterestStatus.Open)
        {
            interest.ReferredRunId = null;
        }

        await db.SaveChangesAsync();
        await CheckGroupAsync(interest.CourseType, interest.DistrictId);
        await db.SaveChangesAsync();
        return InterestOutcome.Done;
    }

    /// <summary>The town's minimum group size per type: its own where set, else the BAMF default.</summary>
    public async Task<Dictionary<LanguageCourseType, int>> GroupSizesAsync()
    {
        var own = await db.LanguageCourseGroupSizes.AsNoTracking().ToDictionaryAsync(g => g.CourseType, g => g.MinimumParticipants);
        return Enum.GetValues<LanguageCourseType>().ToDictionary(t => t, t => own.TryGetValue(t, out var size) ? size : CourseRules.DefaultGroupSize(t));
    }

    /// <summary>Open interest by type × district, counted per day part (a person free mornings and evenings counts in both).</summary>
    public async Task<IReadOnlyList<DemandRow>> AggregateAsync()
    {
        var sizes = await GroupSizesAsync();
        var open = await db.LanguageCourseInterests.AsNoTracking().Where(i => i.Status == InterestStatus.Open)
            .Select(i => new { i.CourseType, i.DistrictId, i.DayParts, i.ChildcareNeeded }).ToListAsync();
        return open.GroupBy(i => (i.CourseType, i.DistrictId))
            .Select(g => new DemandRow(g.Key.CourseType, g.Key.DistrictId, g.Count(),
                g.Count(i => i.DayParts.HasFlag(DayParts.Morning)), g.Count(i => i.DayParts.HasFlag(DayParts.Afternoon)),
                g.Count(i => i.DayParts.HasFlag(DayParts.Evening)), g.Count(i => i.DayParts.HasFlag(DayParts.Weekend)),
                g.Count(i => i.ChildcareNeeded), sizes[g.Key.CourseType]))
            .OrderByDescending(r => r.Reached).ThenByDescending(r => r.Open).ThenBy(r => r.CourseType).ToList();
    }

    /// <summary>Checks every group (after a group size changed, and daily); returns how many notices were queued.</summary>
    public async Task<int> NotifyReachedAsync()
    {
        var groups = await db.LanguageCourseInterests.AsNoTracking().Where(i => i.Status == InterestStatus.Open)
            .Select(i => new { i.CourseType, i.DistrictId }).Distinct().ToListAsync();
        var sent = 0;
        foreach (var group in groups)
        {
            sent += await CheckGroupAsync(group.CourseType, group.DistrictId);
        }

        await db.SaveChangesAsync();
        return sent;
    }

    /// <summary>
    /// One group's notice, added to the caller's save: told once when its open interest reaches the group size, the
    /// mark kept on every open entry while it stays there, and cleared when it falls below.
    /// </summary>
    private async Task<int> CheckGroupAsync(LanguageCourseType type, int? districtId)
    {
        var open = await db.LanguageCourseInterests.Where(i => i.Status == InterestStatus.Open && i.CourseType == type && i.DistrictId == districtId).ToListAsync();
        var size = (await GroupSizesAsync())[type];
        if (open.Count < size)
        {
            open.ForEach(i => i.InDemandNotice = false);
            return 0;
        }

        var told = open.Any(i => i.InDemandNotice);
        open.ForEach(i => i.InDemandNotice = true);
        return told ? 0 : await TellOfficeAsync(type, districtId, open.Count, size, open.Max(i => i.Id));
    }

    private async Task<int> TellOfficeAsync(LanguageCourseType type, int? districtId, int count, int size, int newest)
    {
        var town = tenant.Tenant!;
        var district = districtId is null ? null : await db.Districts.Where(d => d.Id == districtId).Select(d => d.Name).SingleOrDefaultAsync();
        var office = await db.Memberships.AsNoTracking().Where(m => m.Role >= TownRole.Coordinator && m.BlockedAt == null).Select(m => m.UserId).ToListAsync();
        var sent = 0;
        foreach (var userId in office)
        {
            if (await MailRecipient.FindAsync(db, userId) is not { } person)
            {
                continue;
            }

            var key = $"language-demand:{type}:{districtId ?? 0}:{newest}:{size}:{userId}";
            if (await mail.QueueAsync(person.Email, person.Culture ?? town.DefaultCulture, "language-demand", key, () =>
                {
                    object where = district is null ? _l["Quals_Interest_NoDistrict"] : district;
                    return new MailContent(_l["Quals_Interest_NoticeSubject", _l["Quals_Interest_Type_" + type], where], _l["Digest_Greeting", person.UserName],
                        [_l["Quals_Interest_NoticeIntro", count, _l["Quals_Interest_Type_" + type], where, size], _l["Quals_Interest_NoticeNext"]])
                    {
                        Action = new MailLink(_l["Quals_Interest_NoticeOpen"], links.TownUrl(town.Slug, "/coordination/courses/interest")),
                    };
                }))
            {
                sent++;
            }
        }

        return sent;
    }
}
