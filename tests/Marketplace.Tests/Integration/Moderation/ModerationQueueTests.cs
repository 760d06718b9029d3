using System.Globalization;
using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Moderation;

[Trait("Category", "Database")]
public sealed class ModerationQueueTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Slug = "erlangen";

    private Task<HttpClient> CoordinatorAsync() => app.SignedInAsync(Slug, "erlangen-koordination");

    private Task<Listing> ListingAsync(int id) => app.InTownAsync(Slug, db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));

    private Task<List<ModerationAction>> ActionsOnAsync(ReportTarget type, object id) => app.InTownAsync(Slug, db =>
    {
        var targetId = Convert.ToString(id, CultureInfo.InvariantCulture)!;
        return db.ModerationActions.AsNoTracking().Where(a => a.TargetType == type && a.TargetId == targetId).OrderBy(a => a.Id).ToListAsync();
    });

    [Fact]
    public async Task ThreeReportsFromThreeMembers_HideTheListing_AndTheLogSaysAutomatic()
    {
        var listingId = await app.CreateListingAsync(Slug, "erlangen-admin", title: "Verdächtiges Angebot");
        var reporters = new[] { await app.NewMemberAsync(Slug), await app.NewMemberAsync(Slug), await app.NewMemberAsync(Slug) };

        for (var i = 0; i < reporters.Length; i++)
        {
            var client = await app.SignedInAsync(Slug, reporters[i]);
            Assert.Equal(HttpStatusCode.Redirect, (await client.ReportAsync(ReportTarget.Listing, listingId)).StatusCode);
            Assert.Equal(i == 2, (await ListingAsync(listingId)).IsHidden);
        }

        var action = Assert.Single(await ActionsOnAsync(ReportTarget.Listing, listingId));
        Assert.Equal(ModerationActionKind.AutoHide, action.Kind);
        Assert.Null(action.ActorUserId);
        Assert.Equal("3 open reports", action.Reason);

        var coordinator = await CoordinatorAsync();
        var queue = await coordinator.GetPageAsync("/coordination/moderation");
        var item = queue.QueueItem(ReportTarget.Listing, listingId);
        Assert.Contains("Verdächtiges Angebot", item.TextContent);
        Assert.Contains("3", item.QuerySelector("[data-testid=moderation-reports]")!.TextContent);
        Assert.NotNull(item.QuerySelector("[data-testid=moderation-state-hidden]"));
        var items = queue.QuerySelectorAll("[data-testid=moderation-item]").ToList();
        var hiddenListing = items.Select(i => i.GetAttribute("data-target-type") == "Listing" && i.QuerySelector("[data-testid=moderation-state-hidden]") is not null).ToList();
        Assert.Equal(hiddenListing.OrderByDescending(h => h), hiddenListing);

        var log = await coordinator.GetPageAsync("/coordination/moderation/log");
        var row = log.QuerySelectorAll("[data-testid=moderation-log-row]")
            .Single(r => r.GetAttribute("data-target-id") == listingId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("AutoHide", row.GetAttribute("data-kind"));
        Assert.Equal("automatisch", row.QuerySelector("[data-testid=moderation-log-actor]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ThresholdReportsSentAtOnce_HideTheListingExactlyOnce()
    {
        var listingId = await app.CreateListingAsync(Slug, "erlangen-admin");
        var url = ModerationSteps.ReportUrl(ReportTarget.Listing, listingId);
        var forms = new List<(HttpClient Client, AngleSharp.Html.Dom.IHtmlFormElement Form)>();
        for (var i = 0; i < 4; i++)
        {
            var client = await app.SignedInAsync(Slug, await app.NewMemberAsync(Slug));
            forms.Add((client, (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync(url)).QuerySelector("[data-testid=report-form]")!));
        }

        var responses = await Task.WhenAll(forms.Select(f => f.Client.SubmitAsync(f.Form, url,
            new Dictionary<string, string> { ["Input.Reason"] = nameof(ReportReason.Spam) })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(4, (await app.ReportsOnAsync(Slug, ReportTarget.Listing, listingId)).Count);
        Assert.True((await ListingAsync(listingId)).IsHidden);
        Assert.Equal(ModerationActionKind.AutoHide, Assert.Single(await ActionsOnAsync(ReportTarget.Listing, listingId)).Kind);
    }

    [Fact]
    public async Task AReportSentJustAfterTheListingWasHidden_IsStillTaken_WithoutShowingTheTitleAgain()
    {
        var listingId = await app.CreateListingAsync(Slug, "erlangen-admin", title: "Gerade versteckt");
        var url = ModerationSteps.ReportUrl(ReportTarget.Listing, listingId);
        var client = await app.SignedInAsync(Slug, await app.NewMemberAsync(Slug));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync(url)).QuerySelector("[data-testid=report-form]")!;
        await app.InTownAsync(Slug, db => db.Listings.Where(l => l.Id == listingId).ExecuteUpdateAsync(s => s.SetProperty(l => l.IsHidden, true)));

        var sent = await client.SubmitAsync(form, url, new Dictionary<string, string> { ["Input.Reason"] = nameof(ReportReason.Spam) });
        var invalid = await client.SubmitAsync(form, url, new Dictionary<string, string> { ["Input.Reason"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Single(await app.ReportsOnAsync(Slug, ReportTarget.Listing, listingId));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("Gerade versteckt", await invalid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Coordinator_RestoresAHiddenListing_OnlyWithAReason_ReportsAreDismissedAndLogged()
    {
        var listingId = await app.CreateListingAsync(Slug, "erlangen-admin", configure: l => l.IsHidden = true);
        var id = listingId.ToString(CultureInfo.InvariantCulture);
        await app.AddReportsAsync(Slug, ReportTarget.Listing, id,
            await app.UserIdAsync("erlangen-mitglied"), await app.UserIdAsync("lena"), await app.UserIdAsync("erlangen-admin"));
        var coordinator = await CoordinatorAsync();

        var withoutReason = await coordinator.DecideAsync(ReportTarget.Listing, listingId, ModerationActionKind.Restore, "  ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Contains("Begründung", (await Html.ParseAsync(withoutReason)).FieldError("Input.Reason"));
        Assert.True((await ListingAsync(listingId)).IsHidden);
        Assert.All(await app.ReportsOnAsync(Slug, ReportTarget.Listing, listingId), r => Assert.Equal(ReportStatus.Open, r.Status));

        var restored = await coordinator.DecideAsync(ReportTarget.Listing, listingId, ModerationActionKind.Restore, "Geprüft: harmlos.");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("Wieder eingeblendet", (await coordinator.GetPageAsync("/coordination/moderation")).TestId("status-message"));
        Assert.False((await ListingAsync(listingId)).IsHidden);
        var coordinatorId = await app.UserIdAsync("erlangen-koordination");
        Assert.All(await app.ReportsOnAsync(Slug, ReportTarget.Listing, listingId), r =>
        {
            Assert.Equal(ReportStatus.Dismissed, r.Status);
            Assert.NotNull(r.ClosedAt);
            Assert.Equal(coordinatorId, r.ClosedByUserId);
        });
        var action = Assert.Single(await ActionsOnAsync(ReportTarget.Listing, listingId));
        Assert.Equal((ModerationActionKind.Restore, coordinatorId, "Geprüft: harmlos."), (action.Kind, action.ActorUserId, action.Reason));

        var log = await coordinator.GetPageAsync("/coordination/moderation/log");
        var row = log.QuerySelectorAll("[data-testid=moderation-log-row]").First(r => r.GetAttribute("data-target-id") == id);
        Assert.Equal("erlangen-koordination", row.QuerySelector("[data-testid=moderation-log-actor]")!.TextContent.Trim());
        Assert.Contains("Geprüft: harmlos.", row.TextContent);
        Assert.Empty((await coordinator.GetPageAsync("/coordination/moderation")).QuerySelectorAll(
            $"[data-testid=moderation-item][data-target-type=Listing][data-target-id='{id}']"));
    }

    [Fact]
    public async Task Coordinator_HidesThenClosesAListing()
    {
        var listingId = await app.CreateListingAsync(Slug, "erlangen-admin");
        await app.AddReportsAsync(Slug, ReportTarget.Listing, listingId.ToString(CultureInfo.InvariantCulture), await app.UserIdAsync("erlangen-mitglied"));
        var coordinator = await CoordinatorAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.DecideAsync(ReportTarget.Listing, listingId, ModerationActionKind.Hide, "Werbung")).StatusCode);
        Assert.True((await ListingAsync(listingId)).IsHidden);
        Assert.Equal(ReportStatus.Resolved, Assert.Single(await app.ReportsOnAsync(Slug, ReportTarget.Listing, listingId)).Status);

        // Still in the queue while hidden, so it can be restored or closed.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.DecideAsync(ReportTarget.Listing, listingId, ModerationActionKind.Close, "Dauerhaft unpassend")).StatusCode);
        Assert.Equal(ListingStatus.Closed, (await ListingAsync(listingId)).Status);
        Assert.Equal([ModerationActionKind.Hide, ModerationActionKind.Close], (await ActionsOnAsync(ReportTarget.Listing, listingId)).Select(a => a.Kind));
    }

    [Fact]
    public async Task Coordinator_DismissesReports_ListingStaysAsItWas()
    {
        var listingId = await app.CreateListingAsync(Slug, "erlangen-admin");
        await app.AddReportsAsync(Slug, ReportTarget.Listing, listingId.ToString(CultureInfo.InvariantCulture), await app.UserIdAsync("lena"));
        var coordinator = await CoordinatorAsync();

        var response = await coordinator.DecideAsync(ReportTarget.Listing, listingId, ModerationActionKind.Dismiss, "Kein Verstoß");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ReportStatus.Dismissed, Assert.Single(await app.ReportsOnAsync(Slug, ReportTarget.Listing, listingId)).Status);
        Assert.False((await ListingAsync(listingId)).IsHidden);
        Assert.Equal(ModerationActionKind.Dismiss, Assert.Single(await ActionsOnAsync(ReportTarget.Listing, listingId)).Kind);
    }

    [Fact]
    public async Task Coordinator_BlocksAReportedMember_WhoThenCannotReport_AndUnblocks()
    {
        var troublemaker = await app.NewMemberAsync(Slug);
        var troublemakerId = await app.UserIdAsync(troublemaker);
        var reporter = await app.SignedInAsync(Slug, await app.NewMemberAsync(Slug));
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.ReportAsync(ReportTarget.User, troublemakerId, nameof(ReportReason.Offensive))).StatusCode);
        var coordinator = await CoordinatorAsync();
        Assert.Contains(troublemaker, (await coordinator.GetPageAsync("/coordination/moderation")).QueueItem(ReportTarget.User, troublemakerId).TextContent);

        var blocked = await coordinator.DecideAsync(ReportTarget.User, troublemakerId, ModerationActionKind.Block, "Beleidigungen in Nachrichten");

        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        var membership = await app.InTownAsync(Slug, db => db.Memberships.AsNoTracking().SingleAsync(m => m.UserId == troublemakerId));
        Assert.NotNull(membership.BlockedAt);
        Assert.Equal("Beleidigungen in Nachrichten", membership.BlockedReason);
        Assert.Equal(ReportStatus.Resolved, Assert.Single(await app.ReportsOnAsync(Slug, ReportTarget.User, troublemakerId)).Status);

        var listingId = await app.CreateListingAsync(Slug, "erlangen-admin");
        var blockedClient = await app.SignedInAsync(Slug, troublemaker);
        var refused = await blockedClient.GetAsync(ModerationSteps.ReportUrl(ReportTarget.Listing, listingId));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("gesperrt", (await Html.ParseAsync(refused)).TestId("report-refused"));
        var post = await blockedClient.PostAsync(ModerationSteps.ReportUrl(ReportTarget.Listing, listingId), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = await blockedClient.TokenAsync(), ["Input.Reason"] = nameof(ReportReason.Spam) }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(await app.ReportsOnAsync(Slug, ReportTarget.Listing, listingId));

        // Blocked members stay in the queue so the block can be lifted.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.DecideAsync(ReportTarget.User, troublemakerId, ModerationActionKind.Unblock, "Hat sich entschuldigt")).StatusCode);
        Assert.Null(await app.InTownAsync(Slug, db => db.Memberships.Where(m => m.UserId == troublemakerId).Select(m => m.BlockedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await blockedClient.GetAsync(ModerationSteps.ReportUrl(ReportTarget.Listing, listingId))).StatusCode);
        Assert.Equal([ModerationActionKind.Block, ModerationActionKind.Unblock], (await ActionsOnAsync(ReportTarget.User, troublemakerId)).Select(a => a.Kind));
    }

    [Fact]
    public async Task Staff_CannotBeBlocked()
    {
        var adminId = await app.UserIdAsync("erlangen-admin");
        await app.AddReportsAsync(Slug, ReportTarget.User, adminId, await app.UserIdAsync("erlangen-mitglied"));
        var coordinator = await CoordinatorAsync();
        var page = await coordinator.GetPageAsync("/coordination/moderation");
        var item = page.QueueItem(ReportTarget.User, adminId);
        Assert.Null(item.QuerySelector("[data-testid=moderation-block]"));

        var forced = await coordinator.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)item.QuerySelector("form")!, "/coordination/moderation",
            new Dictionary<string, string> { ["Input.Reason"] = "Versuch" }, "Input.Action", nameof(ModerationActionKind.Block));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        Assert.Contains("nicht möglich", (await Html.ParseAsync(forced)).QueryItemErrors(ReportTarget.User, adminId));
        Assert.Null(await app.InTownAsync(Slug, db => db.Memberships.Where(m => m.UserId == adminId).Select(m => m.BlockedAt).SingleAsync()));
        Assert.Empty(await ActionsOnAsync(ReportTarget.User, adminId));
    }

    [Fact]
    public async Task Coordinator_HidesAndRestoresAReportedMessage()
    {
        var respondent = await app.NewMemberAsync(Slug);
        var messageId = await app.ConversationMessageAsync(Slug, "erlangen-admin", respondent, "Schick mir deine Kontonummer.");
        var party = await app.SignedInAsync(Slug, respondent);
        Assert.Equal(HttpStatusCode.Redirect, (await party.ReportAsync(ReportTarget.Message, messageId, nameof(ReportReason.Fraud))).StatusCode);
        var coordinator = await CoordinatorAsync();
        Assert.Contains("Kontonummer", (await coordinator.GetPageAsync("/coordination/moderation")).QueueItem(ReportTarget.Message, messageId).TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.DecideAsync(ReportTarget.Message, messageId, ModerationActionKind.Hide, "Betrugsversuch")).StatusCode);
        Assert.True(await app.InTownAsync(Slug, db => db.Messages.Where(m => m.Id == messageId).Select(m => m.IsHidden).SingleAsync()));
        Assert.Equal(ReportStatus.Resolved, Assert.Single(await app.ReportsOnAsync(Slug, ReportTarget.Message, messageId)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.DecideAsync(ReportTarget.Message, messageId, ModerationActionKind.Restore, "Irrtum")).StatusCode);
        Assert.False(await app.InTownAsync(Slug, db => db.Messages.Where(m => m.Id == messageId).Select(m => m.IsHidden).SingleAsync()));
    }

    [Fact]
    public async Task Decision_WithHtmx_ReturnsTheQueueFragment_And422FragmentWhenInvalid()
    {
        var listingId = await app.CreateListingAsync(Slug, "erlangen-admin");
        await app.AddReportsAsync(Slug, ReportTarget.Listing, listingId.ToString(CultureInfo.InvariantCulture), await app.UserIdAsync("erlangen-mitglied"));
        var coordinator = await CoordinatorAsync();
        var token = await coordinator.TokenAsync("/coordination/moderation");

        HttpRequestMessage Request(string reason)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/coordination/moderation")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.TargetType"] = nameof(ReportTarget.Listing),
                    ["Input.TargetId"] = listingId.ToString(CultureInfo.InvariantCulture),
                    ["Input.Action"] = nameof(ModerationActionKind.Hide),
                    ["Input.Reason"] = reason,
                }),
            };
            request.Headers.Add("HX-Request", "true");
            return request;
        }

        var invalid = await coordinator.SendAsync(Request(""));
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.StartsWith("<div id=\"moderation-queue\">", invalidHtml.Trim());
        Assert.DoesNotContain("<html", invalidHtml);
        Assert.NotNull((await Html.ParseAsync(invalid)).FieldError("Input.Reason"));
        Assert.False((await ListingAsync(listingId)).IsHidden);

        var done = await coordinator.SendAsync(Request("Spam"));
        var doneHtml = await done.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.StartsWith("<div id=\"moderation-queue\">", doneHtml.Trim());
        Assert.Contains("Ausgeblendet", (await Html.ParseAsync(done)).TestId("moderation-done"));
        Assert.True((await ListingAsync(listingId)).IsHidden);
    }

    [Fact]
    public async Task Member_Gets403_OnTheModerationPages_AndAnonymousIsSentToLogin()
    {
        var member = await app.SignedInAsync(Slug, "erlangen-mitglied");

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/coordination/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/coordination/moderation/log")).StatusCode);
        var anonymous = await app.TownClient(Slug).GetAsync("/coordination/moderation");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await app.PlatformClient().GetAsync("/coordination/moderation")).StatusCode);
    }

    [Fact]
    public async Task PotsdamStaff_SignedInOnErlangen_Get403OnTheErlangenQueue()
    {
        var client = await app.SignedInAsync(Slug, "potsdam-koordination");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/coordination/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/coordination/moderation/log")).StatusCode);
    }

    [Fact]
    public async Task DecisionsOnErlangenTargets_FromPotsdamsHost_Are404_AndChangeNothing()
    {
        var listingId = await app.CreateListingAsync(Slug, "erlangen-admin");
        var id = listingId.ToString(CultureInfo.InvariantCulture);
        var erlangenMember = await app.UserIdAsync("erlangen-mitglied");
        await app.AddReportsAsync(Slug, ReportTarget.Listing, id, await app.UserIdAsync("lena"));
        var potsdam = await app.SignedInAsync("potsdam", "potsdam-koordination");

        var queue = await potsdam.GetPageAsync("/coordination/moderation");
        Assert.Empty(queue.QuerySelectorAll($"[data-testid=moderation-item][data-target-id='{id}']"));
        var token = queue.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (type, target, action) in new[]
                 {
                     (ReportTarget.Listing, id, ModerationActionKind.Hide),
                     (ReportTarget.Listing, id, ModerationActionKind.Dismiss),
                     (ReportTarget.User, erlangenMember, ModerationActionKind.Block),
                 })
        {
            var form = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.TargetType"] = type.ToString(),
                ["Input.TargetId"] = target,
                ["Input.Action"] = action.ToString(),
                ["Input.Reason"] = "Übergriff",
            };
            var htmx = new HttpRequestMessage(HttpMethod.Post, "/coordination/moderation") { Content = new FormUrlEncodedContent(form) };
            htmx.Headers.Add("HX-Request", "true");

            Assert.Equal(HttpStatusCode.NotFound, (await potsdam.PostAsync("/coordination/moderation", new FormUrlEncodedContent(form))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await potsdam.SendAsync(htmx)).StatusCode);
        }

        Assert.False((await ListingAsync(listingId)).IsHidden);
        Assert.Equal(ReportStatus.Open, Assert.Single(await app.ReportsOnAsync(Slug, ReportTarget.Listing, listingId)).Status);
        Assert.Null(await app.InTownAsync(Slug, db => db.Memberships.Where(m => m.UserId == erlangenMember).Select(m => m.BlockedAt).SingleAsync()));
        Assert.Empty(await ActionsOnAsync(ReportTarget.Listing, listingId));
        Assert.Equal(0, await app.InTownAsync("potsdam", db => db.ModerationActions.CountAsync()));
    }
}

internal static class QueuePageExtensions
{
    /// <summary>The messages shown in one queue item's form.</summary>
    public static string QueryItemErrors(this AngleSharp.Dom.IDocument page, ReportTarget type, string id) =>
        page.QueueItem(type, id).QuerySelector(".form-errors")?.TextContent ?? "";
}
