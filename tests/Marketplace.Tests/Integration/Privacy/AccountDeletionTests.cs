using System.Net;
using Marketplace.Tests.Integration.Coordination;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Privacy;

/// <summary>"Delete my account": asked with the password, 14 days in which logging in cancels it, then the person is anonymised everywhere.</summary>
[Trait("Category", "Database")]
public sealed class AccountDeletionTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private Task<AccountDeletion?> DeletionAsync(string userId) =>
        app.InTownAsync(null, db => db.AccountDeletions.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == userId));

    [Fact]
    public async Task NobodyCanRegisterTheNameAnAnonymisedAccountWillGet()
    {
        var response = await app.TownClient("erlangen").SubmitAsync("/account/register", "[data-testid=register-form]",
            Accounts.Registration(PrivacyRules.PseudonymFor(424242), "pseudonym@test.example"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.UserName"));
        Assert.False(await app.InTownAsync(null, db => db.Users.AnyAsync(u => u.Email == "pseudonym@test.example")));
    }

    [Fact]
    public async Task AWrongPassword_IsRefusedAtTheField_AndNothingIsScheduled()
    {
        var member = await app.NewMemberAsync("erlangen", "aw");
        var client = await app.SignedInAsync("erlangen", member);

        var response = await client.RequestDeletionAsync("nicht mein Passwort");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("Input.Password"));
        Assert.Null(await DeletionAsync(await app.UserIdAsync(member)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task ARequest_SchedulesTheDeletionIn14Days_SignsOut_AndTheMailNamesTheDateAndHowToCancel()
    {
        var member = await app.NewMemberAsync("erlangen", "as");
        var client = await app.SignedInAsync("erlangen", member);

        var response = await client.RequestDeletionAsync();

        var home = await client.FollowAsync(response);
        var deletion = (await DeletionAsync(await app.UserIdAsync(member)))!;
        Assert.InRange(deletion.DueAt, DateTimeOffset.UtcNow.AddDays(13.9), DateTimeOffset.UtcNow.AddDays(14.1));
        var date = TimeZoneInfo.ConvertTime(deletion.DueAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("d", new System.Globalization.CultureInfo("de"));
        Assert.Contains(date, (await Html.ParseAsync(home)).TestId("status-message"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/me")).StatusCode);

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(member));
        Assert.Contains(date, mail.TextBody);
        Assert.EndsWith("/account/login", new Uri(Accounts.LinkIn(mail, "/account/login")).AbsolutePath);
    }

    [Fact]
    public async Task LoggingInDuringTheGracePeriod_CancelsTheDeletion_AndSaysSo()
    {
        var member = await app.NewMemberAsync("erlangen", "ac");
        var userId = await app.UserIdAsync(member);
        var client = await app.SignedInAsync("erlangen", member);
        Assert.Equal(HttpStatusCode.Redirect, (await client.RequestDeletionAsync()).StatusCode);
        Assert.NotNull(await DeletionAsync(userId));

        var login = await client.LoginAsync(member);

        var page = await Html.ParseAsync(await client.FollowAsync(login));
        Assert.False(string.IsNullOrWhiteSpace(page.TestId("status-message")));
        Assert.Null(await DeletionAsync(userId));
        Assert.Equal(member, await app.InTownAsync(null, db => db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleAsync()));
    }

    [Fact]
    public async Task AfterTheGracePeriod_ThePersonIsAnonymisedInEveryTown_TheOtherSideKeepsTheMessages_AndOpenProposalsAreWithdrawn()
    {
        var member = await app.NewMemberAsync("erlangen", "ad", phone: "0171 999888");
        await app.JoinAsync("potsdam", member);
        var userId = await app.UserIdAsync(member);
        var respondent = await app.NewMemberAsync("erlangen", "ar");
        var seeker = await app.NewMemberAsync("erlangen", "aq");
        var offer = await app.CreateListingAsync("erlangen", member, title: "Bohrmaschine zu verleihen", configure: l => l.MeetingPoint = "Hauptstraße 5");
        await app.AddPhotoAsync("erlangen", offer, TestPhotos.Jpeg(100, 100));
        var potsdamListing = await app.CreateListingAsync("potsdam", member, title: "Potsdamer Gartenhilfe");
        var conversation = await app.ConversationAsync("erlangen", offer, respondent,
            (respondent, "Kann ich die Bohrmaschine leihen?"), (member, "Ja, bis Montag."));
        await app.VolunteerAsync("erlangen", member, "hausaufgabenhilfe");
        var request = await app.CreateListingAsync("erlangen", seeker, ListingType.Request, "Hilfe bei Mathe-Hausaufgaben", "hausaufgabenhilfe",
            l => l.OfficeStatus = OfficeStatus.Proposed);
        var matchId = await app.InTownAsync("erlangen", async db =>
        {
            var match = db.Matches.Add(new Match
            {
                ListingId = request, VolunteerUserId = userId, Source = MatchSource.Coordination, Status = MatchStatus.Proposed,
                CreatedAt = DateTimeOffset.UtcNow, AnswerDueAt = DateTimeOffset.UtcNow.AddDays(7),
            }).Entity;
            db.VolunteerHours.Add(new VolunteerHours
            {
                UserId = userId, WorkedOn = new DateOnly(2026, 3, 1), Minutes = 120, Activity = "Lesepatenschaft", Status = HoursStatus.Approved,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            db.AuditEntries.Add(new AuditEntry
            {
                ActorUserId = await db.Users.Where(u => u.UserName == "erlangen-koordination").Select(u => u.Id).SingleAsync(),
                At = DateTimeOffset.UtcNow, Action = AuditAction.ViewedVolunteer, SubjectType = "volunteer", SubjectId = userId, Detail = member,
            });
            await db.SaveChangesAsync();
            return match.Id;
        });
        var client = await app.SignedInAsync("erlangen", member);
        Assert.Equal(HttpStatusCode.Redirect, (await client.RequestDeletionAsync()).StatusCode);
        await app.MailSettledAsync();
        await app.InTownAsync(null, db => db.AccountDeletions.Where(d => d.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var started = await app.RunPrivacyFanOutAsync();
        var deletionId = (await DeletionAsync(userId))!.Id;
        Assert.Contains(started, j => j.Method.Name == "AnonymiseAccountAsync" && (int)j.Args[0] == deletionId);
        await app.AnonymiseDueAsync(userId);
        await app.AnonymiseDueAsync(userId);

        var user = await app.InTownAsync(null, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.StartsWith("gelöschte-person-", user.UserName);
        Assert.Null(user.Email);
        Assert.Null(user.PhoneNumber);
        Assert.Null(user.PasswordHash);
        Assert.NotNull((await DeletionAsync(userId))!.CompletedAt);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.TownClient("erlangen").LoginAsync(member)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.TownClient("erlangen").LoginAsync(MessagesTestData.EmailOf(member))).StatusCode);

        await app.InTownAsync("erlangen", async db =>
        {
            Assert.False(await db.Memberships.AnyAsync(m => m.UserId == userId));
            Assert.False(await db.VolunteerProfiles.AnyAsync(v => v.UserId == userId));
            var listing = await db.Listings.AsNoTracking().SingleAsync(l => l.Id == offer);
            Assert.Equal(ListingStatus.Closed, listing.Status);
            Assert.Null(listing.MeetingPoint);
            Assert.False(await db.ListingPhotos.AnyAsync(p => p.ListingId == offer));
            var match = await db.Matches.AsNoTracking().SingleAsync(m => m.Id == matchId);
            Assert.Equal((MatchStatus.Declined, MatchEndReason.AccountDeleted), (match.Status, match.EndReason));
            Assert.Equal(OfficeStatus.InProgress, await db.Listings.Where(l => l.Id == request).Select(l => l.OfficeStatus).SingleAsync());
            Assert.True(await db.VolunteerHours.AnyAsync(h => h.UserId == userId && h.Status == HoursStatus.Approved));
            Assert.DoesNotContain(member, await db.AuditEntries.Where(a => a.SubjectId == userId).Select(a => a.Detail ?? "").SingleAsync());
            return 0;
        });
        await app.InTownAsync("potsdam", async db =>
        {
            Assert.False(await db.Memberships.AnyAsync(m => m.UserId == userId));
            Assert.Equal(ListingStatus.Closed, await db.Listings.Where(l => l.Id == potsdamListing).Select(l => l.Status).SingleAsync());
            return 0;
        });

        var thread = await (await app.SignedInAsync("erlangen", respondent)).GetPageAsync($"/messages/{conversation}");
        var theirs = thread.QuerySelectorAll("[data-testid=message]").Single(m => m.TextContent.Contains("Ja, bis Montag."));
        Assert.StartsWith("gelöschte-person-", theirs.QuerySelector("[data-testid=message-sender]")!.TextContent.Trim());
        Assert.DoesNotContain(member, thread.Body!.TextContent);

        var notice = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(seeker), m => m.TextBody?.Contains("Hilfe bei Mathe-Hausaufgaben") == true);
        Assert.DoesNotContain(member, notice.TextBody);
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        Assert.DoesNotContain(member, (await coordinator.GetPageAsync("/coordination/volunteers")).Body!.TextContent);
        Assert.DoesNotContain(member, (await coordinator.GetPageAsync($"/coordination/requests/{request}")).Body!.TextContent);

        await app.MailSettledAsync();
        Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(member)));
    }
}
