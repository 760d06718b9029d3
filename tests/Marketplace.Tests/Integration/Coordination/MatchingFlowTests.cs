using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Marketplace.Web.Matching;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Coordination;

/// <summary>The office's way from a waiting request to a confirmed, completed match, as coordinators and both sides see it.</summary>
[Trait("Category", "Database")]
public sealed class MatchingFlowTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    /// <summary>The offer's title, unique per test: the class shares one database, and earlier offers stay suggestible.</summary>
    private readonly string _offerTitle = $"Ich begleite zu Ämtern {Guid.NewGuid():N}"[..32];

    private async Task<(int Request, int Offer, string Requester, string Helper)> RequestAndOfferAsync(int places = 2)
    {
        // Earlier tests' offers would tie with this one and, past the top ten, push it out of the suggestions.
        await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Type == ListingType.Offer && l.Title.StartsWith("Ich begleite zu Ämtern"))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, ListingStatus.Closed)));
        var requester = await app.NewMemberAsync("erlangen", "suchend");
        var helper = await app.NewMemberAsync("erlangen", "helfend");
        var request = await app.CreateListingAsync("erlangen", requester, ListingType.Request, "Begleitung zum Jobcenter", "behoerden",
            l => l.Languages = ",ar,de,");
        var offer = await app.CreateListingAsync("erlangen", helper, ListingType.Offer, _offerTitle, "behoerden",
            l => { l.Languages = ",ar,"; l.Quantity = places; });
        return (request, offer, requester, helper);
    }

    /// <summary>Proposes the offer, both sides accept, and the match's window ended two days ago.</summary>
    private async Task<int> AcceptedAndOverAsync(int request)
    {
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        await ProposeFirstAsync(coordinator, request, _offerTitle);
        var matchId = await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.ListingId == request).Select(m => m.Id).SingleAsync());
        await app.InTownServiceAsync<MatchProposals, AnswerOutcome>("erlangen", p => p.AnswerAsync(matchId, true, true, false));
        await app.InTownServiceAsync<MatchProposals, AnswerOutcome>("erlangen", p => p.AnswerAsync(matchId, false, true, false));
        await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.Id == matchId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EndsOn, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)))));
        return matchId;
    }

    private static async Task<HttpResponseMessage> ProposeFirstAsync(HttpClient coordinator, int request, string label)
    {
        var url = $"/coordination/requests/{request}";
        var page = await coordinator.GetPageAsync(url);
        var suggestion = page.QuerySelectorAll("[data-testid=suggestion]").First(s => s.TextContent.Contains(label));
        return await coordinator.SubmitAsync((IHtmlFormElement)suggestion.QuerySelector("[data-testid=propose-form]")!, url);
    }

    [Fact]
    public async Task Queue_ShowsTheWaitingRequest_AndItsPageRanksTheOfferWithReasons()
    {
        var (request, _, _, _) = await RequestAndOfferAsync();
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");

        var queue = await coordinator.GetPageAsync("/coordination/requests?language=ar");
        Assert.Contains(queue.QuerySelectorAll("[data-testid=queue-row]"), r => r.TextContent.Contains("Begleitung zum Jobcenter"));

        var page = await coordinator.GetPageAsync($"/coordination/requests/{request}");
        var suggestion = page.QuerySelectorAll("[data-testid=suggestion]").First(s => s.TextContent.Contains(_offerTitle));
        var reasons = suggestion.QuerySelectorAll("[data-testid=suggestion-reason]").Select(r => r.GetAttribute("data-reason")).ToList();
        Assert.Contains(nameof(MatchReason.SameSubCategory), reasons);
        Assert.Contains(nameof(MatchReason.SameDistrict), reasons);
        Assert.Contains(nameof(MatchReason.CommonLanguage), reasons);
        Assert.Contains("gemeinsame Sprache", suggestion.TextContent);
    }

    [Fact]
    public async Task AnOfferPastItsEnd_IsNeitherSuggestedNorProposable_BeforeTheHourlyJobMarksItExpired()
    {
        var (request, offer, _, _) = await RequestAndOfferAsync();
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        var url = $"/coordination/requests/{request}";
        var form = (IHtmlFormElement)(await coordinator.GetPageAsync(url)).QuerySelectorAll("[data-testid=suggestion]")
            .First(s => s.TextContent.Contains(_offerTitle)).QuerySelector("[data-testid=propose-form]")!;
        await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == offer)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var page = await coordinator.GetPageAsync(url);
        await coordinator.SubmitAsync(form, url);

        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=suggestion]"), s => s.TextContent.Contains(_offerTitle));
        Assert.False(await app.InTownAsync("erlangen", db => db.Matches.AnyAsync(m => m.ListingId == request)));
    }

    [Fact]
    public async Task BothSidesAcceptByLink_TakesAPlace_SharesOnlyTheAgreedContact_AndMarksTheRequestMatched()
    {
        var (request, offer, requester, helper) = await RequestAndOfferAsync(places: 2);
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");

        Assert.Equal(HttpStatusCode.Redirect, (await ProposeFirstAsync(coordinator, request, _offerTitle)).StatusCode);
        var requesterMail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(requester), m => (m.Subject ?? "").Contains("Vorschlag"));
        var helperMail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(helper), m => (m.Subject ?? "").Contains("Vorschlag"));

        // The link works without logging in: a fresh client, one button, and the choice to share the address.
        var anonymous = app.TownClient("erlangen");
        var requesterLink = new Uri(Accounts.LinkIn(requesterMail, "/matches/answer/")).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SubmitAsync(requesterLink, "[data-testid=answer-form]",
            new Dictionary<string, string> { ["shareContact"] = "true" })).StatusCode);
        var helperLink = new Uri(Accounts.LinkIn(helperMail, "/matches/answer/")).PathAndQuery;
        var done = await Html.ParseAsync(await anonymous.SubmitAsync(helperLink, "[data-testid=answer-form]"));
        Assert.Contains("Vermittlung steht", done.TestId("answer-done"));

        var match = await app.InTownAsync("erlangen", db => db.Matches.AsNoTracking().SingleAsync(m => m.ListingId == request));
        Assert.Equal(MatchStatus.Accepted, match.Status);
        Assert.Equal(1, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == offer).Select(l => l.Quantity).SingleAsync()));
        Assert.Equal(OfficeStatus.Matched, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == request).Select(l => l.OfficeStatus).SingleAsync()));

        // The requester agreed to share, the helper did not: only the helper learns an address.
        var toHelper = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(helper), m => (m.Subject ?? "").Contains("Vermittlung steht"));
        var toRequester = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(requester), m => (m.Subject ?? "").Contains("Vermittlung steht"));
        Assert.Contains(MessagesTestData.EmailOf(requester), toHelper.TextBody ?? "");
        Assert.DoesNotContain(MessagesTestData.EmailOf(helper), toRequester.TextBody ?? "");

        // The same link again changes nothing.
        var again = await anonymous.GetAsync(helperLink);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
    }

    [Fact]
    public async Task TheProposalMailAndAnswerPage_SayWhatAndWhoIsProposed_AtDistrictLevel_WithoutAddresses()
    {
        var (request, offer, requester, helper) = await RequestAndOfferAsync();
        var march = new DateOnly(2027, 3, 1);
        var may = new DateOnly(2027, 5, 31);
        var june = new DateOnly(2027, 6, 30);
        await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == request)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.AvailableFrom, march).SetProperty(l => l.AvailableUntil, may)));
        await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == offer).ExecuteUpdateAsync(s => s.SetProperty(l => l.AvailableUntil, june)));
        var (category, district) = await app.InTownAsync("erlangen", async db => (
            await db.Categories.Where(c => c.Key == "behoerden").Select(c => c.Names).SingleAsync(),
            await db.Listings.Where(l => l.Id == request).Select(l => l.District!.Name).SingleAsync()));
        var de = System.Globalization.CultureInfo.GetCultureInfo("de");
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");

        await ProposeFirstAsync(coordinator, request, _offerTitle);

        var toRequester = (await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(requester), m => (m.Subject ?? "").Contains("Vorschlag"))).TextBody ?? "";
        var toHelper = (await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(helper), m => (m.Subject ?? "").Contains("Vorschlag"))).TextBody ?? "";
        foreach (var text in new[] { toRequester, toHelper })
        {
            Assert.Contains("Begleitung zum Jobcenter", text);
            Assert.Contains(_offerTitle, text);
            Assert.Contains(category.In("de"), text);
            Assert.Contains(district, text);
            Assert.Contains(march.ToString("d", de), text);
            Assert.Contains(may.ToString("d", de), text);
            Assert.Contains(june.ToString("d", de), text);
        }

        // Each side learns the other's pseudonymous name, never the other's address.
        Assert.Contains(helper, toRequester);
        Assert.DoesNotContain(MessagesTestData.EmailOf(helper), toRequester);
        Assert.Contains(requester, toHelper);
        Assert.DoesNotContain(MessagesTestData.EmailOf(requester), toHelper);

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(helper), m => (m.Subject ?? "").Contains("Vorschlag"));
        var page = await app.TownClient("erlangen").GetPageAsync(new Uri(Accounts.LinkIn(mail, "/matches/answer/")).PathAndQuery);
        var proposal = page.TestId("answer-proposal");
        Assert.Contains("Begleitung zum Jobcenter", proposal);
        Assert.Contains(_offerTitle, proposal);
        Assert.Contains(category.In("de"), proposal);
        Assert.Contains(district, proposal);
        Assert.Contains(march.ToString("d", de), proposal);
        Assert.Contains(requester, proposal);
        Assert.DoesNotContain("@test.example", page.Body!.TextContent);
    }

    [Fact]
    public async Task WithWhomDidItWork_OffersTheOfficeMatch_AndMarkingFulfilledEarly_AsksAtOnce_EndToEnd()
    {
        var (request, _, requester, helper) = await RequestAndOfferAsync();
        // The request's window runs for months: without the poster's word, feedback would wait for it.
        await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == request)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.AvailableUntil, DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)))));
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        await ProposeFirstAsync(coordinator, request, _offerTitle);
        var matchId = await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.ListingId == request).Select(m => m.Id).SingleAsync());
        await app.InTownServiceAsync<MatchProposals, AnswerOutcome>("erlangen", p => p.AnswerAsync(matchId, true, true, false));
        Assert.Equal(AnswerOutcome.Accepted, await app.InTownServiceAsync<MatchProposals, AnswerOutcome>("erlangen", p => p.AnswerAsync(matchId, false, true, false)));

        var poster = await app.SignedInAsync("erlangen", requester);
        var listingPage = await poster.GetPageAsync($"/listings/{request}");
        var helperId = await app.UserIdAsync(helper);
        Assert.Contains(listingPage.QuerySelectorAll("[data-testid=fulfil-counterpart] option"), o => o.GetAttribute("value") == helperId && o.TextContent.Contains(helper));

        var fulfilled = await poster.SubmitAsync((IHtmlFormElement)listingPage.QuerySelector("[data-testid=fulfil-form]")!, $"/listings/{request}",
            new Dictionary<string, string> { ["counterpartUserId"] = helperId });
        Assert.Equal(HttpStatusCode.Redirect, fulfilled.StatusCode);

        // The question goes out now, to both sides, through the outbox and the real SMTP server.
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(requester), m => (m.Subject ?? "").Contains("Hat es geklappt"));
        await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(helper), m => (m.Subject ?? "").Contains("Hat es geklappt"));
        var mine = await poster.GetPageAsync("/me/matches");
        Assert.DoesNotContain("fragen wir, ob es geklappt hat", mine.Body!.TextContent);
        Assert.NotNull(mine.QuerySelector("[data-testid=my-match-feedback]"));

        var link = new Uri(Accounts.LinkIn(mail, "/matches/feedback/")).PathAndQuery;
        var anonymous = app.TownClient("erlangen");
        Assert.Contains("Begleitung zum Jobcenter", (await anonymous.GetPageAsync(link)).Body!.TextContent);
        var answered = await anonymous.SubmitAsync(link, "[data-testid=feedback-form]",
            new Dictionary<string, string> { ["Input.Happened"] = "true", ["Input.Rating"] = "4", ["Input.Comment"] = "Pünktlich und freundlich" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Danke", (await Html.ParseAsync(answered)).TestId("feedback-done"));

        var match = await app.MatchAsync("erlangen", matchId);
        Assert.Equal(MatchStatus.Completed, match.Status);
        Assert.True(match.RequestFeedback.Happened);
        Assert.Equal(4, match.RequestFeedback.Rating);
        Assert.Equal("Pünktlich und freundlich", match.RequestFeedback.Comment);
        // The office match is the record of this fulfilment: no second one from the marketplace.
        Assert.Equal(1, await app.InTownAsync("erlangen", db => db.Matches.CountAsync(m => m.ListingId == request)));
    }

    [Fact]
    public async Task MarkingFulfilled_WithNobodyNamed_AsksTheOpenOfficeMatchAtOnce_AndRecordsNoSecondMatch()
    {
        var (request, _, requester, helper) = await RequestAndOfferAsync();
        await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == request)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.AvailableUntil, DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)))));
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        await ProposeFirstAsync(coordinator, request, _offerTitle);
        var matchId = await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.ListingId == request).Select(m => m.Id).SingleAsync());
        await app.InTownServiceAsync<MatchProposals, AnswerOutcome>("erlangen", p => p.AnswerAsync(matchId, true, true, false));
        await app.InTownServiceAsync<MatchProposals, AnswerOutcome>("erlangen", p => p.AnswerAsync(matchId, false, true, false));

        var poster = await app.SignedInAsync("erlangen", requester);
        Assert.Equal(HttpStatusCode.Redirect, (await poster.SubmitAsync($"/listings/{request}", "[data-testid=fulfil-form]")).StatusCode);

        await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(helper), m => (m.Subject ?? "").Contains("Hat es geklappt"));
        Assert.NotNull((await app.MatchAsync("erlangen", matchId)).FeedbackRequestedAt);
        Assert.Equal(1, await app.InTownAsync("erlangen", db => db.Matches.CountAsync(m => m.ListingId == request)));
    }

    [Fact]
    public async Task ADecline_SendsTheRequestBackToTheQueue_WithTheReason()
    {
        var (request, _, _, helper) = await RequestAndOfferAsync();
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        await ProposeFirstAsync(coordinator, request, _offerTitle);

        var helperClient = await app.SignedInAsync("erlangen", helper);
        var mine = await helperClient.GetPageAsync("/me/matches");
        var form = (IHtmlFormElement)mine.QuerySelector("[data-testid=my-match-answer]")!;
        Assert.Equal(HttpStatusCode.Redirect, (await helperClient.SubmitAsync(form, "/me/matches", null, "accept", "false")).StatusCode);

        var page = await coordinator.GetPageAsync($"/coordination/requests/{request}");
        Assert.Contains("zurück in der Warteschlange", page.TestId("match-status"));
        Assert.Contains("abgesagt von der helfenden Seite", page.TestId("match-end-reason"));
        // The one who said no is not suggested again.
        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=suggestion]"), s => s.TextContent.Contains(_offerTitle));
        var queue = await coordinator.GetPageAsync("/coordination/requests");
        Assert.Contains(queue.QuerySelectorAll("[data-testid=queue-row]"),
            r => r.TextContent.Contains("Begleitung zum Jobcenter") && r.TextContent.Contains("abgesagt von der helfenden Seite"));
    }

    [Fact]
    public async Task SevenDaysWithoutAnswer_ReturnTheRequestToTheQueue()
    {
        var (request, _, _, _) = await RequestAndOfferAsync();
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        await ProposeFirstAsync(coordinator, request, _offerTitle);
        var matchId = await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.ListingId == request).Select(m => m.Id).SingleAsync());

        // Within the seven days nothing happens to it.
        await app.InTownServiceAsync<MatchProposals, int>("erlangen", p => p.ExpireUnansweredAsync());
        Assert.Equal(MatchStatus.Proposed, (await app.MatchAsync("erlangen", matchId)).Status);
        await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.Id == matchId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AnswerDueAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await app.InTownServiceAsync<MatchProposals, int>("erlangen", p => p.ExpireUnansweredAsync());

        var match = await app.MatchAsync("erlangen", matchId);
        Assert.Equal(MatchStatus.Declined, match.Status);
        Assert.Equal(MatchEndReason.NoAnswer, match.EndReason);
        Assert.Equal(OfficeStatus.InProgress, await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == request).Select(l => l.OfficeStatus).SingleAsync()));
    }

    [Fact]
    public async Task Feedback_AYesCompletes_AndANoFromTheOtherSideMakesItDisputed()
    {
        var (request, _, requester, helper) = await RequestAndOfferAsync();
        var matchId = await AcceptedAndOverAsync(request);

        Assert.True(await app.InTownServiceAsync<MatchFeedbackRequests, int>("erlangen", f => f.RequestDueAsync()) >= 1);
        Assert.Equal(0, await app.InTownServiceAsync<MatchFeedbackRequests, int>("erlangen", f => f.RequestDueAsync()));
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(requester), m => (m.Subject ?? "").Contains("Hat es geklappt"));

        var link = new Uri(Accounts.LinkIn(mail, "/matches/feedback/")).PathAndQuery;
        var anonymous = app.TownClient("erlangen");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SubmitAsync(link, "[data-testid=feedback-form]",
            new Dictionary<string, string> { ["Input.Happened"] = "true", ["Input.Rating"] = "5", ["Input.Comment"] = "Sehr hilfreich" })).StatusCode);
        Assert.Equal(MatchStatus.Completed, (await app.MatchAsync("erlangen", matchId)).Status);

        var helperClient = await app.SignedInAsync("erlangen", helper);
        var form = (IHtmlFormElement)(await helperClient.GetPageAsync("/me/matches")).QuerySelector("[data-testid=my-match-feedback]")!;
        await helperClient.SubmitAsync(form, "/me/matches", new Dictionary<string, string> { ["Input.Happened"] = "false" });
        var match = await app.MatchAsync("erlangen", matchId);
        Assert.Equal(MatchStatus.Disputed, match.Status);
        Assert.Equal(5, match.RequestFeedback.Rating);
    }

    [Fact]
    public async Task ARatingOutsideOneToFive_IsRefusedAtTheField()
    {
        var (request, _, _, helper) = await RequestAndOfferAsync();
        var matchId = await AcceptedAndOverAsync(request);

        var helperClient = await app.SignedInAsync("erlangen", helper);
        var form = (IHtmlFormElement)(await helperClient.GetPageAsync("/me/matches")).QuerySelector("[data-testid=my-match-feedback]")!;
        var response = await helperClient.SubmitAsync(form, "/me/matches", new Dictionary<string, string> { ["Input.Rating"] = "9" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Null((await app.MatchAsync("erlangen", matchId)).OfferFeedback.Happened);
    }

    [Fact]
    public async Task NotesClaimAndStatus_AreKeptInTheOffice_AndAudited()
    {
        var (request, _, requester, _) = await RequestAndOfferAsync();
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        var url = $"/coordination/requests/{request}";
        await coordinator.SubmitAsync(url, "[data-testid=request-claim-form]");
        await coordinator.SubmitAsync(url, "[data-testid=note-form]", new Dictionary<string, string> { ["NoteText"] = "Rückruf Donnerstag" });
        var empty = await coordinator.SubmitAsync(url, "[data-testid=note-form]", new Dictionary<string, string> { ["NoteText"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);

        var page = await coordinator.GetPageAsync(url);
        Assert.Contains("erlangen-koordination", page.TestId("request-assignee"));
        Assert.Contains("Rückruf Donnerstag", page.TestId("office-note"));
        Assert.Contains("in Bearbeitung", page.TestId("request-office-status"));
        Assert.Single(await app.InTownAsync("erlangen", db => db.OfficeNotes.Where(n => n.ListingId == request).ToListAsync()));
        var actions = await app.InTownAsync("erlangen", db => db.AuditEntries.Where(a => a.SubjectType == "listing" && a.SubjectId == request.ToString())
            .Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.ClaimedRequest, actions);
        Assert.Contains(AuditAction.AddedNote, actions);

        // The requester's public page never shows the note.
        var own = await (await app.SignedInAsync("erlangen", requester)).GetStringAsync($"/listings/{request}");
        Assert.DoesNotContain("Rückruf Donnerstag", own);
    }

    [Fact]
    public async Task Dashboard_CountsProposalsAwaitingAnswers()
    {
        var (request, _, _, _) = await RequestAndOfferAsync();
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        int Count(AngleSharp.Dom.IDocument page) => int.Parse(new string(page.TestId("count-matches-proposed").Where(char.IsDigit).ToArray()));

        var before = Count(await coordinator.GetPageAsync("/coordination"));
        await ProposeFirstAsync(coordinator, request, _offerTitle);

        Assert.Equal(before + 1, Count(await coordinator.GetPageAsync("/coordination")));
    }

    [Fact]
    public async Task AnotherTownsCoordinator_GetsNotFound_OnEveryRequestPageAndHandler_AndChangesNothing()
    {
        var (request, offer, _, _) = await RequestAndOfferAsync();
        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");

        Assert.Equal(HttpStatusCode.NotFound, (await potsdam.GetAsync($"/coordination/requests/{request}")).StatusCode);
        var token = (await potsdam.GetPageAsync("/coordination/requests")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        foreach (var handler in new[] { "Claim", "Release", "Note", "Propose", "RecordAnswer" })
        {
            var response = await potsdam.PostAsync($"/coordination/requests/{request}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["NoteText"] = "fremd", ["kind"] = "Offer", ["candidate"] = offer.ToString(), ["match"] = "1",
                ["accept"] = "true",
            }));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{handler}: {response.StatusCode}");
        }

        Assert.Empty(await app.InTownAsync("erlangen", db => db.Matches.Where(m => m.ListingId == request).ToListAsync()));
        Assert.Empty(await app.InTownAsync("erlangen", db => db.OfficeNotes.Where(n => n.ListingId == request).ToListAsync()));
        Assert.Null(await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == request).Select(l => l.AssignedToUserId).SingleAsync()));
    }

    [Fact]
    public async Task AnErlangenAnswerLink_IsNotFoundOnPotsdamsHost()
    {
        var (request, _, requester, _) = await RequestAndOfferAsync();
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        await ProposeFirstAsync(coordinator, request, _offerTitle);
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(requester), m => (m.Subject ?? "").Contains("Vorschlag"));
        var path = new Uri(Accounts.LinkIn(mail, "/matches/answer/")).PathAndQuery;

        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("potsdam").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("erlangen").GetAsync(path[..^4] + "abcd")).StatusCode);
    }

    [Fact]
    public async Task AMemberCannotOpenTheOffice()
    {
        var member = await app.SignedInAsync("erlangen", "erlangen-mitglied");
        foreach (var url in new[] { "/coordination", "/coordination/requests", "/coordination/volunteers" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(url)).StatusCode);
        }
    }
}
