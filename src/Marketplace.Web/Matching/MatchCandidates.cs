using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Matching;

/// <summary>A ranked candidate with what the office needs to show it.</summary>
public sealed record Suggestion(CandidateKind Kind, int Id, string Label, string? UserName, int Score, IReadOnlyList<MatchReason> Reasons)
{
    /// <summary>Required qualifications that lapse soon after the task ("Erste Hilfe läuft am … ab").</summary>
    public IReadOnlyList<QualificationNote> Qualifications { get; init; } = [];
}

/// <summary>A required qualification as the suggestions name it: missing (no date), or lapsing on a day.</summary>
public sealed record QualificationNote(string Name, DateOnly? LapsesOn);

/// <summary>A helper who would fit but is held back for a required qualification, with the reasons.</summary>
public sealed record HeldBackHelper(CandidateKind Kind, int Id, string Label, IReadOnlyList<QualificationNote> Reasons);

/// <summary>
/// Ranks a request's candidates (the offers and volunteers <see cref="MatchEligibility"/> lets through) with
/// <see cref="MatchScoring"/>: the rules decide who may help, the pure function how well.
/// </summary>
public sealed class MatchCandidates(AppDbContext db, MatchEligibility eligibility)
{
    public const int Top = 10;

    private static readonly IReadOnlyList<string> KnownLanguages = SpokenLanguages.All.Select(l => l.Code).ToList();

    public async Task<IReadOnlyList<Suggestion>> ForRequestAsync(MatchRequestFacts request) => (await WithHeldBackAsync(request)).Suggestions;

    /// <summary>The ranked suggestions, and the helpers left out only for a qualification the category requires.</summary>
    public async Task<(IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<HeldBackHelper> HeldBack)> WithHeldBackAsync(MatchRequestFacts request)
    {
        var (family, helpers, heldBack) = await eligibility.CandidatesAsync(request);
        var names = family.RequiredQualificationIds.Count == 0
            ? []
            : (await db.Qualifications.AsNoTracking().Where(q => family.RequiredQualificationIds.Contains(q.Id)).Select(q => new { q.Id, q.Names }).ToListAsync())
            .ToDictionary(q => q.Id, q => q.Names.In(CultureInfo.CurrentUICulture.Name));
        string Name(int id) => names.GetValueOrDefault(id) ?? "";
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
        var suggestions = MatchScoring.Rank(need, candidates, neighbours, Top)
            .Select(s => byKey[(s.Candidate.Kind, s.Candidate.Id)] is var helper && helper.Kind == CandidateKind.Offer
                ? new Suggestion(CandidateKind.Offer, helper.Id, helper.Label, null, s.Score, s.Reasons) { Qualifications = Notes(helper) }
                : new Suggestion(CandidateKind.Volunteer, helper.Id, helper.Label, helper.Label, s.Score, s.Reasons) { Qualifications = Notes(helper) })
            .ToList();
        var held = heldBack.OrderBy(h => h.Label, StringComparer.CurrentCulture).Take(Top)
            .Select(h => new HeldBackHelper(h.Kind, h.Id, h.Label, h.Shortfalls.Select(f => new QualificationNote(Name(f.QualificationId), f.LapsesOn)).ToList()))
            .ToList();
        return (suggestions, held);

        IReadOnlyList<QualificationNote> Notes(MatchHelper helper) => helper.Lapsing.Select(q => new QualificationNote(Name(q.QualificationId), q.LapsesOn)).ToList();
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
