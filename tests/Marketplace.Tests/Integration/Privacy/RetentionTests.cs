using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Privacy;

/// <summary>What the platform forgets on its own, each after a town setting: ended listings, messages of deleted accounts, audit entries.</summary>
[Trait("Category", "Database")]
public sealed class RetentionTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private Task<Listing> ListingAsync(string slug, int id) =>
        app.InTownAsync(slug, db => db.Listings.AsNoTracking().Include(l => l.Photos).SingleAsync(l => l.Id == id));

    [Fact]
    public async Task ListingsEndedLongerAgoThanTheTownKeepsThem_LoseTitleTextPhotosAndMeetingPoint_OthersAreUntouched()
    {
        var poster = await app.NewMemberAsync("erlangen", "rl");
        var oldClosed = await app.CreateListingAsync("erlangen", poster, title: "Alter Kinderwagen von Familie Maier", configure: l =>
        {
            l.Status = ListingStatus.Closed;
            l.UpdatedAt = Now.AddMonths(-13);
            l.MeetingPoint = "Bei Maiers im Hof";
        });
        await app.AddPhotoAsync("erlangen", oldClosed, TestPhotos.Jpeg(50, 50));
        var oldExpired = await app.CreateListingAsync("erlangen", poster, ListingType.Request, "Suche Nachhilfe für Tim", configure: l =>
        {
            l.Status = ListingStatus.Expired;
            l.ExpiresAt = Now.AddMonths(-13);
            l.UpdatedAt = Now.AddMonths(-14);
        });
        var recentClosed = await app.CreateListingAsync("erlangen", poster, title: "Neulich geschlossen", configure: l =>
        {
            l.Status = ListingStatus.Closed;
            l.UpdatedAt = Now.AddMonths(-11);
        });
        var oldButPublished = await app.CreateListingAsync("erlangen", poster, title: "Lange online", configure: l =>
        {
            l.CreatedAt = Now.AddMonths(-30);
            l.UpdatedAt = Now.AddMonths(-30);
        });
        var potsdamPoster = await app.NewMemberAsync("potsdam", "rp");
        var potsdamOld = await app.CreateListingAsync("potsdam", potsdamPoster, title: "Potsdamer Tisch", configure: l =>
        {
            l.Status = ListingStatus.Closed;
            l.UpdatedAt = Now.AddMonths(-13);
        });
        var admin = await app.SignedInAsync("potsdam", "potsdam-admin");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/town/settings", "[data-testid=settings-form]",
            new Dictionary<string, string> { ["Retention.ListingMonths"] = "24" })).StatusCode);

        await app.RunRetentionAsync("erlangen");
        await app.RunRetentionAsync("potsdam");

        foreach (var id in new[] { oldClosed, oldExpired })
        {
            var listing = await ListingAsync("erlangen", id);
            Assert.Equal("", listing.Description);
            Assert.Null(listing.MeetingPoint);
            Assert.Empty(listing.Photos);
            Assert.DoesNotContain("Maier", listing.Title);
            Assert.DoesNotContain("Tim", listing.Title);
        }

        Assert.Equal(ListingType.Request, (await ListingAsync("erlangen", oldExpired)).Type);
        foreach (var (slug, id) in new[] { ("erlangen", recentClosed), ("erlangen", oldButPublished), ("potsdam", potsdamOld) })
        {
            Assert.Equal("Gut erhalten, bitte selbst abholen.", (await ListingAsync(slug, id)).Description);
        }

        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/listings/{oldClosed}")).StatusCode);
    }

    [Fact]
    public async Task MessagesOfAccountsDeletedLongerAgoThanTheTownKeepsThem_AreDeleted_OthersStay()
    {
        var poster = await app.NewMemberAsync("erlangen", "rm");
        var longGone = await app.NewMemberAsync("erlangen", "rg");
        var recentlyGone = await app.NewMemberAsync("erlangen", "rn");
        var listing = await app.CreateListingAsync("erlangen", poster);
        var first = await app.ConversationAsync("erlangen", listing, longGone, (longGone, "Nachricht von lange her"), (poster, "Antwort der Posterin"));
        var second = await app.ConversationAsync("erlangen", listing, recentlyGone, (recentlyGone, "Nachricht von neulich"));
        await app.InTownAsync(null, async db =>
        {
            foreach (var (name, months) in new[] { (longGone, -7), (recentlyGone, -5) })
            {
                db.AccountDeletions.Add(new AccountDeletion
                {
                    UserId = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync(), RequestedAt = Now.AddMonths(months).AddDays(-14),
                    DueAt = Now.AddMonths(months), StartedAt = Now.AddMonths(months), CompletedAt = Now.AddMonths(months),
                });
            }

            return await db.SaveChangesAsync();
        });

        await app.RunRetentionAsync("erlangen");

        var left = await app.InTownAsync("erlangen", db => db.Messages.Where(m => m.ConversationId == first || m.ConversationId == second)
            .Select(m => m.Body).ToListAsync());
        Assert.Equal(["Antwort der Posterin", "Nachricht von neulich"], left.Order());
    }

    [Fact]
    public async Task AuditEntriesOlderThanTheTownKeepsThem_AreDeleted()
    {
        var actor = await app.UserIdAsync("erlangen-koordination");
        var ids = await app.InTownAsync("erlangen", async db =>
        {
            var old = new AuditEntry { ActorUserId = actor, At = Now.AddMonths(-25), Action = AuditAction.AddedNote, SubjectType = "listing", SubjectId = "1" };
            var young = new AuditEntry { ActorUserId = actor, At = Now.AddMonths(-23), Action = AuditAction.AddedNote, SubjectType = "listing", SubjectId = "1" };
            db.AuditEntries.AddRange(old, young);
            await db.SaveChangesAsync();
            return (Old: old.Id, Young: young.Id);
        });

        await app.RunRetentionAsync("erlangen");

        var left = await app.InTownAsync("erlangen", db => db.AuditEntries.Where(a => a.Id == ids.Old || a.Id == ids.Young).Select(a => a.Id).ToListAsync());
        Assert.Equal([ids.Young], left);
    }

    [Fact]
    public async Task TheTownAdmin_SetsHowLongThingsAreKept_AndAValueOutOfRangeIsRefusedAtTheField()
    {
        var admin = await app.SignedInAsync("koeln", "koeln-admin");
        var page = await admin.GetPageAsync("/town/settings");
        Assert.Equal("12", page.QuerySelector("[data-testid=settings-listing-retention]")!.GetAttribute("value"));
        Assert.Equal("6", page.QuerySelector("[data-testid=settings-message-retention]")!.GetAttribute("value"));
        Assert.Equal("24", page.QuerySelector("[data-testid=settings-audit-retention]")!.GetAttribute("value"));

        var saved = await admin.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Retention.ListingMonths"] = "18", ["Retention.DeletedAccountMessageMonths"] = "3", ["Retention.AuditMonths"] = "36",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var town = await app.InTownAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "koeln"));
        Assert.Equal((18, 3, 36), (town.ListingRetentionMonths, town.DeletedAccountMessageMonths, town.AuditRetentionMonths));

        var refused = await admin.SubmitAsync("/town/settings", "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Retention.AuditMonths"] = "6", ["Input.Name"] = "Kölle",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).FieldError("Retention.AuditMonths"));
        town = await app.InTownAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "koeln"));
        Assert.Equal(("Köln", 36), (town.Name, town.AuditRetentionMonths));
    }

    [Fact]
    public async Task ThePrivacyJob_StartsOneRetentionRunPerTown()
    {
        var jobs = await app.RunPrivacyFanOutAsync();

        var towns = await app.InTownAsync(null, db => db.Tenants.Select(t => t.Id).ToListAsync());
        Assert.Equal(towns.Order(), jobs.Where(j => j.Method.Name == "RunForTownAsync").Select(j => (Guid)j.Args[0]).Order());
    }
}
