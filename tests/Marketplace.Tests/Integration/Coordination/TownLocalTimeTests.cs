using AngleSharp.Dom;
using Marketplace.Web.Domain;
using Marketplace.Web.Matching;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Coordination;

/// <summary>
/// Times on the office's and the members' pages are the town's (Erlangen: Europe/Berlin), not UTC: 23:30 UTC on 10 March
/// is already 00:30 on 11 March there. And the queue says how long a request waits in words a person would use.
/// </summary>
[Trait("Category", "Database")]
public sealed class TownLocalTimeTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 10, 23, 30, 0, TimeSpan.Zero);

    private async Task<(int Request, string Requester)> RequestAsync(string title = "Begleitung zur Ausländerbehörde")
    {
        var requester = await app.NewMemberAsync("erlangen", "zeit");
        return (await app.CreateListingAsync("erlangen", requester, ListingType.Request, title, "behoerden"), requester);
    }

    [Fact]
    public async Task RequestPage_ShowsNoteInquiryAndAnswerDeadline_InTheTownsTime()
    {
        var (request, requester) = await RequestAsync();
        var helper = await app.NewMemberAsync("erlangen", "zeithilfe");
        var offer = await app.CreateListingAsync("erlangen", helper, ListingType.Offer, "Ich begleite zu Behörden", "behoerden");
        var coordinatorId = await app.UserIdAsync("erlangen-koordination");
        var requesterId = await app.UserIdAsync(requester);
        await app.InTownAsync("erlangen", db =>
        {
            db.OfficeNotes.Add(new OfficeNote { ListingId = request, AuthorUserId = coordinatorId, Text = "Spät notiert", CreatedAt = LateEvening });
            db.OfficeInquiries.Add(new OfficeInquiry { ListingId = request, UserId = requesterId, Message = "Spät gefragt", CreatedAt = LateEvening });
            db.Matches.Add(new Match
            {
                ListingId = request, OfferListingId = offer, Source = MatchSource.Coordination, Status = MatchStatus.Proposed,
                ProposedByUserId = coordinatorId, CreatedAt = LateEvening.AddDays(-7), AnswerDueAt = LateEvening,
            });
            return db.SaveChangesAsync();
        });
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");

        var page = await coordinator.GetPageAsync($"/coordination/requests/{request}");

        var note = page.QuerySelector("[data-testid=office-note]")!.TextContent;
        Assert.Contains("11.03.2026 00:30", note);
        Assert.DoesNotContain("10.03.2026", note);
        var inquiry = page.QuerySelector("[data-testid=request-inquiries]")!.TextContent;
        Assert.Contains("11.03.2026 00:30", inquiry);
        var match = page.QuerySelector("[data-testid=match]")!.TextContent;
        Assert.Contains("11.03.2026", match);
        Assert.DoesNotContain("10.03.2026", match);
    }

    [Fact]
    public async Task ListingPage_ShowsTheEndDate_InTheTownsCalendar()
    {
        var poster = await app.NewMemberAsync("erlangen", "ende");
        var listing = await app.CreateListingAsync("erlangen", poster, configure: l => l.ExpiresAt = new DateTimeOffset(2099, 3, 10, 23, 30, 0, TimeSpan.Zero));

        var page = await app.TownClient("erlangen").GetPageAsync($"/listings/{listing}");

        Assert.Contains("11.03.2099", page.QuerySelector("[data-testid=listing-until]")!.TextContent);
    }

    [Fact]
    public async Task AcceptedMatch_WithoutEndDates_AsksForFeedbackTwoWeeksLater_ByTheTownsCalendar()
    {
        var (request, _) = await RequestAsync("Suche Hilfe beim Umzug");
        var helper = await app.NewMemberAsync("erlangen", "umzug");
        var offer = await app.CreateListingAsync("erlangen", helper, ListingType.Offer, "Helfe beim Umzug", "behoerden");
        var coordinatorId = await app.UserIdAsync("erlangen-koordination");
        var matchId = (await app.InTownServiceAsync<MatchProposals, ProposeResult>("erlangen",
            p => p.ProposeAsync(request, CandidateKind.Offer, offer, coordinatorId))).MatchId;
        // The second yes comes at 23:30 UTC, which is already the next day in Erlangen.
        var now = DateTimeOffset.UtcNow;
        var lateEvening = new DateTimeOffset(now.Year, now.Month, now.Day, 23, 30, 0, TimeSpan.Zero);
        var clock = new Mail.ManualClock(lateEvening < now ? lateEvening.AddDays(1) : lateEvening);

        await app.InTownServiceAsync<MatchProposals, AnswerOutcome>("erlangen", p => p.AnswerAsync(matchId, true, true, false));
        var tenantId = await app.TownIdAsync("erlangen");
        await using (var scope = await app.Services.GetRequiredService<TenantScopeFactory>().CreateAsync(tenantId))
        {
            var services = scope.ServiceProvider;
            var proposals = ActivatorUtilities.CreateInstance<MatchProposals>(services, clock,
                new TownClock(services.GetRequiredService<ITenantContext>(), clock));
            Assert.Equal(AnswerOutcome.Accepted, await proposals.AnswerAsync(matchId, false, true, false));
        }

        var endsOn = await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.Id == matchId).Select(m => m.EndsOn).SingleAsync());
        Assert.Equal(DateOnly.FromDateTime(clock.Now.UtcDateTime).AddDays(15), endsOn);
    }

    [Fact]
    public async Task Queue_SaysSinceToday_OneDay_AndDaysInThePlural()
    {
        var (today, _) = await RequestAsync("Wartet erst seit heute");
        var (yesterday, _) = await RequestAsync("Wartet seit gestern");
        var (older, _) = await RequestAsync("Wartet seit drei Tagen");
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var localToday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).Date;
        var noonToday = new DateTimeOffset(localToday.AddHours(12), berlin.GetUtcOffset(DateTimeOffset.UtcNow)).ToUniversalTime();
        // Just after midnight in Berlin, five minutes ago is yesterday: published today means after local midnight.
        var midnight = new DateTimeOffset(localToday, berlin.GetUtcOffset(localToday)).ToUniversalTime();
        var publishedToday = DateTimeOffset.UtcNow.AddMinutes(-5) > midnight ? DateTimeOffset.UtcNow.AddMinutes(-5) : midnight;
        await app.InTownAsync("erlangen", async db =>
        {
            await db.Listings.Where(l => l.Id == today).ExecuteUpdateAsync(s => s.SetProperty(l => l.PublishedAt, publishedToday));
            await db.Listings.Where(l => l.Id == yesterday).ExecuteUpdateAsync(s => s.SetProperty(l => l.PublishedAt, noonToday.AddDays(-1)));
            return await db.Listings.Where(l => l.Id == older).ExecuteUpdateAsync(s => s.SetProperty(l => l.PublishedAt, noonToday.AddDays(-3)));
        });
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");

        var category = await app.InTownAsync("erlangen", db => db.Categories.Where(c => c.Key == "behoerden").Select(c => c.Id).SingleAsync());

        var queue = await coordinator.GetPageAsync($"/coordination/requests?age=UpTo3Days&category={category}");

        string Waiting(string title) => queue.QuerySelectorAll("[data-testid=queue-row]").Single(r => r.TextContent.Contains(title))
            .QuerySelector("[data-testid=queue-waiting]")!.TextContent.Trim();
        Assert.Equal("heute", Waiting("Wartet erst seit heute"));
        Assert.Equal("1 Tag", Waiting("Wartet seit gestern"));
        Assert.Equal("3 Tagen", Waiting("Wartet seit drei Tagen"));
        Assert.DoesNotContain("0 Tagen", queue.Body!.TextContent);
    }
}
