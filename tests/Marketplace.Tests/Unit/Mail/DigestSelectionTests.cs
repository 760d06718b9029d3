using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit.Mail;

public sealed class DigestSelectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private static DigestCandidate Offer(int id, double daysAgo, int category = 10, int? parent = 1, int district = 100) =>
        new(id, ListingType.Offer, category, parent, district, Now.AddDays(-daysAgo), false);

    private static DigestCandidate Request(int id, double daysAgo, bool answered = false, int category = 10, int? parent = 1, int district = 100) =>
        new(id, ListingType.Request, category, parent, district, Now.AddDays(-daysAgo), answered);

    private static DigestFilter All => new(new HashSet<int>(), new HashSet<int>(), true, true, false);

    [Fact]
    public void New_IsWhatWasPublishedAfterTheSubscribersLastDigest_UpToTheRun()
    {
        var candidates = new[] { Offer(1, 3), Offer(2, 1.5), Offer(3, 0.5), Offer(4, -0.1) };

        var sinceTwoDays = DigestSelection.Select(candidates, All, Now.AddDays(-2), Now);
        var sinceOneDay = DigestSelection.Select(candidates, All, Now.AddDays(-1), Now);

        Assert.Equal([3, 2], sinceTwoDays.NewOffers.Select(c => c.Id));
        Assert.Equal([3], sinceOneDay.NewOffers.Select(c => c.Id));
    }

    [Fact]
    public void Waiting_AreUnansweredRequestsOlderThanSevenDays_InTheArea_EveryTime()
    {
        var candidates = new[] { Request(1, 8), Request(2, 8, answered: true), Request(3, 6), Request(4, 9, district: 200), Offer(5, 9) };
        var filter = All with { Districts = new HashSet<int> { 100 } };

        var items = DigestSelection.Select(candidates, filter, Now.AddDays(-1), Now);

        Assert.Equal([1], items.Waiting.Select(c => c.Id));
        Assert.Empty(items.NewRequests);
    }

    [Fact]
    public void Categories_IncludeTheirSubCategories_AndKindsAreRespected()
    {
        var candidates = new[] { Offer(1, 0.5, category: 10, parent: 1), Request(2, 0.5, category: 20, parent: 2), Offer(3, 0.5, category: 1, parent: null) };
        var onlyOffersOfCategoryOne = new DigestFilter(new HashSet<int> { 1 }, new HashSet<int>(), true, false, false);

        var items = DigestSelection.Select(candidates, onlyOffersOfCategoryOne, Now.AddDays(-1), Now);

        Assert.Equal([3, 1], items.NewOffers.Select(c => c.Id).OrderByDescending(i => i));
        Assert.Empty(items.NewRequests);
    }

    [Fact]
    public void OnlyUnanswered_ListsNewRequestsWithoutResponse_AndNoOffers()
    {
        var candidates = new[] { Request(1, 0.5), Request(2, 0.5, answered: true), Offer(3, 0.5) };
        var filter = All with { OnlyUnanswered = true };

        var items = DigestSelection.Select(candidates, filter, Now.AddDays(-1), Now);

        Assert.Equal([1], items.NewRequests.Select(c => c.Id));
        Assert.Empty(items.NewOffers);
    }

    [Fact]
    public void TheSubscribersOwnListings_AreLeftOut_NewAndWaiting()
    {
        var candidates = new[]
        {
            Offer(1, 0.5) with { PosterUserId = "me" }, Request(2, 9) with { PosterUserId = "me" },
            Offer(3, 0.5) with { PosterUserId = "other", OrganisationId = 7 }, Request(4, 9) with { PosterUserId = "other" },
        };

        var mine = DigestSelection.Select(candidates, All with { OwnUserId = "me" }, Now.AddDays(-1), Now);
        var organisations = DigestSelection.Select(candidates, All with { OwnOrganisationId = 7 }, Now.AddDays(-1), Now);

        Assert.Equal([3], mine.NewOffers.Select(c => c.Id));
        Assert.Equal([4], mine.Waiting.Select(c => c.Id));
        Assert.Equal([1], organisations.NewOffers.Select(c => c.Id));
        Assert.Equal([2, 4], organisations.Waiting.Select(c => c.Id));
    }

    [Fact]
    public void NothingNew_AndNothingWaiting_IsEmpty()
    {
        Assert.True(DigestSelection.Select([Offer(1, 5), Request(2, 3)], All, Now.AddDays(-1), Now).IsEmpty);
    }
}
