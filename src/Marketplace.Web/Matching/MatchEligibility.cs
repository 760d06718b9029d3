using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Marketplace.Web.Localization;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Matching;

/// <summary>When a helper is checked against the rules.</summary>
public enum MatchMoment
{
    /// <summary>The office's list of suggestions.</summary>
    Suggest,

    /// <summary>A coordinator proposes the helper for a request.</summary>
    Propose,

    /// <summary>A side says yes to the proposal.</summary>
    Accept,

    /// <summary>The first day of the accepted match's work.</summary>
    WindowStart,
}

/// <summary>Why a helper may not be suggested, proposed or go ahead; <see cref="None"/> when they may.</summary>
public enum Ineligibility
{
    None,

    /// <summary>No such offer or volunteer in the town.</summary>
    NotFound,

    /// <summary>The helper posted the request themselves.</summary>
    OwnRequest,

    /// <summary>The office blocked the helper's membership.</summary>
    HelperBlocked,

    /// <summary>The offer or the volunteer's skills are of another category family.</summary>
    OtherCategory,

    /// <summary>The category requires a valid police clearance and the helper has none (or it lapsed).</summary>
    ClearanceMissing,

    /// <summary>The volunteer paused their profile or withdrew it.</summary>
    VolunteerPaused,

    /// <summary>The offer is no longer what the public may see (paused, closed, past its end, hidden).</summary>
    OfferWithdrawn,

    /// <summary>The offer has no place left.</summary>
    NoPlaceLeft,

    /// <summary>The helper was proposed for this request before (they answered, or still may).</summary>
    ProposedBefore,

    /// <summary>The category requires a qualification the helper lacks, or whose grant does not hold on the days of the work.</summary>
    QualificationMissing,
}

/// <summary>What a request asks for, as the rules and the ranking read it.</summary>
public sealed record MatchRequestFacts(int Id, string PosterUserId, int CategoryId, int? ParentCategoryId, int DistrictId, string Languages,
    DateOnly? From, DateOnly? Until)
{
    /// <summary>
    /// The days a required qualification must hold: the request's window from today on (a window that began counts from
    /// today), its first day when it has no end, today when it has no window at all.
    /// </summary>
    public (DateOnly First, DateOnly Last) TaskDays(DateOnly today)
    {
        var first = From is { } from && from > today ? from : today;
        var last = Until is { } until && until > first ? until : first;
        return (first, last);
    }

    public static Task<MatchRequestFacts?> LoadAsync(AppDbContext db, int requestId) =>
        db.Listings.AsNoTracking().Where(l => l.Id == requestId && l.Type == ListingType.Request)
            .Select(l => new MatchRequestFacts(l.Id, l.PosterUserId, l.CategoryId, l.Category!.ParentId, l.DistrictId, l.Languages, l.AvailableFrom,
                l.AvailableUntil))
            .SingleOrDefaultAsync();
}

/// <summary>The request's category, its parent and their other children, and whether helpers need a clearance for it.</summary>
public sealed record MatchFamily(IReadOnlySet<int> CategoryIds, bool RequiresClearance, IReadOnlyDictionary<int, int?> ParentOf)
{
    /// <summary>The qualifications the request's category and its parent require of helpers (Courses: CategoryQualification).</summary>
    public IReadOnlyList<int> RequiredQualificationIds { get; init; } = [];
}

/// <summary>
/// An offer or a registered volunteer with what the rules and the ranking need. <see cref="Listed"/> is "the public may
/// see the offer" (<see cref="ListingVisibility"/>) or "the volunteer is available"; <see cref="Label"/> the offer's
/// title or the volunteer's user name.
/// </summary>
public sealed record MatchHelper(CandidateKind Kind, int Id, string UserId, string Label, int[] CategoryIds, int[] DistrictIds,
    IReadOnlyList<string> Languages, DateOnly? From, DateOnly? Until, int? PlacesLeft, bool VerifiedOrganisation, bool Listed, bool Hidden,
    bool Blocked, bool Cleared, bool ProposedBefore)
{
    /// <summary>Required qualifications the helper does not hold for the whole task (missing, or lapsing before its end).</summary>
    public IReadOnlyList<QualificationShortfall> Shortfalls { get; init; } = [];

    /// <summary>Required qualifications held for the task that lapse within six weeks after it: named beside the suggestion.</summary>
    public IReadOnlyList<QualificationLapsing> Lapsing { get; init; } = [];
}

