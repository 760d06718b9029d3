namespace Marketplace.Web.Domain;

/// <summary>Why a candidate fits a request; the UI words each reason from the resources ("MatchReason_" + name).</summary>
public enum MatchReason
{
    SameSubCategory,
    SameCategory,
    SameDistrict,
    NeighbouringDistrict,
    CommonLanguage,
    TimeOverlaps,
    CapacityLeft,
    VerifiedOrganisation,
    ClearancePresent,
    Reliable,
}

public enum CandidateKind
{
    Offer,
    Volunteer,
}

/// <summary>A request as the scoring reads it. Languages are a bit set (see <see cref="LanguageMask"/>) so 100,000 comparisons stay cheap.</summary>
public sealed record MatchNeed(int CategoryId, int? ParentCategoryId, int DistrictId, ulong Languages, DateOnly? From, DateOnly? Until,
    bool RequiresClearance);

/// <summary>
/// An offer or a registered volunteer. <see cref="CategoryIds"/> is the offer's category or the volunteer's skills;
/// <see cref="DistrictIds"/> the offer's district or the districts a volunteer covers. Null capacity means "not counted".
/// </summary>
public sealed record MatchCandidate(CandidateKind Kind, int Id, int[] CategoryIds, int[] DistrictIds, ulong Languages, DateOnly? From,
    DateOnly? Until, int? CapacityLeft, bool VerifiedOrganisation, bool HasValidClearance, int CompletedMatches, int FinishedMatches);

