using System.Net;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Jobs;
using Marketplace.Web.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Coordination;

/// <summary>
/// Whoever the suggestions leave out cannot be proposed by a hand-made POST either, and a proposal whose helper stops
/// qualifying (here: a police clearance that lapsed) is stopped when it is accepted and again when its time window starts.
/// </summary>
[Trait("Category", "Database")]
public sealed class MatchEligibilityTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private const string Office = "erlangen-koordination";

    /// <summary>A homework-help request (the category requires a clearance) and a volunteer for it, cleared unless told otherwise.</summary>
    private async Task<(int Request, string Title, string Requester, string Volunteer, int Profile)> HomeworkAsync(bool cleared = true)
    {
        var requester = await app.NewMemberAsync("erlangen", "familie");
        var volunteer = await app.NewMemberAsync("erlangen", "nachhilfe");
        var profile = await app.VolunteerAsync("erlangen", volunteer, "hausaufgabenhilfe", "de");
        if (cleared)
        {
            await ClearanceAsync(volunteer, Today.AddYears(-1));
        }

        var title = $"Mathe Klasse 5 {Guid.NewGuid():N}"[..24];
        var request = await app.CreateListingAsync("erlangen", requester, ListingType.Request, title, "hausaufgabenhilfe");
        return (request, title, requester, volunteer, profile);
    }

    private async Task ClearanceAsync(string userName, DateOnly issuedOn)
    {
        var userId = await app.UserIdAsync(userName);
        var coordinatorId = await app.UserIdAsync(Office);
        await app.InTownAsync("erlangen", async db =>
        {
            db.PoliceClearances.Add(new PoliceClearance
            {
                VolunteerUserId = userId, InspectedByUserId = coordinatorId, IssuedOn = issuedOn, InspectedOn = issuedOn.AddDays(3),
                RecordedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The certificate is now older than the town's five years.</summary>
    private async Task LapseAsync(string userName)
    {
        var userId = await app.UserIdAsync(userName);
        await app.InTownAsync("erlangen", db => db.PoliceClearances.Where(c => c.VolunteerUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IssuedOn, Today.AddYears(-6))));
    }

    /// <summary>The POST a coordinator's browser sends, for any candidate, whether the page suggested it or not.</summary>
    private static async Task<HttpResponseMessage> ProposeAsync(HttpClient coordinator, int request, CandidateKind kind, int candidate)
    {
        var url = $"/coordination/requests/{request}";
        var token = (await coordinator.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await coordinator.PostAsync($"{url}?handler=Propose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["kind"] = kind.ToString(), ["candidate"] = candidate.ToString(),
        }));
    }

    private Task<List<Match>> MatchesOfAsync(int request) =>
        app.InTownAsync("erlangen", db => db.Matches.AsNoTracking().Where(m => m.ListingId == request).ToListAsync());

    private async Task<int> ProposedAndAcceptedAsync(int request)
    {
        var match = Assert.Single(await MatchesOfAsync(request)).Id;
        await app.InTownServiceAsync<MatchProposals, AnswerOutcome>("erlangen", p => p.AnswerAsync(match, true, true, false));
        Assert.Equal(AnswerOutcome.Accepted, await app.InTownServiceAsync<MatchProposals, AnswerOutcome>("erlangen", p => p.AnswerAsync(match, false, true, false)));
        return match;
    }

    private async Task RunCoordinationJobAsync()
    {
        var erlangen = await app.TownIdAsync("erlangen");
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CoordinationJob>().RunForTownAsync(erlangen);
    }

    [Fact]
    public async Task Propose_AVolunteerWithoutAClearance_ForWorkThatRequiresOne_IsRefused_AndNothingIsWrittenOrMailed()
    {
        var (request, _, _, volunteer, profile) = await HomeworkAsync(cleared: false);
        var coordinator = await app.SignedInAsync("erlangen", Office);

        var response = await ProposeAsync(coordinator, request, CandidateKind.Volunteer, profile);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Führungszeugnis", (await Html.ParseAsync(response)).QuerySelector(".form-errors")?.TextContent ?? "");
        Assert.Empty(await MatchesOfAsync(request));
        Assert.Equal(OfficeStatus.New, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == request).Select(l => l.OfficeStatus).SingleAsync()));
        await app.MailSettledAsync();
        Assert.Empty(app.Smtp.MessagesTo(MessagesTestData.EmailOf(volunteer)));
    }

    [Fact]
    public async Task Propose_RefusesEveryoneTheSuggestionsLeaveOut_ABlockedOrPausedHelper_AnotherCategory_AndOneProposedBefore()
    {
        var (request, _, _, volunteer, profile) = await HomeworkAsync();
        var coordinator = await app.SignedInAsync("erlangen", Office);
        var volunteerId = await app.UserIdAsync(volunteer);
        var bikes = await app.CreateListingAsync("erlangen", await app.NewMemberAsync("erlangen", "rad"), ListingType.Offer, "Kinderrad 20 Zoll");

        // A blocked member is not suggested, so not proposable either.
        await app.InTownAsync("erlangen", db => db.Memberships.Where(m => m.UserId == volunteerId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BlockedAt, DateTimeOffset.UtcNow)));
        Assert.DoesNotContain((await coordinator.GetPageAsync($"/coordination/requests/{request}")).QuerySelectorAll("[data-testid=suggestion]"),
            s => s.TextContent.Contains(volunteer));
        Assert.Equal(HttpStatusCode.Conflict, (await ProposeAsync(coordinator, request, CandidateKind.Volunteer, profile)).StatusCode);

        // Nor is a paused volunteer.
        await app.InTownAsync("erlangen", db => db.Memberships.Where(m => m.UserId == volunteerId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BlockedAt, (DateTimeOffset?)null)));
        await app.InTownAsync("erlangen", db => db.VolunteerProfiles.Where(v => v.Id == profile).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsAvailable, false)));
        Assert.Equal(HttpStatusCode.Conflict, (await ProposeAsync(coordinator, request, CandidateKind.Volunteer, profile)).StatusCode);

        // Nor an offer of another category entirely.
        Assert.Equal(HttpStatusCode.Conflict, (await ProposeAsync(coordinator, request, CandidateKind.Offer, bikes)).StatusCode);
        Assert.Empty(await MatchesOfAsync(request));

        // Nor, a second time, someone already proposed for this request.
        await app.InTownAsync("erlangen", db => db.VolunteerProfiles.Where(v => v.Id == profile).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsAvailable, true)));
        Assert.Equal(HttpStatusCode.Redirect, (await ProposeAsync(coordinator, request, CandidateKind.Volunteer, profile)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ProposeAsync(coordinator, request, CandidateKind.Volunteer, profile)).StatusCode);
        Assert.Single(await MatchesOfAsync(request));
    }

    [Fact]
    public async Task Accept_AfterTheClearanceLapsed_MakesNoMatch_AndTheRequestGoesBackToTheOfficeWithTheReason()
    {
        var (request, title, requester, volunteer, profile) = await HomeworkAsync();
        var coordinator = await app.SignedInAsync("erlangen", Office);
        Assert.Equal(HttpStatusCode.Redirect, (await ProposeAsync(coordinator, request, CandidateKind.Volunteer, profile)).StatusCode);
        await LapseAsync(volunteer);

        var requesterClient = await app.SignedInAsync("erlangen", requester);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await requesterClient.GetPageAsync("/me/matches")).QuerySelector("[data-testid=my-match-answer]")!;
        await requesterClient.SubmitAsync(form, "/me/matches", null, "accept", "true");

        var match = Assert.Single(await MatchesOfAsync(request));
        Assert.Equal(MatchStatus.Declined, match.Status);
        Assert.Equal(MatchEndReason.ClearanceMissing, match.EndReason);
        Assert.Contains("kann nicht zustande kommen", (await requesterClient.GetPageAsync("/me/matches")).Body!.TextContent);
        Assert.Equal(OfficeStatus.InProgress, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == request).Select(l => l.OfficeStatus).SingleAsync()));
        Assert.Contains("Führungszeugnis", (await coordinator.GetPageAsync($"/coordination/requests/{request}")).TestId("match-end-reason"));
        var toOffice = await app.Smtp.WaitForAsync(DemoData.EmailOf(Office), m => (m.TextBody ?? "").Contains(title));
        Assert.Contains("Führungszeugnis", toOffice.TextBody);
    }

    [Fact]
    public async Task WindowStart_AfterTheClearanceLapsed_TheMatchDoesNotGoAhead_AndTheOfficeIsTold()
    {
        var (request, title, requester, volunteer, profile) = await HomeworkAsync();
        var coordinator = await app.SignedInAsync("erlangen", Office);
        Assert.Equal(HttpStatusCode.Redirect, (await ProposeAsync(coordinator, request, CandidateKind.Volunteer, profile)).StatusCode);
        var match = await ProposedAndAcceptedAsync(request);

        // Accepted while the certificate was valid; it lapsed before the work begins (the request asks for no later start).
        await LapseAsync(volunteer);
        await RunCoordinationJobAsync();

        var ended = await app.MatchAsync("erlangen", match);
        Assert.Equal(MatchStatus.Declined, ended.Status);
        Assert.Equal(MatchEndReason.ClearanceMissing, ended.EndReason);
        Assert.Equal(OfficeStatus.InProgress, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == request).Select(l => l.OfficeStatus).SingleAsync()));
        var toOffice = await app.Smtp.WaitForAsync(DemoData.EmailOf(Office), m => (m.TextBody ?? "").Contains(title));
        Assert.Contains("Führungszeugnis", toOffice.TextBody);

        // Both sides learn it will not go ahead; the family is not told why (that is the volunteer's business).
        var toRequester = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(requester), m => (m.TextBody ?? "").Contains("nicht wie geplant"));
        Assert.DoesNotContain("Führungszeugnis", toRequester.TextBody);
        await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(volunteer), m => (m.TextBody ?? "").Contains("nicht wie geplant"));
    }

    [Fact]
    public async Task WindowStart_WithTheClearanceStillValid_TheMatchGoesAhead()
    {
        var (request, _, _, _, profile) = await HomeworkAsync();
        var coordinator = await app.SignedInAsync("erlangen", Office);
        Assert.Equal(HttpStatusCode.Redirect, (await ProposeAsync(coordinator, request, CandidateKind.Volunteer, profile)).StatusCode);
        var match = await ProposedAndAcceptedAsync(request);

        await RunCoordinationJobAsync();

        Assert.Equal(MatchStatus.Accepted, (await app.MatchAsync("erlangen", match)).Status);
    }
}
