using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Matching;

/// <summary>A ranked candidate with what the office needs to show it.</summary>
public sealed record Suggestion(CandidateKind Kind, int Id, string Label, string? UserName, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Ranks a request's candidates (the offers and volunteers <see cref="MatchEligibility"/> lets through) with
/// <see cref="MatchScoring"/>: the rules decide who may help, the pure function how well.
/// </summary>
public sealed class MatchCandidates(AppDbContext db, MatchEligibility eligibility)
{
    public const int Top = 10;

    private static readonly IReadOnlyList<string> KnownLanguages = SpokenLanguages.All.Select(l => l.Code).ToList();

    public async Task<IReadOnlyList<Suggestion>> ForRequestAsync(MatchRequestFacts request)
    {
        var (family, helpers) = await eligibility.CandidatesAsync(request);
        var neighbours = (await db.Districts.AsNoTracking().Where(d => d.Id == request.DistrictId).Select(d => d.NeighbourIds).SingleOrDefaultAsync() ?? [])
            .ToHashSet();
        var track = await TrackRecordsAsync(helpers.Select(h => h.UserId).Distinct().ToList());

        int[] WithParents(IEnumerable<int> ids) =>
            ids.SelectMany(id => family.ParentOf.GetValueOrDefault(id) is { } parent ? new[] { id, parent } : [id]).Distinct().ToArray();
        ulong Languages(IEnumerable<string> codes) => LanguageMask.Of(codes, KnownLanguages);

        var candidates = helpers.Select(h => new MatchCandidate(h.Kind, h.Id, WithParents(h.CategoryIds), h.DistrictIds, Languages(h.Languages), h.From,
            h.Until, h.PlacesLeft, h.VerifiedOrganisation, h.Cleared, track.GetValueOrDefault(h.UserId).Completed, track.GetValueOrDefault(h.UserId).Finished));
        var need = new MatchNeed(request.CategoryId, request.ParentCategoryId, request.DistrictId, Languages(SpokenLanguages.Unpack(request.Languages)),
            request.From, request.Until, family.RequiresClearance);
        var byKey = helpers.ToDictionary(h => (h.Kind, h.Id));
        return MatchScoring.Rank(need, candidates, neighbours, Top)
            .Select(s => byKey[(s.Candidate.Kind, s.Candidate.Id)] is var helper && helper.Kind == CandidateKind.Offer
                ? new Suggestion(CandidateKind.Offer, helper.Id, helper.Label, null, s.Score, s.Reasons)
                : new Suggestion(CandidateKind.Volunteer, helper.Id, helper.Label, helper.Label, s.Score, s.Reasons))
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