/// <summary>
/// The one home of the rules that decide who may help with a request: the suggestions list only those who pass, a
/// proposal is refused for anyone else, a yes is not recorded once the helper stopped passing, and an accepted match is
/// checked again on the first day of its work (a clearance may lapse in between).
/// </summary>
public sealed class MatchEligibility(AppDbContext db, ITenantContext tenant, TownClock townClock, TimeProvider clock, QualificationGrants grants)
{
    /// <summary>The rule itself, free of I/O.</summary>
    public static Ineligibility Check(MatchRequestFacts request, MatchFamily family, MatchHelper helper, MatchMoment moment)
    {
        if (helper.UserId == request.PosterUserId)
        {
            return Ineligibility.OwnRequest;
        }

        if (helper.Blocked)
        {
            return Ineligibility.HelperBlocked;
        }

        if (!helper.CategoryIds.Any(family.CategoryIds.Contains))
        {
            return Ineligibility.OtherCategory;
        }

        if (family.RequiresClearance && !helper.Cleared)
        {
            return Ineligibility.ClearanceMissing;
        }

        if (helper.Shortfalls.Count > 0)
        {
            return Ineligibility.QualificationMissing;
        }

        if (helper.Kind == CandidateKind.Volunteer && !helper.Listed)
        {
            return Ineligibility.VolunteerPaused;
        }

        // Once both said yes the offer's place is held for this match, so its poster may close or fulfil it, and it may
        // pass its end; only the office hiding it (moderation) stops the work.
        if (helper.Kind == CandidateKind.Offer && (moment == MatchMoment.WindowStart ? helper.Hidden : !helper.Listed))
        {
            return Ineligibility.OfferWithdrawn;
        }

        // At the yes, the place is taken by one conditional update (MatchAcceptance), which is what decides under races.
        if (moment is MatchMoment.Suggest or MatchMoment.Propose)
        {
            if (helper.PlacesLeft <= 0)
            {
                return Ineligibility.NoPlaceLeft;
            }

            if (helper.ProposedBefore)
            {
                return Ineligibility.ProposedBefore;
            }
        }

        return Ineligibility.None;
    }

    /// <summary>Why a match ended, for a rule the helper stopped meeting.</summary>
    public static MatchEndReason EndReason(Ineligibility reason) => reason switch
    {
        Ineligibility.ClearanceMissing => MatchEndReason.ClearanceMissing,
        Ineligibility.HelperBlocked => MatchEndReason.HelperBlocked,
        Ineligibility.VolunteerPaused or Ineligibility.NotFound => MatchEndReason.VolunteerPaused,
        Ineligibility.OfferWithdrawn => MatchEndReason.OfferWithdrawn,
        Ineligibility.NoPlaceLeft => MatchEndReason.NoPlaceLeft,
        Ineligibility.OwnRequest => MatchEndReason.OwnRequest,
        Ineligibility.QualificationMissing => MatchEndReason.QualificationMissing,
        _ => MatchEndReason.OtherCategory,
    };

    /// <summary>
    /// Everyone who may be suggested for the request, with its category family; and those held back only for a required
    /// qualification, so the office sees why ("Kinderschutz fehlt").
    /// </summary>
    public async Task<(MatchFamily Family, IReadOnlyList<MatchHelper> Helpers, IReadOnlyList<MatchHelper> HeldBack)> CandidatesAsync(MatchRequestFacts request)
    {
        var family = await FamilyAsync(request);
        var helpers = await LoadAsync(request, family, null, null);
        return (family, helpers.Where(h => Check(request, family, h, MatchMoment.Suggest) == Ineligibility.None).ToList(),
            helpers.Where(h => h.Shortfalls.Count > 0 && Check(request, family, h with { Shortfalls = [] }, MatchMoment.Suggest) == Ineligibility.None)
                .ToList());
    }

