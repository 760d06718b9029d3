using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Matching;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Coordination;

[Trait("Category", "Database")]
public sealed class MatchAcceptanceTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private async Task<(int OfferId, List<int> MatchIds)> ProposalsAsync(int places, int proposals)
    {
        var host = await app.NewMemberAsync("erlangen", "mh");
        var seeker = await app.NewMemberAsync("erlangen", "ms");
        var offerId = await app.CreateListingAsync("erlangen", host, ListingType.Offer, "Zehn Plätze im Deutschkurs", configure: l => l.Quantity = places);
        var matchIds = new List<int>();
        for (var i = 0; i < proposals; i++)
        {
            var requestId = await app.CreateListingAsync("erlangen", seeker, ListingType.Request, $"Suche Deutschkurs {i}");
            matchIds.Add(await app.InTownAsync("erlangen", async db =>
            {
                var match = db.Matches.Add(new Match
                {
                    ListingId = requestId, OfferListingId = offerId, Source = MatchSource.Coordination, Status = MatchStatus.Proposed,
                    RequestAnswer = MatchAnswer.Accepted, CreatedAt = DateTimeOffset.UtcNow,
                }).Entity;
                await db.SaveChangesAsync();
                return match.Id;
            }));
        }

        return (offerId, matchIds);
    }

    private async Task<AcceptOutcome> AcceptAsync(int matchId, bool requestSide)
    {
        var erlangen = await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "erlangen").Select(t => t.Id).SingleAsync());
        await using var scope = await app.Services.GetRequiredService<TenantScopeFactory>().CreateAsync(erlangen);
        return await scope.ServiceProvider.GetRequiredService<MatchAcceptance>().AcceptAsync(matchId, requestSide);
    }

    [Fact]
    public async Task FiftyAcceptancesAtOnce_AgainstTenPlaces_AcceptExactlyTen_AndThePlacesEndAtZero()
    {
        var (offerId, matchIds) = await ProposalsAsync(places: 10, proposals: 50);

        var outcomes = await Task.WhenAll(matchIds.Select(id => Task.Run(() => AcceptAsync(id, requestSide: false))));

        Assert.Equal(10, outcomes.Count(o => o == AcceptOutcome.Accepted));
        Assert.Equal(40, outcomes.Count(o => o == AcceptOutcome.NoPlaceLeft));
        Assert.Equal(0, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == offerId).Select(l => l.Quantity).SingleAsync()));
        Assert.Equal(10, await app.InTownAsync("erlangen", db => db.Matches.CountAsync(m => m.OfferListingId == offerId && m.Status == MatchStatus.Accepted)));
    }

    [Fact]
    public async Task FirstYes_Waits_SecondYes_TakesAPlace_AndAThirdAnswerChangesNothing()
    {
        var (offerId, matchIds) = await ProposalsAsync(places: 2, proposals: 1);
        await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.Id == matchIds[0])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RequestAnswer, MatchAnswer.Pending)));

        Assert.Equal(AcceptOutcome.Waiting, await AcceptAsync(matchIds[0], requestSide: false));
        Assert.Equal(2, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == offerId).Select(l => l.Quantity).SingleAsync()));
        Assert.Equal(AcceptOutcome.Accepted, await AcceptAsync(matchIds[0], requestSide: true));
        Assert.Equal(AcceptOutcome.NotOpen, await AcceptAsync(matchIds[0], requestSide: true));
        Assert.Equal(1, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == offerId).Select(l => l.Quantity).SingleAsync()));
    }
}
