using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit.Coordination;

public sealed class MatchScoringTests
{
    private const int Housing = 1;
    private const int Flat = 11;
    private const int Room = 12;
    private const int Rides = 2;
    private const int Centre = 100;
    private const int North = 101;
    private const int Far = 109;
    private static readonly string[] Known = ["de", "en", "ar", "fa", "uk"];
    private static readonly IReadOnlySet<int> CentreNeighbours = new HashSet<int> { North };

    private static MatchNeed Need(int category = Flat, int? parent = Housing, string[]? languages = null, DateOnly? from = null, DateOnly? until = null,
        bool clearance = false) =>
        new(category, parent, Centre, LanguageMask.Of(languages ?? ["ar"], Known), from, until, clearance);

    private static MatchCandidate Candidate(int id = 1, int[]? categories = null, int[]? districts = null, string[]? languages = null,
        DateOnly? from = null, DateOnly? until = null, int? capacity = null, bool verified = false, bool clearance = false, int completed = 0,
        int finished = 0) =>
        new(CandidateKind.Offer, id, categories ?? [Flat], districts ?? [Far], LanguageMask.Of(languages ?? ["uk"], Known), from, until, capacity,
            verified, clearance, completed, finished);

    private static IReadOnlyList<MatchReason> ReasonsFor(MatchNeed need, MatchCandidate candidate) =>
        Assert.Single(MatchScoring.Rank(need, [candidate], CentreNeighbours, 10)).Reasons;

    [Fact]
    public void SameSubCategory_ScoresMoreThan_SameTopCategory_AndAnotherCategoryIsLeftOut()
    {
        var exact = MatchScoring.Score(Need(), Candidate(categories: [Flat]), CentreNeighbours);
        var sibling = MatchScoring.Score(Need(), Candidate(categories: [Housing]), CentreNeighbours);

        Assert.Equal(MatchScoring.SubCategoryWeight, exact);
        Assert.Equal(MatchScoring.CategoryWeight, sibling);
        Assert.Equal(0, MatchScoring.Score(Need(), Candidate(categories: [Room]), CentreNeighbours));
        Assert.Equal(0, MatchScoring.Score(Need(), Candidate(categories: [Rides]), CentreNeighbours));
        Assert.Contains(MatchReason.SameSubCategory, ReasonsFor(Need(), Candidate(categories: [Flat])));
        Assert.Contains(MatchReason.SameCategory, ReasonsFor(Need(), Candidate(categories: [Housing])));
    }

    [Fact]
    public void SameDistrict_BeatsANeighbour_WhichBeatsFarAway()
    {
        Assert.Contains(MatchReason.SameDistrict, ReasonsFor(Need(), Candidate(districts: [Centre])));
        Assert.Contains(MatchReason.NeighbouringDistrict, ReasonsFor(Need(), Candidate(districts: [North])));
        Assert.Equal(MatchScoring.DistrictWeight, MatchScoring.Score(Need(), Candidate(districts: [Far, Centre]), CentreNeighbours) - MatchScoring.SubCategoryWeight);
        Assert.Equal(MatchScoring.NeighbourWeight, MatchScoring.Score(Need(), Candidate(districts: [North]), CentreNeighbours) - MatchScoring.SubCategoryWeight);
        Assert.DoesNotContain(ReasonsFor(Need(), Candidate(districts: [Far])), r => r is MatchReason.SameDistrict or MatchReason.NeighbouringDistrict);
    }

    [Fact]
    public void CommonLanguage_IsAReason_OnlyWhenOneIsShared()
    {
        Assert.Contains(MatchReason.CommonLanguage, ReasonsFor(Need(languages: ["ar", "de"]), Candidate(languages: ["de"])));
        Assert.DoesNotContain(MatchReason.CommonLanguage, ReasonsFor(Need(languages: ["ar"]), Candidate(languages: ["uk", "en"])));
    }

    [Fact]
    public void TimeWindows_Overlapping_OpenEndsMeet_SeparateOnesDoNot()
    {
        var march = new DateOnly(2026, 3, 1);
        var may = new DateOnly(2026, 5, 31);
        Assert.Contains(MatchReason.TimeOverlaps, ReasonsFor(Need(from: march, until: may), Candidate(from: new DateOnly(2026, 5, 1))));
        Assert.Contains(MatchReason.TimeOverlaps, ReasonsFor(Need(from: march), Candidate(until: new DateOnly(2026, 4, 1))));
        Assert.DoesNotContain(MatchReason.TimeOverlaps, ReasonsFor(Need(from: march, until: may), Candidate(from: new DateOnly(2026, 6, 1))));
        Assert.DoesNotContain(MatchReason.TimeOverlaps, ReasonsFor(Need(), Candidate()));
    }

    [Fact]
    public void CapacityLeft_Counts_NoPlaceLeft_IsLeftOut()
    {
        Assert.Contains(MatchReason.CapacityLeft, ReasonsFor(Need(), Candidate(capacity: 2)));
        Assert.Equal(0, MatchScoring.Score(Need(), Candidate(capacity: 0), CentreNeighbours));
        Assert.DoesNotContain(MatchReason.CapacityLeft, ReasonsFor(Need(), Candidate(capacity: null)));
    }