public sealed record MatchSuggestion(MatchCandidate Candidate, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Ranks candidates for a request. Pure: the coordination pages load the town's candidates, this decides. A candidate
/// that cannot help at all (no place left, another category entirely, a clearance the category requires but it lacks)
/// is left out; the rest are ordered by how closely the category fits (the same sub-category before the parent
/// category), then by score, then by id for a stable list.
/// </summary>
public static class MatchScoring
{
    public const int SubCategoryWeight = 30;
    public const int CategoryWeight = 15;
    public const int DistrictWeight = 25;
    public const int NeighbourWeight = 12;
    public const int LanguageWeight = 15;
    public const int TimeWeight = 10;
    public const int CapacityWeight = 5;
    public const int VerifiedWeight = 5;
    public const int ClearanceWeight = 10;
    public const int ReliabilityWeight = 10;

    /// <summary>Earlier matches needed before reliability counts: one outcome says little.</summary>
    public const int ReliabilityAfter = 2;

    public static IReadOnlyList<MatchSuggestion> Rank(MatchNeed need, IEnumerable<MatchCandidate> candidates, IReadOnlySet<int> neighbours, int top)
    {
        // A bounded heap keeps the best `top` without sorting everything: the lowest of those kept is dropped first.
        // The category fit leads the key: nearness, languages and the rest cannot lift a parent-category offer above one
        // that does exactly what was asked.
        var best = new PriorityQueue<MatchCandidate, (int Category, int Score, int NegativeId)>(top + 1);
        foreach (var candidate in candidates)
        {
            var score = Score(need, candidate, neighbours);
            if (score <= 0)
            {
                continue;
            }

            best.Enqueue(candidate, (CategoryFit(need, candidate), score, -candidate.Id));
            if (best.Count > top)
            {
                best.Dequeue();
            }
        }

        var ranked = new List<MatchSuggestion>(best.Count);
        while (best.TryDequeue(out var candidate, out var priority))
        {
            ranked.Add(new MatchSuggestion(candidate, priority.Score, Reasons(need, candidate, neighbours)));
        }

        ranked.Reverse();
        return ranked;
    }

    /// <summary>The score alone, allocation-free; 0 when the candidate cannot help.</summary>
    public static int Score(MatchNeed need, MatchCandidate candidate, IReadOnlySet<int> neighbours)
    {
        if (candidate.CapacityLeft <= 0 || (need.RequiresClearance && !candidate.HasValidClearance))
        {
            return 0;
        }

        var category = CategoryFit(need, candidate);
        if (category == 0)
        {
            return 0;
        }

        var score = category + DistrictFit(need, candidate, neighbours);
        if ((need.Languages & candidate.Languages) != 0)
        {
            score += LanguageWeight;
        }

        if (Overlaps(need, candidate))
        {
            score += TimeWeight;
        }

        if (candidate.CapacityLeft > 0)
        {
            score += CapacityWeight;
        }

        if (candidate.VerifiedOrganisation)
        {
            score += VerifiedWeight;
        }

        if (need.RequiresClearance)
        {
            score += ClearanceWeight;
        }

        return score + Reliability(candidate);
    }

    /// <summary>The reasons behind <see cref="Score"/>, in order of weight.</summary>
    public static IReadOnlyList<MatchReason> Reasons(MatchNeed need, MatchCandidate candidate, IReadOnlySet<int> neighbours)
    {
        var reasons = new List<MatchReason>(8);
        var category = CategoryFit(need, candidate);
        if (category == SubCategoryWeight)
        {
            reasons.Add(MatchReason.SameSubCategory);
        }
        else if (category == CategoryWeight)
        {
            reasons.Add(MatchReason.SameCategory);
        }

        var district = DistrictFit(need, candidate, neighbours);
        if (district == DistrictWeight)
        {
            reasons.Add(MatchReason.SameDistrict);
        }
        else if (district == NeighbourWeight)
        {
            reasons.Add(MatchReason.NeighbouringDistrict);
        }

        if ((need.Languages & candidate.Languages) != 0)
        {
            reasons.Add(MatchReason.CommonLanguage);
        }

        if (need.RequiresClearance && candidate.HasValidClearance)
        {
            reasons.Add(MatchReason.ClearancePresent);
        }

        if (Overlaps(need, candidate))
        {
            reasons.Add(MatchReason.TimeOverlaps);
        }

        // Named only when most earlier matches were completed; a weaker record still counts in the score.
        if (Reliability(candidate) * 10 >= ReliabilityWeight * 8)
        {
            reasons.Add(MatchReason.Reliable);
        }

        if (candidate.CapacityLeft > 0)
        {
            reasons.Add(MatchReason.CapacityLeft);
        }

        if (candidate.VerifiedOrganisation)
        {
            reasons.Add(MatchReason.VerifiedOrganisation);
        }

        return reasons;
    }

    private static int CategoryFit(MatchNeed need, MatchCandidate candidate)
    {
        var fit = 0;
        foreach (var id in candidate.CategoryIds)
        {
            if (id == need.CategoryId)
            {
                return need.ParentCategoryId is null ? CategoryWeight : SubCategoryWeight;
            }

            if (id == need.ParentCategoryId)
            {
                fit = CategoryWeight;
            }
        }

        return fit;
    }

    private static int DistrictFit(MatchNeed need, MatchCandidate candidate, IReadOnlySet<int> neighbours)
    {
        var fit = 0;
        foreach (var id in candidate.DistrictIds)
        {
            if (id == need.DistrictId)
            {
                return DistrictWeight;
            }

            if (neighbours.Contains(id))
            {
                fit = NeighbourWeight;
            }
        }

        return fit;
    }

    /// <summary>Open ends overlap everything: "from March" and "until May" meet.</summary>
    private static bool Overlaps(MatchNeed need, MatchCandidate candidate) =>
        (need.From is not null || need.Until is not null || candidate.From is not null || candidate.Until is not null)
        && (need.Until is null || candidate.From is null || candidate.From <= need.Until)
        && (candidate.Until is null || need.From is null || need.From <= candidate.Until);

    private static int Reliability(MatchCandidate candidate) =>
        candidate.FinishedMatches >= ReliabilityAfter ? ReliabilityWeight * candidate.CompletedMatches / candidate.FinishedMatches : 0;
}

/// <summary>Languages as bits, by their position in a fixed list (at most 64), so "any common language" is one AND.</summary>
public static class LanguageMask
{
    public static ulong Of(IEnumerable<string> codes, IReadOnlyList<string> known)
    {
        var mask = 0UL;
        foreach (var code in codes)
        {
            for (var i = 0; i < known.Count && i < 64; i++)
            {
                if (string.Equals(known[i], code, StringComparison.OrdinalIgnoreCase))
                {
                    mask |= 1UL << i;
                }
            }
        }

        return mask;
    }
}
