using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Moderation;

[Trait("Category", "Database")]
public sealed class ReportingTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Member_ReportsListing_ReportIsStored_AndTheyAreThanked()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-admin", title: "Fahrrad gegen Vorkasse");
        var reporter = await app.NewMemberAsync("erlangen");
        var client = await app.SignedInAsync("erlangen", reporter);

        var form = await client.GetPageAsync(ModerationSteps.ReportUrl(ReportTarget.Listing, listingId));
        Assert.Contains("Fahrrad gegen Vorkasse", form.TestId("report-target"));
        Assert.Contains("Betrug", form.TestId("report-form"));
        var response = await client.ReportAsync(ReportTarget.Listing, listingId, nameof(ReportReason.Fraud), "Will Geld vorab.", returnUrl: "/p/help");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/p/help", response.Headers.Location!.OriginalString);
        Assert.Contains("Danke", (await client.GetPageAsync("/p/help")).TestId("status-message"));
        var report = Assert.Single(await app.ReportsOnAsync("erlangen", ReportTarget.Listing, listingId));
        Assert.Equal(ReportReason.Fraud, report.Reason);
        Assert.Equal(ReportStatus.Open, report.Status);
        Assert.Equal("Will Geld vorab.", report.Comment);
        Assert.Equal(await app.UserIdAsync(reporter), report.ReporterUserId);
        Assert.False(await app.InTownAsync("erlangen", db => db.Listings.Where(l => l.Id == listingId).Select(l => l.IsHidden).SingleAsync()));
    }

    [Theory]
    [InlineData(ListingStatus.Paused)]
    [InlineData(ListingStatus.Closed)]
    [InlineData(ListingStatus.Draft)]
    public async Task ReportForm_OfAListingTheMemberMayNotSee_Is404_AndDoesNotShowItsTitle(ListingStatus status)
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-admin", title: "Nicht oeffentlicher Titel",
            configure: l => l.Status = status);
        var client = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen"));

        var response = await client.GetAsync(ModerationSteps.ReportUrl(ReportTarget.Listing, listingId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Nicht oeffentlicher Titel", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReportForm_OfAHiddenListing_Is404ForMembers_AndDoesNotShowItsTitle()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-admin", title: "Ausgeblendeter Titel", configure: l => l.IsHidden = true);
        var client = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen"));

        var response = await client.GetAsync(ModerationSteps.ReportUrl(ReportTarget.Listing, listingId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Ausgeblendeter Titel", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReportForm_OfAMessageModerationHid_Is404_AndDoesNotShowItsText_EvenToAParty()
    {
        var respondent = await app.NewMemberAsync("erlangen");
        var messageId = await app.ConversationMessageAsync("erlangen", "erlangen-admin", respondent, "Geheimer ausgeblendeter Text");
        await app.InTownAsync("erlangen", db => db.Messages.Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsHidden, true)));
        var party = await app.SignedInAsync("erlangen", respondent);

        var get = await party.GetAsync(ModerationSteps.ReportUrl(ReportTarget.Message, messageId));
        var post = await party.PostAsync(ModerationSteps.ReportUrl(ReportTarget.Message, messageId), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = await party.TokenAsync(), ["Input.Reason"] = nameof(ReportReason.Spam) }));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain("Geheimer ausgeblendeter Text", await get.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await app.ReportsOnAsync("erlangen", ReportTarget.Message, messageId));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public async Task Report_WithForeignReturnUrl_GoesBackHome(string returnUrl)
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-admin");
        var client = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen"));

        var response = await client.ReportAsync(ReportTarget.Listing, listingId, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("99")]
    [InlineData("")]
    public async Task Report_WithInvalidReason_ShowsMessageAtTheField_AndStoresNothing(string reason)
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-admin");
        var client = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen"));

        var response = await client.ReportAsync(ReportTarget.Listing, listingId, reason);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.Reason"));
        Assert.Empty(await app.ReportsOnAsync("erlangen", ReportTarget.Listing, listingId));
    }

    [Fact]
    public async Task Report_WithTooLongComment_ShowsMessageAtTheField_AndStoresNothing()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-admin");
        var client = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen"));

        var response = await client.ReportAsync(ReportTarget.Listing, listingId, comment: new string('x', Report.CommentMaxLength + 1));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("1000", (await Html.ParseAsync(response)).FieldError("Input.Comment"));
        Assert.Empty(await app.ReportsOnAsync("erlangen", ReportTarget.Listing, listingId));
    }

    [Fact]
    public async Task Report_OfTheSameTargetTwice_IsRefusedWithAClearMessage()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-admin");
        var client = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen"));
        var url = ModerationSteps.ReportUrl(ReportTarget.Listing, listingId);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync(url)).QuerySelector("[data-testid=report-form]")!;
        var values = new Dictionary<string, string> { ["Input.Reason"] = nameof(ReportReason.Spam) };

        var first = await client.SubmitAsync(form, url, values);
        var second = await client.SubmitAsync(form, url, values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("bereits gemeldet", (await Html.ParseAsync(second)).TestId("report-errors"));
        Assert.Single(await app.ReportsOnAsync("erlangen", ReportTarget.Listing, listingId));
        Assert.Contains("bereits gemeldet", (await client.GetPageAsync(url)).TestId("report-already"));
    }

    [Fact]
    public async Task Reports_AreLimitedToTenPerHour_CountedInTheDatabase()
    {
        var reporter = await app.NewMemberAsync("erlangen");
        var reporterId = await app.UserIdAsync(reporter);
        await app.InTownAsync("erlangen", async db =>
        {
            // One older than an hour (does not count), then nine within the hour.
            for (var i = 0; i < 10; i++)
            {
                db.Reports.Add(new Report
                {
                    TargetType = ReportTarget.User,
                    TargetId = $"earlier-{i}",
                    ReporterUserId = reporterId,
                    Reason = ReportReason.Spam,
                    Status = ReportStatus.Dismissed,
                    CreatedAt = DateTimeOffset.UtcNow.AddMinutes(i == 0 ? -120 : -30),
                });
                await db.SaveChangesAsync();
            }

            return 0;
        });
        var tenth = await app.CreateListingAsync("erlangen", "erlangen-admin");
        var eleventh = await app.CreateListingAsync("erlangen", "erlangen-admin");
        var client = await app.SignedInAsync("erlangen", reporter);

        var allowed = await client.ReportAsync(ReportTarget.Listing, tenth);
        var refused = await client.ReportAsync(ReportTarget.Listing, eleventh);

        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("10 Meldungen", (await Html.ParseAsync(refused)).TestId("report-errors"));
        Assert.Empty(await app.ReportsOnAsync("erlangen", ReportTarget.Listing, eleventh));
    }

    [Fact]
    public async Task BlockedMember_CannotReport_NeitherFormNorPost()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-admin");
        var blocked = await app.NewMemberAsync("erlangen");
        var blockedId = await app.UserIdAsync(blocked);
        await app.InTownAsync("erlangen", db => db.Memberships.Where(m => m.UserId == blockedId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BlockedAt, DateTimeOffset.UtcNow).SetProperty(m => m.BlockedReason, "Test")));
        var client = await app.SignedInAsync("erlangen", blocked);
        var url = ModerationSteps.ReportUrl(ReportTarget.Listing, listingId);

        var get = await client.GetAsync(url);
        var post = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.TokenAsync(),
            ["Input.Reason"] = nameof(ReportReason.Spam),
        }));

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("gesperrt", (await Html.ParseAsync(get)).TestId("report-refused"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(await app.ReportsOnAsync("erlangen", ReportTarget.Listing, listingId));
    }

    [Fact]
    public async Task Message_CanBeReportedOnlyByAPartyOfItsConversation()
    {
        var respondent = await app.NewMemberAsync("erlangen");
        var outsider = await app.NewMemberAsync("erlangen");
        var messageId = await app.ConversationMessageAsync("erlangen", "erlangen-admin", respondent);

        var party = await app.SignedInAsync("erlangen", respondent);
        var form = await party.GetPageAsync(ModerationSteps.ReportUrl(ReportTarget.Message, messageId));
        var reported = await party.ReportAsync(ReportTarget.Message, messageId, nameof(ReportReason.Fraud));
        var stranger = await app.SignedInAsync("erlangen", outsider);
        var strangerGet = await stranger.GetAsync(ModerationSteps.ReportUrl(ReportTarget.Message, messageId));
        var strangerPost = await stranger.PostAsync(ModerationSteps.ReportUrl(ReportTarget.Message, messageId), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = await stranger.TokenAsync(), ["Input.Reason"] = nameof(ReportReason.Spam) }));

        Assert.Contains("vorab 50 Euro", form.TestId("report-target"));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerPost.StatusCode);
        Assert.Equal(await app.UserIdAsync(respondent), Assert.Single(await app.ReportsOnAsync("erlangen", ReportTarget.Message, messageId)).ReporterUserId);
    }

    [Fact]
    public async Task User_CanBeReportedOnlyWhenAMemberOfThisTown()
    {
        var client = await app.SignedInAsync("erlangen", await app.NewMemberAsync("erlangen"));
        var erlangenMember = await app.UserIdAsync("erlangen-mitglied");
        var potsdamMember = await app.UserIdAsync("potsdam-mitglied");

        Assert.Contains("erlangen-mitglied", (await client.GetPageAsync(ModerationSteps.ReportUrl(ReportTarget.User, erlangenMember))).TestId("report-target"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ModerationSteps.ReportUrl(ReportTarget.User, potsdamMember))).StatusCode);
    }

    [Theory]
    [InlineData("type=Bogus&id=1")]
    [InlineData("type=0&id=1")]
    [InlineData("type=Listing&id=abc")]
    [InlineData("type=Listing&id=-1")]
    [InlineData("type=Listing&id=99999999")]
    [InlineData("type=Message&id=99999999")]
    [InlineData("type=User&id=nobody")]
    [InlineData("id=1")]
    public async Task UnknownTargets_Are404(string query)
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/report?" + query)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-admin");

        var response = await app.TownClient("erlangen").GetAsync(ModerationSteps.ReportUrl(ReportTarget.Listing, listingId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReportPage_DoesNotExistOnThePlatformHost()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.PlatformClient().GetAsync("/report?type=Listing&id=1")).StatusCode);
    }

    [Fact]
    public async Task ErlangenTargets_ReportedFromPotsdam_Are404_OnGetPostAndHtmx()
    {
        var listingId = await app.CreateListingAsync("erlangen", "erlangen-admin");
        var erlangenMember = await app.UserIdAsync("erlangen-mitglied");
        var client = await app.SignedInAsync("potsdam", "potsdam-mitglied");
        var token = await client.TokenAsync();

        foreach (var url in new[] { ModerationSteps.ReportUrl(ReportTarget.Listing, listingId), ModerationSteps.ReportUrl(ReportTarget.User, erlangenMember) })
        {
            var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Reason"] = nameof(ReportReason.Spam) };
            var htmx = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            htmx.Headers.Add("HX-Request", "true");

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(url, new FormUrlEncodedContent(form))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(htmx)).StatusCode);
        }

        Assert.Empty(await app.ReportsOnAsync("erlangen", ReportTarget.Listing, listingId));
        Assert.Equal(0, await app.InTownAsync("potsdam", db => db.Reports.CountAsync()));
    }
}
