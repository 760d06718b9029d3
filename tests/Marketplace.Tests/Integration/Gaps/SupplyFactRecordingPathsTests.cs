using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Marketplace.Tests.Integration.Coordination;
using Marketplace.Tests.Integration.Moderation;
using Marketplace.Web.Domain;
using Marketplace.Web.Intake;
using Marketplace.Web.Jobs;
using Marketplace.Web.Matching;
using Marketplace.Web.Pages.Coordination.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Marketplace.Tests.Integration.Gaps;

/// <summary>
/// The recording paths <see cref="SupplyFactRecordingTests"/> leaves out: the office's proposal, fulfilling after an office
/// match, moderation (the coordinator's and the automatic hide), the New page, the intake desk and the "still current?"
/// links. Each fact asserted is one the gap figures count, so a missing or doubled one is a wrong number in the office.
/// </summary>
[Trait("Category", "Database")]
public sealed class SupplyFactRecordingPathsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Slug = "erlangen";
    private const string Office = "erlangen-koordination";

    private Task<List<SupplyFact>> FactsAsync(int listingId) =>
        app.InTownAsync(Slug, db => db.SupplyFacts.AsNoTracking().Where(f => f.ListingKey == listingId).OrderBy(f => f.Id).ToListAsync());

    private async Task<List<SupplyEvent>> EventsAsync(int listingId) => (await FactsAsync(listingId)).Select(f => f.Event).ToList();

    private Task<Listing> ListingAsync(int id) => app.InTownAsync(Slug, db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));

    private async Task<ProposeResult> ProposeAsync(int requestId, int offerId) =>
        await app.InTownServiceAsync<MatchProposals, ProposeResult>(Slug,
            async p => await p.ProposeAsync(requestId, CandidateKind.Offer, offerId, await app.UserIdAsync(Office)));

    private async Task<int> OfferAsync(string title) =>
        await app.CreateListingAsync(Slug, await app.NewMemberAsync(Slug, "gh"), ListingType.Offer, title, configure: l => l.Quantity = 2);

    [Fact]
    public async Task OfficeProposal_RecordsProposedOnRequestAndOffer_ASecondOfferWhileOnePendsAgain_TheSameOfferTwiceNothing()
    {
        var requestId = await app.CreateListingAsync(Slug, await app.NewMemberAsync(Slug, "gs"), ListingType.Request, "Suche ein Rad");
        var first = await OfferAsync("Rad eins");
        var second = await OfferAsync("Rad zwei");

        Assert.Equal(ProposeOutcome.Proposed, (await ProposeAsync(requestId, first)).Outcome);
        // The request is still open to further proposals while one is pending (only a match takes it out of the queue).
        Assert.Equal(ProposeOutcome.Proposed, (await ProposeAsync(requestId, second)).Outcome);
        var again = await ProposeAsync(requestId, first);
        Assert.Equal(ProposeOutcome.CandidateUnavailable, again.Outcome);
        Assert.Equal(Ineligibility.ProposedBefore, again.Reason);

        var request = await FactsAsync(requestId);
        Assert.Equal([SupplyEvent.Proposed, SupplyEvent.Proposed], request.Select(f => f.Event));
        Assert.All(request, f => Assert.Equal(ListingType.Request, f.Side));
        Assert.Equal([SupplyEvent.Proposed], await EventsAsync(first));
        Assert.Equal([SupplyEvent.Proposed], await EventsAsync(second));
        // A proposal leaves both open: the fold counts it as pending, not as the end of the listing.
        Assert.All(request.Concat(await FactsAsync(first)), f => Assert.False(f.Closes));
    }

    [Fact]
    public async Task FulfillingARequestTheOfficeMatched_RecordsWithdrawn_NotASecondMatched()
    {
        var seeker = await app.NewMemberAsync(Slug, "gs");
        var requestId = await app.CreateListingAsync(Slug, seeker, ListingType.Request, "Suche Kinderrad");
        var offerId = await OfferAsync("Kinderrad");
        var matchId = (await ProposeAsync(requestId, offerId)).MatchId;
        await app.InTownServiceAsync<MatchAcceptance, AcceptOutcome>(Slug, a => a.AcceptAsync(matchId, requestSide: true));
        Assert.Equal(AcceptOutcome.Accepted, await app.InTownServiceAsync<MatchAcceptance, AcceptOutcome>(Slug, a => a.AcceptAsync(matchId, requestSide: false)));

        var owner = await app.SignedInAsync(Slug, seeker);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/listings/{requestId}", "[data-testid=fulfil-form]")).StatusCode);

        Assert.Equal(ListingStatus.Fulfilled, (await ListingAsync(requestId)).Status);
        var facts = await FactsAsync(requestId);
        // The match was counted at the second yes; the poster's "fulfilled" only ends the listing.
        Assert.Equal([SupplyEvent.Proposed, SupplyEvent.Matched, SupplyEvent.Withdrawn], facts.Select(f => f.Event));
        Assert.Equal([false, false, true], facts.Select(f => f.Closes));
    }

    [Fact]
    public async Task FulfillingARequestNobodyMatched_RecordsMatchedWithDaysToMatch_AndClosesIt()
    {
        var seeker = await app.NewMemberAsync(Slug, "gs");
        var requestId = await app.CreateListingAsync(Slug, seeker, ListingType.Request, "Suche Lastenrad",
            configure: l => l.PublishedAt = DateTimeOffset.UtcNow.AddDays(-3));

        var owner = await app.SignedInAsync(Slug, seeker);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/listings/{requestId}", "[data-testid=fulfil-form]")).StatusCode);

        var fact = Assert.Single(await FactsAsync(requestId));
        Assert.Equal(SupplyEvent.Matched, fact.Event);
        Assert.True(fact.Closes);
        Assert.InRange(fact.DaysToMatch!.Value, 2, 4);
    }

    private async Task<HttpResponseMessage> DecideAsync(int listingId, ModerationActionKind action)
    {
        var coordinator = await app.SignedInAsync(Slug, Office);
        return await coordinator.DecideAsync(ReportTarget.Listing, listingId, action, "Geprüft.");
    }

    private async Task ReportedAsync(int listingId) =>
        await app.AddReportsAsync(Slug, ReportTarget.Listing, listingId.ToString(CultureInfo.InvariantCulture),
            await app.UserIdAsync(await app.NewMemberAsync(Slug, "gr")));

    /// <summary>Taken off the market once and back once: one closing Withdrawn, then one Published.</summary>
    private async Task AssertClosedThenOpenAgainAsync(int id)
    {
        var facts = await FactsAsync(id);
        Assert.Equal([SupplyEvent.Withdrawn, SupplyEvent.Published], facts.Select(f => f.Event));
        Assert.Equal([true, false], facts.Select(f => f.Closes));
    }

    [Fact]
    public async Task ModerationHide_RecordsWithdrawn_AndRestore_RecordsPublishedAgain()
    {
        var id = await app.CreateListingAsync(Slug, await app.NewMemberAsync(Slug, "gm"), title: "Gemeldetes Rad");
        await ReportedAsync(id);

        await DecideAsync(id, ModerationActionKind.Hide);
        Assert.True((await ListingAsync(id)).IsHidden);
        await DecideAsync(id, ModerationActionKind.Restore);

        await AssertClosedThenOpenAgainAsync(id);
    }

    [Fact]
    public async Task ModerationClose_RecordsWithdrawn()
    {
        var id = await app.CreateListingAsync(Slug, await app.NewMemberAsync(Slug, "gm"), title: "Zu schließen");
        await ReportedAsync(id);

        await DecideAsync(id, ModerationActionKind.Close);

        Assert.Equal(ListingStatus.Closed, (await ListingAsync(id)).Status);
        var fact = Assert.Single(await FactsAsync(id));
        Assert.Equal(SupplyEvent.Withdrawn, fact.Event);
        Assert.True(fact.Closes);
    }

    [Fact]
    public async Task ModerationOnAListingItsPosterClosed_RecordsNothing()
    {
        var id = await app.CreateListingAsync(Slug, await app.NewMemberAsync(Slug, "gm"), title: "Schon zu", configure: l => l.Status = ListingStatus.Closed);
        await ReportedAsync(id);

        await DecideAsync(id, ModerationActionKind.Hide);
        Assert.True((await ListingAsync(id)).IsHidden);
        // The queue leaves out a closed listing with no open report: a new report brings it back for the restore.
        await ReportedAsync(id);
        await DecideAsync(id, ModerationActionKind.Restore);
        Assert.False((await ListingAsync(id)).IsHidden);

        Assert.Empty(await FactsAsync(id));
    }

    [Fact]
    public async Task HiddenAtTheReportThreshold_RecordsWithdrawn_SoARestoreIsOnePublicationNotTwo()
    {
        var id = await app.CreateListingAsync(Slug, await app.NewMemberAsync(Slug, "gm"), title: "Oft gemeldet");
        for (var i = 0; i < 3; i++)
        {
            var reporter = await app.SignedInAsync(Slug, await app.NewMemberAsync(Slug, "gr"));
            Assert.Equal(HttpStatusCode.Redirect, (await reporter.ReportAsync(ReportTarget.Listing, id)).StatusCode);
        }

        Assert.True((await ListingAsync(id)).IsHidden);
        await DecideAsync(id, ModerationActionKind.Restore);

        await AssertClosedThenOpenAgainAsync(id);
    }

    [Fact]
    public async Task NewPage_PublishRecordsPublishedInTheListingsCell_ADraftRecordsNothing()
    {
        var member = await app.SignedInAsync(Slug, await app.NewMemberAsync(Slug, "gn"));
        var bikes = await app.InTownAsync(Slug, db => db.Categories.Where(c => c.Key == "fahrraeder").Select(c => new { c.Id, c.ParentId }).SingleAsync());
        Assert.NotNull(bikes.ParentId);
        var district = await app.InTownAsync(Slug, db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).LastAsync());

        async Task<int> PostAsync(bool publish)
        {
            var title = $"Rad gesucht {Guid.NewGuid():N}"[..30];
            var created = await member.SubmitAsync("/listings/new", "[data-testid=listing-form]", new Dictionary<string, string>
            {
                ["Input.Type"] = nameof(ListingType.Request), ["Input.CategoryId"] = bikes.Id.ToString(CultureInfo.InvariantCulture), ["Input.Title"] = title,
                ["Input.Description"] = "Für den Weg zur Arbeit, gern gebraucht.", ["Input.DistrictId"] = district.ToString(CultureInfo.InvariantCulture),
                ["Input.DayParts"] = "Afternoon|Weekend", ["publish"] = publish ? "true" : "false",
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            return await app.InTownAsync(Slug, db => db.Listings.Where(l => l.Title == title).Select(l => l.Id).SingleAsync());
        }

        var published = await PostAsync(publish: true);
        var draft = await PostAsync(publish: false);

        var fact = Assert.Single(await FactsAsync(published));
        Assert.Equal(SupplyEvent.Published, fact.Event);
        Assert.False(fact.Closes);
        Assert.Equal(ListingType.Request, fact.Side);
        Assert.Equal(bikes.ParentId, fact.CategoryId);
        Assert.Equal(bikes.Id, fact.SubCategoryId);
        Assert.Equal(district, fact.DistrictId);
        Assert.Equal(DayParts.Afternoon | DayParts.Weekend, fact.DayParts);
        Assert.Equal(ListingStatus.Draft, (await ListingAsync(draft)).Status);
        Assert.Empty(await FactsAsync(draft));
    }

    [Fact]
    public async Task IntakeDesk_RecordsPublishedOnTheRequestSide()
    {
        var bikes = await app.InTownAsync(Slug, db => db.Categories.Where(c => c.Key == "fahrraeder").Select(c => new { c.Id, c.ParentId }).SingleAsync());
        var district = await app.InTownAsync(Slug, db => db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync());
        var coordinator = await app.UserIdAsync(Office);

        var intakeId = await app.InTownServiceAsync<IntakeDesk, int>(Slug, d => d.CreateAsync(new IntakeInput
        {
            CategoryId = bikes.Id, DistrictId = district, Title = "Fahrrad für Frau K.", Description = "Für Wege zum Deutschkurs.",
            Name = "Frau K.", Culture = "de",
        }, coordinator));
        var listingId = await app.InTownAsync(Slug, db => db.IntakeContacts.Where(i => i.Id == intakeId).Select(i => i.ListingId).SingleAsync());

        var fact = Assert.Single(await FactsAsync(listingId));
        Assert.Equal(SupplyEvent.Published, fact.Event);
        Assert.Equal(ListingType.Request, fact.Side);
        Assert.False(fact.Closes);
        Assert.Equal(bikes.ParentId, fact.CategoryId);
        Assert.Equal(bikes.Id, fact.SubCategoryId);
        Assert.Equal(district, fact.DistrictId);
    }

    /// <summary>A listing ending in two days, the hourly job's "still current?" mail about it, and the path of the mail's <paramref name="action"/> link.</summary>
    private async Task<(int ListingId, string Link)> StillCurrentLinkAsync(string action)
    {
        var poster = await app.NewMemberAsync(Slug, "gc");
        var id = await app.CreateListingAsync(Slug, poster, ListingType.Request, "Noch aktuell?", configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddDays(2));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpireListingsJob>().RunForTownAsync(await app.TownIdAsync(Slug));
        }

        await app.MailSettledAsync();
        MimeMessage mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        var links = new HtmlParser().ParseDocument(mail.HtmlBody!).QuerySelectorAll("[data-part=action]")
            .Select(a => new Uri(a.GetAttribute("href")!).AbsolutePath)
            .Where(p => p.StartsWith("/listings/still-current/", StringComparison.Ordinal)).ToList();
        // The mail's order: renew, fulfil, close.
        return (id, links[Array.IndexOf(["renew", "fulfil", "close"], action)]);
    }

    [Theory]
    [InlineData("renew", ListingStatus.Published, null)]
    [InlineData("close", ListingStatus.Closed, SupplyEvent.Withdrawn)]
    [InlineData("fulfil", ListingStatus.Fulfilled, SupplyEvent.Matched)]
    public async Task StillCurrentLink_ConfirmingRecordsNothing_EndingRecordsTheClosingFact(string action, ListingStatus status, SupplyEvent? closing)
    {
        var (id, link) = await StillCurrentLinkAsync(action);

        var done = await app.TownClient(Slug).SubmitAsync(link, "[data-testid=still-current-form]");

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(status, (await ListingAsync(id)).Status);
        var facts = await FactsAsync(id);
        if (closing is null)
        {
            // Still open, as before: nothing changed for the gap figures.
            Assert.Empty(facts);
        }
        else
        {
            var fact = Assert.Single(facts);
            Assert.Equal(closing, fact.Event);
            Assert.True(fact.Closes);
        }
    }
}
