using AngleSharp.Html.Dom;
using Marketplace.Tests.Integration.Coordination;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Marketplace.Web.Matching;
using Marketplace.Web.Messages;
using Marketplace.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Gaps;

/// <summary>Each place that changes supply or demand records its fact with the change (issue 17, facts).</summary>
[Trait("Category", "Database")]
public sealed class SupplyFactRecordingTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Slug = "erlangen";

    private Task<List<SupplyFact>> FactsAsync(int listingId) =>
        app.InTownAsync(Slug, db => db.SupplyFacts.AsNoTracking().Where(f => f.ListingKey == listingId).OrderBy(f => f.Id).ToListAsync());

    private async Task<List<SupplyEvent>> EventsAsync(int listingId) => (await FactsAsync(listingId)).Select(f => f.Event).ToList();

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string action) =>
        client.SubmitAsync($"/listings/{id}", $"form[action*='handler={action}']");

    private async Task<(HttpClient Owner, string UserName)> PosterAsync()
    {
        var userName = await app.NewMemberAsync(Slug, "gf");
        return (await app.SignedInAsync(Slug, userName), userName);
    }

    [Fact]
    public async Task PublishPauseResumeClose_RecordPublishedWithdrawnPublishedWithdrawn_WithTheListingsCell()
    {
        var (owner, userName) = await PosterAsync();
        var id = await app.CreateListingAsync(Slug, userName, title: "Lückenfakten", configure: l =>
        {
            l.Status = ListingStatus.Draft;
            l.PublishedAt = null;
            l.DayParts = DayParts.Evening;
        });

        await ActAsync(owner, id, "Publish");
        await ActAsync(owner, id, "Pause");
        await ActAsync(owner, id, "Resume");
        await ActAsync(owner, id, "Renew");
        var question = await Html.ParseAsync(await ActAsync(owner, id, "Close"));
        await owner.SubmitAsync((IHtmlFormElement)question.QuerySelector("[data-testid=confirmation-form]")!, $"/listings/{id}");

        var facts = await FactsAsync(id);
        // Renewing a running listing does not change whether it is open: it records nothing.
        Assert.Equal([SupplyEvent.Published, SupplyEvent.Withdrawn, SupplyEvent.Published, SupplyEvent.Withdrawn], facts.Select(f => f.Event));
        Assert.Equal([false, true, false, true], facts.Select(f => f.Closes));
        var listing = await app.InTownAsync(Slug, db => db.Listings.AsNoTracking().Include(l => l.Category).SingleAsync(l => l.Id == id));
        Assert.All(facts, f =>
        {
            Assert.Equal(listing.Category!.ParentId ?? listing.CategoryId, f.CategoryId);
            Assert.Equal(listing.Category.ParentId is null ? 0 : listing.CategoryId, f.SubCategoryId);
            Assert.Equal(listing.DistrictId, f.DistrictId);
            Assert.Equal(DayParts.Evening, f.DayParts);
            Assert.Equal(ListingType.Offer, f.Side);
        });
    }

    [Fact]
    public async Task RenewAfterExpiry_RecordsPublished()
    {
        var (owner, userName) = await PosterAsync();
        var id = await app.CreateListingAsync(Slug, userName, title: "Abgelaufen", configure: l =>
        {
            l.Status = ListingStatus.Expired;
            l.ExpiresAt = DateTimeOffset.UtcNow.AddDays(-3);
        });

        await ActAsync(owner, id, "Renew");

        Assert.Equal([SupplyEvent.Published], await EventsAsync(id));
    }

    [Fact]
    public async Task ExpiryJob_RecordsExpiredUnmatchedOnce_WhenRunTwice()
    {
        var userName = await app.NewMemberAsync(Slug, "gx");
        var id = await app.CreateListingAsync(Slug, userName, title: "Läuft ab", configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-5));

        await app.InTownServiceAsync<ListingExpiry, int>(Slug, e => e.ExpireOverdueAsync());
        await app.InTownServiceAsync<ListingExpiry, int>(Slug, e => e.ExpireOverdueAsync());

        var facts = await FactsAsync(id);
        var fact = Assert.Single(facts);
        Assert.Equal(SupplyEvent.ExpiredUnmatched, fact.Event);
        Assert.True(fact.Closes);
    }

    private async Task<(int RequestId, int OfferId, int MatchId)> ProposalAsync(int places = 3, int daysAgo = 0)
    {
        var host = await app.NewMemberAsync(Slug, "gh");
        var seeker = await app.NewMemberAsync(Slug, "gs");
        var offerId = await app.CreateListingAsync(Slug, host, ListingType.Offer, "Fahrradhilfe", configure: l => l.Quantity = places);
        var requestId = await app.CreateListingAsync(Slug, seeker, ListingType.Request, "Suche Fahrradhilfe",
            configure: l => l.PublishedAt = DateTimeOffset.UtcNow.AddDays(-daysAgo));
        var matchId = await app.InTownAsync(Slug, async db =>
        {
            var match = db.Matches.Add(new Match
            {
                ListingId = requestId, OfferListingId = offerId, Source = MatchSource.Coordination, Status = MatchStatus.Proposed,
                CreatedAt = DateTimeOffset.UtcNow, AnswerDueAt = DateTimeOffset.UtcNow.AddDays(7),
            }).Entity;
            await db.SaveChangesAsync();
            return match.Id;
        });
        return (requestId, offerId, matchId);
    }

    [Fact]
    public async Task DeclinedProposal_RecordsProposalEnded_OnBothListings()
    {
        var (requestId, offerId, matchId) = await ProposalAsync();

        Assert.Equal(AnswerOutcome.Declined, await app.InTownServiceAsync<MatchProposals, AnswerOutcome>(Slug,
            p => p.AnswerAsync(matchId, requestSide: false, accept: false, shareContact: false)));

        Assert.Equal([SupplyEvent.ProposalEnded], await EventsAsync(requestId));
        Assert.Equal([SupplyEvent.ProposalEnded], await EventsAsync(offerId));
    }

    [Fact]
    public async Task Acceptance_RecordsMatchedWithDaysToMatch_AndClosesTheOfferWithItsLastPlace()
    {
        var (requestId, offerId, matchId) = await ProposalAsync(places: 1, daysAgo: 9);

        await app.InTownServiceAsync<MatchAcceptance, AcceptOutcome>(Slug, a => a.AcceptAsync(matchId, requestSide: true));
        Assert.Equal(AcceptOutcome.Accepted, await app.InTownServiceAsync<MatchAcceptance, AcceptOutcome>(Slug, a => a.AcceptAsync(matchId, requestSide: false)));

        var request = Assert.Single(await FactsAsync(requestId));
        Assert.Equal(SupplyEvent.Matched, request.Event);
        Assert.InRange(request.DaysToMatch!.Value, 8, 10);
        Assert.False(request.Closes);
        var offer = Assert.Single(await FactsAsync(offerId));
        Assert.Equal(SupplyEvent.Matched, offer.Event);
        Assert.Null(offer.DaysToMatch);
        Assert.True(offer.Closes);
    }

    [Fact]
    public async Task BothSidesSayItHappened_RecordsCompletedOnce()
    {
        var (requestId, _, matchId) = await ProposalAsync();
        await app.InTownServiceAsync<MatchAcceptance, AcceptOutcome>(Slug, a => a.AcceptAsync(matchId, requestSide: true));
        await app.InTownServiceAsync<MatchAcceptance, AcceptOutcome>(Slug, a => a.AcceptAsync(matchId, requestSide: false));

        await app.InTownServiceAsync<MatchFeedbackRequests, MatchStatus?>(Slug, f => f.RecordAsync(matchId, requestSide: true, happened: true, 5, null));
        await app.InTownServiceAsync<MatchFeedbackRequests, MatchStatus?>(Slug, f => f.RecordAsync(matchId, requestSide: false, happened: true, 5, null));
        await app.InTownServiceAsync<MatchFeedbackRequests, MatchStatus?>(Slug, f => f.RecordAsync(matchId, requestSide: false, happened: true, 4, null));

        Assert.Equal([SupplyEvent.Matched, SupplyEvent.Completed], await EventsAsync(requestId));
    }

    [Fact]
    public async Task FirstConversation_RecordsContacted_ASecondOneDoesNot()
    {
        var poster = await app.NewMemberAsync(Slug, "gp");
        var id = await app.CreateListingAsync(Slug, poster, title: "Gefragt");
        foreach (var prefix in new[] { "g1", "g2" })
        {
            var respondent = await app.UserIdAsync(await app.NewMemberAsync(Slug, prefix));
            var owner = await app.UserIdAsync(poster);
            await app.InTownServiceAsync<MessageSender, Message>(Slug, s =>
                s.SendAsync(new Conversation { ListingId = id, OwnerUserId = owner, RespondentUserId = respondent }, respondent, "Ist das noch da?"));
        }

        Assert.Equal([SupplyEvent.Contacted], await EventsAsync(id));
    }

    [Fact]
    public async Task AccountDeletion_RecordsWithdrawn_ForOpenListingsOnly_AndTheFactsOutliveTheListingsWithNoPerson()
    {
        var userName = await app.NewMemberAsync(Slug, "gd");
        var userId = await app.UserIdAsync(userName);
        var open = await app.CreateListingAsync(Slug, userName, title: "Offen");
        var paused = await app.CreateListingAsync(Slug, userName, title: "Pausiert", configure: l => l.Status = ListingStatus.Paused);

        await app.InTownServiceAsync<TownAnonymiser, bool>(Slug, async t =>
        {
            await t.AnonymiseAsync(new FormerPerson(userId, userName, null, "gelöschte-person-gf"));
            return true;
        });
        await app.InTownAsync(Slug, db => db.Listings.Where(l => l.Id == open || l.Id == paused).ExecuteDeleteAsync());

        var fact = Assert.Single(await FactsAsync(open));
        Assert.Equal(SupplyEvent.Withdrawn, fact.Event);
        Assert.True(fact.Closes);
        Assert.Empty(await FactsAsync(paused));
    }

    [Fact]
    public void SupplyFact_HoldsNoPerson_NoTextAndNoUserId()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var columns = db.Model.FindEntityType(typeof(SupplyFact))!.GetProperties().ToList();

        Assert.NotEmpty(columns);
        Assert.DoesNotContain(columns, c => c.ClrType == typeof(string));
        Assert.DoesNotContain(columns, c => c.Name.Contains("User", StringComparison.OrdinalIgnoreCase) || c.Name.Contains("Person", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(db.Model.FindEntityType(typeof(SupplyFact))!.GetForeignKeys(), k => k.PrincipalEntityType.ClrType != typeof(Tenant));
    }
}
