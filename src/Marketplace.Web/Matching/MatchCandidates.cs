using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Marketplace.Web.Localization;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Matching;

/// <summary>A ranked candidate with what the office needs to show it.</summary>
public sealed record Suggestion(CandidateKind Kind, int Id, string Label, string? UserName, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Loads a request's candidates (published offers and available volunteers of the same category family) and ranks them
/// with <see cref="MatchScoring"/>. The database narrows by category; the pure function decides.
/// </summary>
public sealed class MatchCandidates(AppDbContext db, ITenantContext tenant, TownClock townClock, TimeProvider clock)
{
    public const int Top = 10;

    private static readonly IReadOnlyList<string> KnownLanguages = SpokenLanguages.All.Select(l => l.Code).ToList();

    public sealed record RequestFacts(int Id, string PosterUserId, int CategoryId, int? ParentCategoryId, int DistrictId, string Languages,
        DateOnly? From, DateOnly? Until);

    public async Task<IReadOnlyList<Suggestion>> ForRequestAsync(RequestFacts request)
    {
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.RequiresClearance }).ToListAsync();
        var parentOf = categories.ToDictionary(c => c.Id, c => c.ParentId);
        var top = request.ParentCategoryId ?? request.CategoryId;
        var family = categories.Where(c => c.Id == top || c.ParentId == top).Select(c => c.Id).ToList();
        var requiresClearance = categories.Any(c => (c.Id == request.CategoryId || c.Id == request.ParentCategoryId) && c.RequiresClearance);
        var neighbours = (await db.Districts.AsNoTracking().Where(d => d.Id == request.DistrictId).Select(d => d.NeighbourIds).SingleOrDefaultAsync() ?? [])
            .ToHashSet();

        // Whoever was proposed for this request before is not suggested again (they answered, or still may).
        var proposed = await db.Matches.AsNoTracking().Where(m => m.ListingId == request.Id)
            .Select(m => new { m.OfferListingId, m.VolunteerUserId }).ToListAsync();
        var proposedOffers = proposed.Where(p => p.OfferListingId is not null).Select(p => p.OfferListingId!.Value).ToHashSet();
        var proposedVolunteers = proposed.Where(p => p.VolunteerUserId is not null).Select(p => p.VolunteerUserId!).ToHashSet();

        // What the public may see of offers (ListingVisibility): published, not hidden, not past its end.
        var offers = await db.Listings.AsNoTracking().WherePublic(clock.GetUtcNow())
            .Where(l => l.Type == ListingType.Offer && family.Contains(l.CategoryId) && l.PosterUserId != request.PosterUserId)
            .Select(l => new
            {
                l.Id, l.Title, l.CategoryId, l.DistrictId, l.Languages, l.AvailableFrom, l.AvailableUntil, l.Quantity, l.PosterUserId,
                Verified = l.OrganisationId != null && l.Organisation!.Status == OrganisationStatus.Approved,
            })
            .ToListAsync();
        var volunteers = (await db.VolunteerProfiles.AsNoTracking().Where(v => v.IsAvailable && v.UserId != request.PosterUserId)
                .Select(v => new { v.Id, v.UserId, v.User!.UserName, v.SkillCategoryIds, v.DistrictIds, v.Languages }).ToListAsync())
            .Where(v => v.SkillCategoryIds.Any(family.Contains) && !proposedVolunteers.Contains(v.UserId))
            .ToList();

        var people = offers.Select(o => o.PosterUserId).Concat(volunteers.Select(v => v.UserId)).Distinct().ToList();
        var years = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ClearanceValidYears).SingleAsync();
        var today = townClock.Today();
        var cleared = (await db.PoliceClearances.AsNoTracking().Where(c => people.Contains(c.VolunteerUserId))
                .Select(c => new { c.VolunteerUserId, c.IssuedOn }).ToListAsync())
            .Where(c => ClearanceRules.IsValid(c.IssuedOn, years, today)).Select(c => c.VolunteerUserId).ToHashSet();
        var track = await TrackRecordsAsync(people);

        int[] WithParents(IEnumerable<int> ids) =>
            ids.SelectMany(id => parentOf.GetValueOrDefault(id) is { } parent ? new[] { id, parent } : [id]).Distinct().ToArray();
        ulong Languages(IEnumerable<string> codes) => LanguageMask.Of(codes, KnownLanguages);

        var candidates = offers.Where(o => !proposedOffers.Contains(o.Id)).Select(o => new MatchCandidate(CandidateKind.Offer, o.Id,
                WithParents([o.CategoryId]), [o.DistrictId], Languages(SpokenLanguages.Unpack(o.Languages)), o.AvailableFrom, o.AvailableUntil,
                o.Quantity, o.Verified, cleared.Contains(o.PosterUserId), track.GetValueOrDefault(o.PosterUserId).Completed,
                track.GetValueOrDefault(o.PosterUserId).Finished))
            .Concat(volunteers.Select(v => new MatchCandidate(CandidateKind.Volunteer, v.Id, WithParents(v.SkillCategoryIds), [.. v.DistrictIds],
                Languages(VolunteerLanguages.Codes(v.Languages)), null, null, null, false, cleared.Contains(v.UserId),
                track.GetValueOrDefault(v.UserId).Completed, track.GetValueOrDefault(v.UserId).Finished)));

        var need = new MatchNeed(request.CategoryId, request.ParentCategoryId, request.DistrictId, Languages(SpokenLanguages.Unpack(request.Languages)),
            request.From, request.Until, requiresClearance);
        var offerTitles = offers.ToDictionary(o => o.Id, o => o.Title);
        var volunteerNames = volunteers.ToDictionary(v => v.Id, v => v.UserName!);
        return MatchScoring.Rank(need, candidates, neighbours, Top)
            .Select(s => s.Candidate.Kind == CandidateKind.Offer
                ? new Suggestion(CandidateKind.Offer, s.Candidate.Id, offerTitles[s.Candidate.Id], null, s.Score, s.Reasons)
                : new Suggestion(CandidateKind.Volunteer, s.Candidate.Id, volunteerNames[s.Candidate.Id], volunteerNames[s.Candidate.Id], s.Score, s.Reasons))
            .ToList();
    }

    /// <summary>Per person, how many of the matches they helped in were completed, of those that came to an end.</summary>
    private async Task<Dictionary<string, (int Completed, int Finished)>> TrackRecordsAsync(List<string> people)
    {
        var ended = new[] { MatchStatus.Completed, MatchStatus.Disputed, MatchStatus.NotHappened };
        var rows = await db.Matches.AsNoTracking().Where(m => m.Source == MatchSource.Coordination && ended.Contains(m.Status))
            .Select(m => new
            {
                m.Status,
                Helper = m.VolunteerUserId ?? db.Listings.Where(o => o.Id == m.OfferListingId).Select(o => o.PosterUserId).FirstOrDefault(),
            })
            .Where(m => m.Helper != null && people.Contains(m.Helper))
            .ToListAsync();
        return rows.GroupBy(r => r.Helper!)
            .ToDictionary(g => g.Key, g => (g.Count(r => r.Status == MatchStatus.Completed), g.Count()));
    }
}