    [Fact]
    public void VerifiedOrganisation_IsAReason()
    {
        Assert.Contains(MatchReason.VerifiedOrganisation, ReasonsFor(Need(), Candidate(verified: true)));
        Assert.DoesNotContain(MatchReason.VerifiedOrganisation, ReasonsFor(Need(), Candidate()));
    }

    [Fact]
    public void RequiredClearance_Present_IsAReason_Missing_IsLeftOut()
    {
        Assert.Contains(MatchReason.ClearancePresent, ReasonsFor(Need(clearance: true), Candidate(clearance: true)));
        Assert.Empty(MatchScoring.Rank(Need(clearance: true), [Candidate(clearance: false)], CentreNeighbours, 10));
        Assert.DoesNotContain(MatchReason.ClearancePresent, ReasonsFor(Need(clearance: false), Candidate(clearance: true)));
    }

    [Fact]
    public void Reliability_CountsAfterTwoMatches_AndIsNamedWhenMostWereCompleted()
    {
        Assert.Contains(MatchReason.Reliable, ReasonsFor(Need(), Candidate(completed: 9, finished: 10)));
        Assert.DoesNotContain(MatchReason.Reliable, ReasonsFor(Need(), Candidate(completed: 1, finished: 1)));
        Assert.DoesNotContain(MatchReason.Reliable, ReasonsFor(Need(), Candidate(completed: 1, finished: 4)));
        Assert.True(MatchScoring.Score(Need(), Candidate(completed: 1, finished: 4), CentreNeighbours)
            > MatchScoring.Score(Need(), Candidate(completed: 0, finished: 4), CentreNeighbours));
    }

    [Fact]
    public void Rank_KeepsTheBestFirst_TiesByLowerId_AndOnlyTheTopN()
    {
        var candidates = new[]
        {
            Candidate(id: 5, districts: [Far]),
            Candidate(id: 3, districts: [Centre], languages: ["ar"]),
            Candidate(id: 4, districts: [North]),
            Candidate(id: 2, districts: [North]),
            Candidate(id: 1, categories: [Rides]),
        };

        var ranked = MatchScoring.Rank(Need(), candidates, CentreNeighbours, 3);

        Assert.Equal([3, 2, 4], ranked.Select(r => r.Candidate.Id));
        Assert.True(ranked[0].Score > ranked[1].Score);
        Assert.Equal(ranked[1].Score, ranked[2].Score);
    }

    [Fact]
    public void Rank_PutsTheSameSubCategoryFirst_EvenWhenAParentCategoryOfferHasMoreOtherReasons()
    {
        // The parent-category offer is nearby, speaks the language, has places and a verified organisation; the exact one has none of that.
        var parentOnly = Candidate(id: 1, categories: [Housing], districts: [Centre], languages: ["ar"], capacity: 3, verified: true, completed: 5, finished: 5);
        var exact = Candidate(id: 2, categories: [Flat, Housing]);

        var ranked = MatchScoring.Rank(Need(), [parentOnly, exact], CentreNeighbours, 10);

        Assert.Equal([2, 1], ranked.Select(r => r.Candidate.Id));
        Assert.Contains(MatchReason.SameSubCategory, ranked[0].Reasons);
    }
}

public sealed class ExchangeModeDefaultsTests
{
    [Theory]
    [InlineData("wohnungen", "wohnen", CategoryKind.Housing, ExchangeMode.Mediated)]
    [InlineData("jobs", "arbeit", CategoryKind.Work, ExchangeMode.Mediated)]
    [InlineData("begleitung", null, CategoryKind.General, ExchangeMode.Mediated)]
    [InlineData("behoerden", "begleitung", CategoryKind.General, ExchangeMode.Mediated)]
    [InlineData("kinderbetreuung", "familie", CategoryKind.General, ExchangeMode.Mediated)]
    [InlineData("fahrraeder", "sachspenden", CategoryKind.General, ExchangeMode.PeerToPeer)]
    [InlineData("fahrdienste", null, CategoryKind.General, ExchangeMode.PeerToPeer)]
    public void Defaults_MediateHousingWorkAccompanimentAndChildcare(string key, string? parent, CategoryKind kind, ExchangeMode expected) =>
        Assert.Equal(expected, DefaultCategories.DefaultMode(key, kind, parent));

    [Fact]
    public void NewTowns_GetTheDefaults()
    {
        var categories = DefaultCategories.Build();

        Assert.All(categories.Where(c => c.Kind is CategoryKind.Housing or CategoryKind.Work), c => Assert.Equal(ExchangeMode.Mediated, c.ExchangeMode));
        Assert.Equal(ExchangeMode.Mediated, categories.Single(c => c.Key == "kinderbetreuung").ExchangeMode);
        Assert.Equal(ExchangeMode.PeerToPeer, categories.Single(c => c.Key == "sachspenden").ExchangeMode);
    }
}