    /// <summary>Whether a coordinator may propose this offer or volunteer (by profile id) for the request.</summary>
    public async Task<(Ineligibility Reason, MatchHelper? Helper)> ForProposalAsync(MatchRequestFacts request, CandidateKind kind, int candidateId)
    {
        var family = await FamilyAsync(request);
        var helper = (await LoadAsync(request, family, kind, candidateId)).SingleOrDefault();
        return helper is null ? (Ineligibility.NotFound, null) : (Check(request, family, helper, MatchMoment.Propose), helper);
    }

    /// <summary>Whether the helper of a proposed or accepted match still meets the rules at this moment.</summary>
    public async Task<Ineligibility> ForMatchAsync(int matchId, MatchMoment moment)
    {
        var match = await db.Matches.AsNoTracking().Where(m => m.Id == matchId)
            .Select(m => new
            {
                m.ListingId, m.OfferListingId,
                ProfileId = db.VolunteerProfiles.Where(v => v.UserId == m.VolunteerUserId).Select(v => (int?)v.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        var request = match is null ? null : await MatchRequestFacts.LoadAsync(db, match.ListingId);
        var (kind, id) = match?.OfferListingId is { } offer ? (CandidateKind.Offer, offer) : (CandidateKind.Volunteer, match?.ProfileId);
        if (request is null || id is null)
        {
            return Ineligibility.NotFound;
        }

        var family = await FamilyAsync(request);
        var helper = (await LoadAsync(request, family, kind, id)).SingleOrDefault();
        return helper is null ? Ineligibility.NotFound : Check(request, family, helper, moment);
    }

    private async Task<MatchFamily> FamilyAsync(MatchRequestFacts request)
    {
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.RequiresClearance }).ToListAsync();
        var top = request.ParentCategoryId ?? request.CategoryId;
        var required = await db.CategoryQualifications.AsNoTracking()
            .Where(c => c.CategoryId == request.CategoryId || c.CategoryId == request.ParentCategoryId)
            .Select(c => c.QualificationId).Distinct().ToListAsync();
        return new MatchFamily(
            categories.Where(c => c.Id == top || c.ParentId == top).Select(c => c.Id).ToHashSet(),
            categories.Any(c => (c.Id == request.CategoryId || c.Id == request.ParentCategoryId) && c.RequiresClearance),
            categories.ToDictionary(c => c.Id, c => c.ParentId))
        {
            RequiredQualificationIds = required,
        };
    }

    /// <summary>
    /// The helpers to judge: one offer or volunteer profile by id, or (kind null) the town's candidates for the request,
    /// narrowed in SQL to what the rules would let through anyway so a large town is not loaded whole.
    /// </summary>
    private async Task<List<MatchHelper>> LoadAsync(MatchRequestFacts request, MatchFamily family, CandidateKind? kind, int? id)
    {
        var now = clock.GetUtcNow();
        var familyIds = family.CategoryIds.ToList();
        var offers = db.Listings.AsNoTracking().Where(l => l.Type == ListingType.Offer);
        offers = kind switch
        {
            null => offers.WherePublic(now).Where(l => familyIds.Contains(l.CategoryId) && l.PosterUserId != request.PosterUserId),
            CandidateKind.Offer => offers.Where(l => l.Id == id),
            _ => offers.Where(l => false),
        };
        var offerRows = await offers.Select(l => new
        {
            l.Id, l.Title, l.CategoryId, l.DistrictId, l.Languages, l.AvailableFrom, l.AvailableUntil, l.Quantity, l.PosterUserId, l.Status,
            l.IsHidden, l.ExpiresAt, Verified = l.OrganisationId != null && l.Organisation!.Status == OrganisationStatus.Approved,
        }).ToListAsync();

        var profiles = db.VolunteerProfiles.AsNoTracking();
        profiles = kind switch
        {
            null => profiles.Where(v => v.IsAvailable && v.UserId != request.PosterUserId),
            CandidateKind.Volunteer => profiles.Where(v => v.Id == id),
            _ => profiles.Where(v => false),
        };
        var volunteerRows = (await profiles.Select(v => new { v.Id, v.UserId, v.User!.UserName, v.SkillCategoryIds, v.DistrictIds, v.Languages, v.IsAvailable })
                .ToListAsync())
            .Where(v => kind is not null || v.SkillCategoryIds.Any(family.CategoryIds.Contains))
            .ToList();

        var people = offerRows.Select(o => o.PosterUserId).Concat(volunteerRows.Select(v => v.UserId)).Distinct().ToList();
        if (people.Count == 0)
        {
            return [];
        }

        var blocked = (await db.Memberships.AsNoTracking().Where(m => people.Contains(m.UserId) && m.BlockedAt != null).Select(m => m.UserId).ToListAsync())
            .ToHashSet();
        var years = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ClearanceValidYears).SingleAsync();
        var today = townClock.Today();
        var cleared = (await db.PoliceClearances.AsNoTracking().Where(c => people.Contains(c.VolunteerUserId))
                .Select(c => new { c.VolunteerUserId, c.IssuedOn }).ToListAsync())
            .Where(c => ClearanceRules.IsValid(c.IssuedOn, years, today)).Select(c => c.VolunteerUserId).ToHashSet();
        // Qualifications are checked for the days of the work, not for today (a grant may lapse before the task begins).
        var held = family.RequiredQualificationIds.Count == 0 ? null : await grants.HeldByAsync(people);
        var includes = held is null ? null : await grants.IncludesAsync();
        var (first, last) = request.TaskDays(today);
        MatchHelper Qualified(MatchHelper helper) => held is null ? helper : helper with
        {
            Shortfalls = QualificationCoverage.Shortfalls(family.RequiredQualificationIds, held[helper.UserId].ToList(), includes!, first, last),
            Lapsing = QualificationCoverage.LapsingSoon(family.RequiredQualificationIds, held[helper.UserId].ToList(), includes!, first, last,
                CourseRules.LapseReminderDays),
        };
        var proposed = await db.Matches.AsNoTracking().Where(m => m.ListingId == request.Id).Select(m => new { m.OfferListingId, m.VolunteerUserId }).ToListAsync();
        var proposedOffers = proposed.Where(p => p.OfferListingId is not null).Select(p => p.OfferListingId!.Value).ToHashSet();
        var proposedVolunteers = proposed.Where(p => p.VolunteerUserId is not null).Select(p => p.VolunteerUserId!).ToHashSet();

        return offerRows.Select(o => new MatchHelper(CandidateKind.Offer, o.Id, o.PosterUserId, o.Title, [o.CategoryId], [o.DistrictId],
                SpokenLanguages.Unpack(o.Languages), o.AvailableFrom, o.AvailableUntil, o.Quantity, o.Verified,
                ListingVisibility.SightFor(new ListingFacts(o.Status, o.ExpiresAt, o.IsHidden, false, false, false), ListingReader.Anonymous, now)
                    != ListingSight.None,
                o.IsHidden, blocked.Contains(o.PosterUserId), cleared.Contains(o.PosterUserId), proposedOffers.Contains(o.Id)))
            .Concat(volunteerRows.Select(v => new MatchHelper(CandidateKind.Volunteer, v.Id, v.UserId, v.UserName ?? "", [.. v.SkillCategoryIds],
                [.. v.DistrictIds], VolunteerLanguages.Codes(v.Languages).ToList(), null, null, null, false, v.IsAvailable, false,
                blocked.Contains(v.UserId), cleared.Contains(v.UserId), proposedVolunteers.Contains(v.UserId))))
            .Select(Qualified)
            .ToList();
    }
}
