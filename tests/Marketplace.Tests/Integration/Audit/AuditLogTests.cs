using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Audit;

/// <summary>The town admin reads the coordination office's log: newest first, filtered, and only their own town's.</summary>
[Trait("Category", "Database")]
public sealed class AuditLogTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Page = "/coordination/audit";

    /// <summary>Writes entries straight into the town's log; returns nothing, the details tell them apart.</summary>
    private async Task SeedAsync(string slug, params (string Actor, AuditAction Action, string Type, string Id, string Detail, DateTimeOffset At)[] entries)
    {
        var ids = new Dictionary<string, string>();
        foreach (var name in entries.Select(e => e.Actor).Distinct())
        {
            ids[name] = await app.UserIdAsync(name);
        }

        await app.InTownAsync(slug, async db =>
        {
            db.AuditEntries.AddRange(entries.Select(e => new AuditEntry
            {
                ActorUserId = ids[e.Actor], Action = e.Action, SubjectType = e.Type, SubjectId = e.Id, Detail = e.Detail, At = e.At,
            }));
            return await db.SaveChangesAsync();
        });
    }

    private static List<IElement> Rows(IHtmlDocument page) => page.QuerySelectorAll("[data-testid=audit-row]").ToList();

    private static List<string> Details(IHtmlDocument page) => Rows(page).Select(r => r.Children[^1].TextContent.Trim()).ToList();

    [Fact]
    public async Task TownAdmin_SeesEntriesNewestFirst_WithWhoWhenAndWhat()
    {
        var now = DateTimeOffset.UtcNow;
        await SeedAsync("koeln",
            ("koeln-koordination", AuditAction.ApprovedHours, "hours", "11", "newest-first-b", now.AddMinutes(-5)),
            ("koeln-admin", AuditAction.ChangedExchangeMode, "category", "4", "newest-first-c", now.AddMinutes(-1)),
            ("koeln-koordination", AuditAction.ViewedVolunteer, "volunteer", "7", "newest-first-a", now.AddMinutes(-30)));
        var admin = await app.SignedInAsync("koeln", "koeln-admin");

        var page = await admin.GetPageAsync(Page);

        Assert.NotNull(page.QuerySelector("form[method=get][data-testid=audit-filter]"));
        var ours = Rows(page).Where(r => r.TextContent.Contains("newest-first-")).ToList();
        Assert.Equal(["newest-first-c", "newest-first-b", "newest-first-a"], ours.Select(r => r.Children[^1].TextContent.Trim()));
        var top = ours[0];
        Assert.Equal("koeln-admin", top.QuerySelector("[data-testid=audit-row-actor]")!.TextContent.Trim());
        Assert.Equal("Austauschart geändert", top.QuerySelector("[data-testid=audit-row-action]")!.TextContent.Trim());
        Assert.Contains("Kategorie 4", top.TextContent);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = TimeZoneInfo.ConvertTime(now.AddMinutes(-1), berlin).ToString("g", System.Globalization.CultureInfo.GetCultureInfo("de"));
        Assert.Contains(local, top.TextContent);
    }

    [Fact]
    public async Task Details_ReadAsWords_NotAsStoredCodes()
    {
        var now = DateTimeOffset.UtcNow;
        await SeedAsync("potsdam",
            ("potsdam-koordination", AuditAction.ExportedHours, "hours", "2026", "rows=1", now.AddMinutes(-1)),
            ("potsdam-koordination", AuditAction.ExportedHours, "hours", "2025", "rows=12", now.AddMinutes(-2)),
            ("potsdam-koordination", AuditAction.ChangedStatus, "listing", "12", "New → OnHold", now.AddMinutes(-3)),
            ("potsdam-koordination", AuditAction.ProposedMatch, "listing", "12", "match 3: Offer 15", now.AddMinutes(-4)),
            ("potsdam-koordination", AuditAction.RecordedAnswer, "match", "3", "request: yes", now.AddMinutes(-5)),
            ("potsdam-koordination", AuditAction.HandledInquiry, "inquiry", "8", "listing 12", now.AddMinutes(-6)),
            ("potsdam-koordination", AuditAction.ChangedExchangeMode, "category", "4", "wohnung: PeerToPeer → Mediated", now.AddMinutes(-7)),
            ("potsdam-koordination", AuditAction.ChangedExchangeMode, "category", "4", "wohnung: clearance no → yes", now.AddMinutes(-8)),
            ("potsdam-koordination", AuditAction.RecordedClearance, "clearance", "u1", "helga: 2026-01-15", now.AddMinutes(-9)));
        var admin = await app.SignedInAsync("potsdam", "potsdam-admin");

        var page = await admin.GetPageAsync($"{Page}?actor=potsdam-koordination");

        Assert.Equal(
        [
            "1 Zeile exportiert",
            "12 Zeilen exportiert",
            "neu → zurückgestellt",
            "Vermittlung 3: Angebot 15",
            "Gesuch: zugesagt",
            "Anzeige 12",
            "wohnung: direkt zwischen Mitgliedern → über die Koordinierungsstelle",
            "wohnung: Führungszeugnis nötig: nein → ja",
            "helga: ausgestellt am 15.01.2026",
        ], Details(page).Take(9));
        Assert.DoesNotContain("rows=", page.Body!.TextContent);
    }

    [Fact]
    public async Task Filters_ByActionActorSubjectAndTownDays()
    {
        // 23:30 UTC on 10 March is already 11 March in Erlangen (UTC+1).
        var lateEvening = new DateTimeOffset(2025, 3, 10, 23, 30, 0, TimeSpan.Zero);
        await SeedAsync("erlangen",
            ("erlangen-koordination", AuditAction.RecordedClearance, "clearance", "501", "filter-a", lateEvening),
            ("erlangen-admin", AuditAction.RecordedClearance, "clearance", "502", "filter-b", lateEvening.AddDays(-2)),
            ("erlangen-koordination", AuditAction.DeletedClearance, "clearance", "501", "filter-c", lateEvening.AddDays(-3)));
        var admin = await app.SignedInAsync("erlangen", "erlangen-admin");

        var byAction = await admin.GetPageAsync($"{Page}?action={AuditAction.RecordedClearance}");
        Assert.All(Rows(byAction), r => Assert.Equal(nameof(AuditAction.RecordedClearance), r.GetAttribute("data-action")));
        Assert.Equal(["filter-a", "filter-b"], Details(byAction));
        Assert.Equal(nameof(AuditAction.RecordedClearance), byAction.QuerySelector<IHtmlSelectElement>("[data-testid=audit-filter-action]")!.Value);

        var byActor = await admin.GetPageAsync($"{Page}?actor=erlangen-koordination&subject=clearance");
        Assert.Equal(["filter-a", "filter-c"], Details(byActor));
        Assert.All(Rows(byActor), r => Assert.Equal("erlangen-koordination", r.QuerySelector("[data-testid=audit-row-actor]")!.TextContent.Trim()));

        var bySubject = await admin.GetPageAsync($"{Page}?subject=clearance&subjectId=502");
        Assert.Equal(["filter-b"], Details(bySubject));

        var onTheEleventh = await admin.GetPageAsync($"{Page}?from=2025-03-11&to=2025-03-11");
        Assert.Equal(["filter-a"], Details(onTheEleventh));
        var uptoTheTenth = await admin.GetPageAsync($"{Page}?subject=clearance&to=2025-03-10");
        Assert.Equal(["filter-b", "filter-c"], Details(uptoTheTenth));
    }

    [Fact]
    public async Task EndBeforeStart_IsRefusedAtTheField()
    {
        var admin = await app.SignedInAsync("erlangen", "erlangen-admin");

        var response = await admin.GetAsync($"{Page}?from=2025-03-11&to=2025-03-01");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).FieldError("to"));
    }

    [Fact]
    public async Task ViewingAnIntake_AppearsInTheLog_UnderTheCoordinator()
    {
        var listingId = await app.CreateListingAsync("potsdam", "potsdam-koordination", ListingType.Request, "Hilfe beim Umzug");
        var intakeId = await app.InTownAsync("potsdam", async db =>
        {
            var intake = new IntakeContact
            {
                ListingId = listingId, Name = "Olena", Culture = "de", ReferenceCode = "AUDT2345",
                CreatedByUserId = await db.Users.Where(u => u.UserName == "potsdam-koordination").Select(u => u.Id).SingleAsync(),
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.IntakeContacts.Add(intake);
            await db.SaveChangesAsync();
            return intake.Id;
        });
        await (await app.SignedInAsync("potsdam", "potsdam-koordination")).GetPageAsync($"/coordination/intake/{intakeId}");
        var admin = await app.SignedInAsync("potsdam", "potsdam-admin");

        var page = await admin.GetPageAsync($"{Page}?action={AuditAction.ViewedIntakeContact}&subject=intake&subjectId={intakeId}");

        var row = Assert.Single(Rows(page));
        Assert.Equal("potsdam-koordination", row.QuerySelector("[data-testid=audit-row-actor]")!.TextContent.Trim());
        Assert.DoesNotContain("Olena", page.Body!.TextContent);
    }

    [Fact]
    public async Task Coordinator_IsRefused()
    {
        var coordinator = await app.SignedInAsync("erlangen", "erlangen-koordination");

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task PotsdamsAdmin_NeverSeesErlangensEntries()
    {
        await SeedAsync("erlangen", ("erlangen-koordination", AuditAction.AddedNote, "listing", "987654", "erlangen-only-entry", DateTimeOffset.UtcNow));
        var admin = await app.SignedInAsync("potsdam", "potsdam-admin");

        var all = await admin.GetPageAsync(Page);
        var filtered = await admin.GetPageAsync($"{Page}?subject=listing&subjectId=987654");
        var byErlangenActor = await admin.GetPageAsync($"{Page}?actor=erlangen-koordination");

        Assert.DoesNotContain("erlangen-only-entry", all.Body!.TextContent);
        Assert.DoesNotContain(all.QuerySelectorAll("[data-testid=audit-filter-actor] option"), o => o.TextContent.Contains("erlangen"));
        Assert.Empty(Rows(filtered));
        Assert.Empty(Rows(byErlangenActor));
    }
}

/// <summary>Every audit action has its name in the log, in German and English.</summary>
public sealed class AuditActionTextTests
{
    [Fact]
    public void EveryAuditAction_HasItsText()
    {
        foreach (var suffix in new[] { "", ".en" })
        {
            var keys = XDocument.Load(Path.Combine(RepositoryPaths.WebProject, "Resources", $"SharedResource{suffix}.resx")).Root!
                .Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
            var missing = Enum.GetNames<AuditAction>().Select(n => "Audit_Action_" + n).Except(keys).ToList();
            Assert.True(missing.Count == 0, $"Missing in SharedResource{suffix}: " + string.Join(", ", missing));
        }
    }
}
