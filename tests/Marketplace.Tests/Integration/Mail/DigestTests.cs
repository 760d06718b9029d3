using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Jobs;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Marketplace.Tests.Integration.Mail;

[Trait("Category", "Database")]
public sealed class DigestTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A district of its own, so the digest of a subscriber limited to it lists only this test's listings.</summary>
    private Task<int> NewDistrictAsync(string slug) => app.InTownAsync(slug, async db =>
    {
        var district = db.Districts.Add(new District { Name = $"Testviertel {Guid.NewGuid():N}"[..30], SortOrder = 900 }).Entity;
        await db.SaveChangesAsync();
        return district.Id;
    });

    private Task<int> ListingAsync(string slug, string poster, ListingType type, string title, int districtId, TimeSpan age) =>
        app.CreateListingAsync(slug, poster, type, title, configure: l =>
        {
            l.DistrictId = districtId;
            l.PublishedAt = DateTimeOffset.UtcNow - age;
            l.CreatedAt = l.PublishedAt.Value;
        });

    private Task<int> SubscribeAsync(string slug, string userName, Action<DigestSubscription> configure) => app.InTownAsync(slug, async db =>
    {
        var subscription = new DigestSubscription
        {
            UserId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(),
            Frequency = DigestFrequency.Daily,
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-30),
        };
        configure(subscription);
        db.DigestSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription.Id;
    });

    private async Task<int> RunDigestsAsync(string slug, DateOnly date)
    {
        var tenantId = await app.TownIdAsync(slug);
        await using var scope = app.Services.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<DigestJob>().RunForTownAsync(tenantId, date, CancellationToken.None);
        await app.MailSettledAsync();
        return queued;
    }

    private static IReadOnlyList<string> ListedTitles(MimeMessage mail) =>
        new HtmlParser().ParseDocument(mail.HtmlBody!).QuerySelectorAll("[data-part=item] > a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task TwoSubscribers_WithDifferentLastDigests_EachGetWhatIsNewSinceTheirOwn_PlusLongWaitingRequests()
    {
        var district = await NewDistrictAsync("erlangen");
        var poster = await app.NewMemberAsync("erlangen", "dp");
        var helper = await app.NewMemberAsync("erlangen", "dh");
        var early = await app.NewMemberAsync("erlangen", "de");
        var recent = await app.NewMemberAsync("erlangen", "dr", culture: "en");
        await ListingAsync("erlangen", poster, ListingType.Offer, "Sofa vor zwei Tagen", district, TimeSpan.FromDays(1.5));
        await ListingAsync("erlangen", poster, ListingType.Request, "Nachhilfe seit einer Stunde", district, TimeSpan.FromHours(1));
        await ListingAsync("erlangen", poster, ListingType.Request, "Wartet seit neun Tagen", district, TimeSpan.FromDays(9));
        var answered = await ListingAsync("erlangen", poster, ListingType.Request, "Beantwortet seit neun Tagen", district, TimeSpan.FromDays(9));
        await (await app.SignedInAsync("erlangen", helper)).StartConversationAsync(answered);
        var earlyId = await SubscribeAsync("erlangen", early, s => { s.DistrictIds = [district]; s.LastSentAt = DateTimeOffset.UtcNow.AddDays(-2); });
        await SubscribeAsync("erlangen", recent, s => { s.DistrictIds = [district]; s.LastSentAt = DateTimeOffset.UtcNow.AddHours(-10); });

        await RunDigestsAsync("erlangen", Today);

        var earlyMail = Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(early)));
        Assert.Equal(["Nachhilfe seit einer Stunde", "Sofa vor zwei Tagen", "Wartet seit neun Tagen"], ListedTitles(earlyMail));
        var recentMail = Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(recent)));
        Assert.Equal(["Nachhilfe seit einer Stunde", "Wartet seit neun Tagen"], ListedTitles(recentMail));
        Assert.StartsWith("Erlangen: your digest of", recentMail.Subject);
        Assert.Contains("We can help", recentMail.TextBody);
        Assert.Equal("List-Unsubscribe=One-Click", recentMail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("/unsubscribe/", recentMail.Headers["List-Unsubscribe"]);

        var lastSent = await app.InTownAsync("erlangen", db => db.DigestSubscriptions.Where(s => s.Id == earlyId).Select(s => s.LastSentAt).SingleAsync());
        Assert.True(lastSent > DateTimeOffset.UtcNow.AddMinutes(-5));

        // The same day's run again (a retry, a second instance) sends nothing more, and what came in between waits for the next day.
        await ListingAsync("erlangen", poster, ListingType.Offer, "Zwischen den Läufen", district, TimeSpan.Zero);
        await RunDigestsAsync("erlangen", Today);
        Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(early)));
        await RunDigestsAsync("erlangen", Today.AddDays(1));
        var nextDay = app.Smtp.MessagesTo(MessagesTestData.EmailOf(early)).Last();
        Assert.Equal(["Zwischen den Läufen", "Wartet seit neun Tagen"], ListedTitles(nextDay));
    }

    [Fact]
    public async Task ErlangenSubscriber_NeverSeesPotsdamListings()
    {
        var subscriber = await app.NewMemberAsync("erlangen", "dx");
        var potsdamPoster = await app.NewMemberAsync("potsdam", "dq");
        var erlangenPoster = await app.NewMemberAsync("erlangen", "dz");
        await ListingAsync("potsdam", potsdamPoster, ListingType.Request, "Nur in Potsdam", await NewDistrictAsync("potsdam"), TimeSpan.FromHours(1));
        await ListingAsync("erlangen", erlangenPoster, ListingType.Request, "Nur in Erlangen", await NewDistrictAsync("erlangen"), TimeSpan.FromHours(1));
        await SubscribeAsync("erlangen", subscriber, s => s.LastSentAt = DateTimeOffset.UtcNow.AddHours(-2));

        await RunDigestsAsync("erlangen", Today);

        var mail = Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(subscriber)));
        Assert.Contains("Nur in Erlangen", ListedTitles(mail));
        Assert.DoesNotContain("Nur in Potsdam", mail.HtmlBody);
        Assert.DoesNotContain("Nur in Potsdam", mail.TextBody);
        var links = new HtmlParser().ParseDocument(mail.HtmlBody!).QuerySelectorAll("a[href]").Select(a => new Uri(a.GetAttribute("href")!).Host);
        Assert.All(links, host => Assert.Equal("erlangen.localhost", host));
    }

    [Fact]
    public async Task NothingNew_NoMail_AndTheWindowStays_WeeklyOnlyOnItsDay_OrganisationDigestGoesToItsAdmins()
    {
        var quiet = await NewDistrictAsync("erlangen");
        var busy = await NewDistrictAsync("erlangen");
        var poster = await app.NewMemberAsync("erlangen", "dw");
        await ListingAsync("erlangen", poster, ListingType.Offer, "Winterjacken", busy, TimeSpan.FromHours(3));
        var idle = await app.NewMemberAsync("erlangen", "di");
        var weekly = await app.NewMemberAsync("erlangen", "dk");
        var admin = await app.NewMemberAsync("erlangen", "da");
        var idleId = await SubscribeAsync("erlangen", idle, s => s.DistrictIds = [quiet]);
        await SubscribeAsync("erlangen", weekly, s => { s.DistrictIds = [busy]; s.Frequency = DigestFrequency.Weekly; s.Weekday = Today.AddDays(1).DayOfWeek; });
        var adminId = await app.UserIdAsync(admin);
        await app.InTownAsync("erlangen", async db =>
        {
            var organisation = db.Organisations.Add(new Organisation
            {
                Name = $"Kleiderkammer {Guid.NewGuid():N}"[..24], Type = OrganisationType.Initiative, Status = OrganisationStatus.Approved,
                Members = [new OrganisationMember { UserId = adminId, Role = OrganisationRole.Admin }],
            }).Entity;
            await db.SaveChangesAsync();
            db.DigestSubscriptions.Add(new DigestSubscription
            {
                OrganisationId = organisation.Id, Frequency = DigestFrequency.Daily, DistrictIds = [busy], CreatedAt = DateTimeOffset.UtcNow.AddDays(-1),
            });
            return await db.SaveChangesAsync();
        });

        await RunDigestsAsync("erlangen", Today);

        Assert.Empty(app.Smtp.MessagesTo(MessagesTestData.EmailOf(idle)));
        Assert.Null(await app.InTownAsync("erlangen", db => db.DigestSubscriptions.Where(s => s.Id == idleId).Select(s => s.LastSentAt).SingleAsync()));
        Assert.Empty(app.Smtp.MessagesTo(MessagesTestData.EmailOf(weekly)));
        var organisationMail = Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(admin)));
        Assert.Equal(["Winterjacken"], ListedTitles(organisationMail));
        Assert.Contains("Kleiderkammer", organisationMail.TextBody);

        await RunDigestsAsync("erlangen", Today.AddDays(1));
        Assert.Equal(["Winterjacken"], ListedTitles(Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(weekly)))));
    }

    [Fact]
    public async Task Subscriber_DoesNotFindTheirOwnListings_AndAnOrganisationNotItsOwn()
    {
        var district = await NewDistrictAsync("erlangen");
        var subscriber = await app.NewMemberAsync("erlangen", "do");
        var neighbour = await app.NewMemberAsync("erlangen", "dn");
        var admin = await app.NewMemberAsync("erlangen", "dv");
        var adminId = await app.UserIdAsync(admin);
        var organisationId = await app.InTownAsync("erlangen", async db =>
        {
            var organisation = db.Organisations.Add(new Organisation
            {
                Name = $"Tafel {Guid.NewGuid():N}"[..20], Type = OrganisationType.Initiative, Status = OrganisationStatus.Approved,
                Members = [new OrganisationMember { UserId = adminId, Role = OrganisationRole.Admin }],
            }).Entity;
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        await ListingAsync("erlangen", subscriber, ListingType.Offer, "Mein eigenes Sofa", district, TimeSpan.FromHours(2));
        await ListingAsync("erlangen", subscriber, ListingType.Request, "Mein eigenes Gesuch wartet", district, TimeSpan.FromDays(9));
        await ListingAsync("erlangen", neighbour, ListingType.Offer, "Sofa der Nachbarin", district, TimeSpan.FromHours(2));
        await app.CreateListingAsync("erlangen", admin, ListingType.Offer, "Lebensmittel der Tafel", configure: l =>
        {
            l.DistrictId = district;
            l.OrganisationId = organisationId;
            l.PublishedAt = DateTimeOffset.UtcNow.AddHours(-1);
        });
        await SubscribeAsync("erlangen", subscriber, s => { s.DistrictIds = [district]; s.LastSentAt = DateTimeOffset.UtcNow.AddDays(-1); });
        await app.InTownAsync("erlangen", db =>
        {
            db.DigestSubscriptions.Add(new DigestSubscription
            {
                OrganisationId = organisationId, Frequency = DigestFrequency.Daily, DistrictIds = [district], CreatedAt = DateTimeOffset.UtcNow.AddDays(-1),
            });
            return db.SaveChangesAsync();
        });

        await RunDigestsAsync("erlangen", Today);

        var mail = Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(subscriber)));
        Assert.Equal(["Lebensmittel der Tafel", "Sofa der Nachbarin"], ListedTitles(mail));
        Assert.DoesNotContain("Mein eigenes", mail.TextBody);
        var organisationMail = Assert.Single(app.Smtp.MessagesTo(MessagesTestData.EmailOf(admin)));
        Assert.Equal(["Sofa der Nachbarin", "Mein eigenes Sofa", "Mein eigenes Gesuch wartet"], ListedTitles(organisationMail));
    }

    /// <summary>Sets Erlangen's digest hour; the day it last ran stays.</summary>
    private Task SetDigestHourAsync(int hour) =>
        app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "erlangen").ExecuteUpdateAsync(s => s.SetProperty(t => t.DigestHour, hour)));

    private async Task<IReadOnlyList<(Guid TenantId, DateOnly Date)>> FanOutAsync(IBackgroundJobClient jobs, TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await new DigestJob(scope.ServiceProvider.GetRequiredService<AppDbContext>(), jobs,
            scope.ServiceProvider.GetRequiredService<TenantScopeFactory>(), clock).RunAsync();
    }

    [Fact]
    public async Task TownWhoseHourIsLaterThatDay_GetsItsDigestAtThatHour_EvenWhenAnEarlierRunThatDayWasDone()
    {
        // 12 January 2027 in Erlangen (UTC+1): the first run after start-up is at 08:00, the town's hour then 7.
        var erlangen = await app.TownIdAsync("erlangen");
        await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "erlangen").ExecuteUpdateAsync(s => s.SetProperty(t => t.DigestHour, 7)
            .SetProperty(t => t.LastDigestRunAt, (DateTimeOffset?)null)));
        var clock = new ManualClock(new DateTimeOffset(2027, 1, 12, 7, 0, 0, TimeSpan.Zero));
        var jobs = new RecordingJobs();
        Assert.Contains(await FanOutAsync(jobs, clock), r => r.TenantId == erlangen);

        // The town admin moves the hour to 18: nothing before it, the day's digest at 18:00, and only once.
        await SetDigestHourAsync(18);
        clock.Now = new DateTimeOffset(2027, 1, 12, 16, 45, 0, TimeSpan.Zero);
        Assert.DoesNotContain(await FanOutAsync(jobs, clock), r => r.TenantId == erlangen);
        clock.Now = new DateTimeOffset(2027, 1, 12, 17, 0, 0, TimeSpan.Zero);
        Assert.Contains(await FanOutAsync(jobs, clock), r => r == (erlangen, new DateOnly(2027, 1, 12)));
        clock.Now = new DateTimeOffset(2027, 1, 12, 17, 15, 0, TimeSpan.Zero);
        Assert.DoesNotContain(await FanOutAsync(jobs, clock), r => r.TenantId == erlangen);

        // Moved earlier again after it ran: not a second time that day.
        await SetDigestHourAsync(9);
        Assert.DoesNotContain(await FanOutAsync(jobs, clock), r => r.TenantId == erlangen);
        clock.Now = new DateTimeOffset(2027, 1, 13, 8, 0, 0, TimeSpan.Zero);
        Assert.Contains(await FanOutAsync(jobs, clock), r => r == (erlangen, new DateOnly(2027, 1, 13)));
    }

    /// <summary>Records what the fan-out enqueues instead of handing it to a Hangfire server (the tests run none).</summary>
    private sealed class RecordingJobs : IBackgroundJobClient
    {
        public ConcurrentBag<Job> Created { get; } = [];

        public string Create(Job job, IState state)
        {
            Created.Add(job);
            return Guid.NewGuid().ToString();
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }

    [Fact]
    public async Task FanOut_TwoInstancesAtTheTownsHour_StartTheTownOnce_AndNotAgainThatDay()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var hour = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).Hour;
        await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "erlangen")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DigestHour, hour).SetProperty(t => t.LastDigestRunAt, (DateTimeOffset?)null)));
        var erlangen = await app.TownIdAsync("erlangen");
        var jobs = new RecordingJobs();

        async Task<IReadOnlyList<(Guid TenantId, DateOnly Date)>> InstanceAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var job = new DigestJob(scope.ServiceProvider.GetRequiredService<AppDbContext>(), jobs,
                scope.ServiceProvider.GetRequiredService<TenantScopeFactory>(), TimeProvider.System);
            return await job.RunAsync();
        }

        var runs = await Task.WhenAll(InstanceAsync(), InstanceAsync());
        var again = await InstanceAsync();

        Assert.Single(runs.SelectMany(r => r), r => r.TenantId == erlangen);
        Assert.DoesNotContain(again, r => r.TenantId == erlangen);
        Assert.Single(jobs.Created, j => j.Method.Name == nameof(DigestJob.RunForTownAsync) && (Guid)j.Args[0] == erlangen);
    }
}
