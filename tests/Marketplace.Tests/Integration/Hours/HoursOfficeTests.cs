using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Hours;

/// <summary>The coordination office approves logged hours at /coordination/hours, sees their value and exports them.</summary>
[Trait("Category", "Database")]
public sealed class HoursOfficeTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Page = "/coordination/hours";

    private Task<HttpClient> CoordinatorAsync(string slug) => app.SignedInAsync(slug, $"{slug}-koordination");

    private static IHtmlFormElement RowForm(AngleSharp.Html.Dom.IHtmlDocument page, int id) =>
        page.QuerySelector<IHtmlFormElement>($"[data-testid=hours-row][data-id='{id}'] form") ?? throw new InvalidOperationException($"No form for row {id}.");

    private Task<List<AuditEntry>> AuditAsync(string slug, int id) =>
        app.InTownAsync(slug, db => db.AuditEntries.AsNoTracking().Where(a => a.SubjectType == "hours" && a.SubjectId == id.ToString(CultureInfo.InvariantCulture)).ToListAsync());

    [Fact]
    public async Task Coordinator_ApprovesOneRow_ItIsApprovedWithWhoAndWhen_AndAudited()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var id = await app.HoursAsync("erlangen", volunteer, 2m, organisationId: organisation);
        var client = await CoordinatorAsync("erlangen");

        var page = await client.GetPageAsync(Page);
        Assert.NotNull(page.QuerySelector($"[data-testid=hours-row][data-id='{id}'] [data-testid=hours-approve]"));
        var response = await client.SubmitAsync(RowForm(page, id), Page, submitterName: "approve", submitterValue: "true");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await app.EntryAsync("erlangen", id);
        Assert.Equal(HoursStatus.Approved, entry.Status);
        Assert.Equal(await app.UserIdAsync("erlangen-koordination"), entry.DecidedByUserId);
        Assert.NotNull(entry.DecidedAt);
        Assert.Equal(AuditAction.ApprovedHours, Assert.Single(await AuditAsync("erlangen", id)).Action);
        Assert.Null((await client.GetPageAsync(Page)).QuerySelector($"[data-testid=hours-row][data-id='{id}']"));
        var approved = await client.GetPageAsync($"{Page}?status=Approved&organisation={organisation}");
        Assert.Single(approved.QuerySelectorAll($"[data-testid=hours-row][data-id='{id}']"));
    }

    [Fact]
    public async Task Coordinator_RejectsOneRow_ItIsRejectedAndAudited()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var match = await app.MatchAsync("erlangen", volunteer);
        var id = await app.HoursAsync("erlangen", volunteer, 5m, matchId: match);
        var client = await CoordinatorAsync("erlangen");

        var response = await client.SubmitAsync(RowForm(await client.GetPageAsync(Page), id), Page, submitterName: "approve", submitterValue: "false");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HoursStatus.Rejected, (await app.EntryAsync("erlangen", id)).Status);
        Assert.Equal(AuditAction.RejectedHours, Assert.Single(await AuditAsync("erlangen", id)).Action);
    }

    [Fact]
    public async Task Coordinator_TicksTwoRows_AndApprovesThemTogether_TheThirdStaysPending()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var ids = new List<int>();
        foreach (var hours in new[] { 1m, 2m, 3m })
        {
            ids.Add(await app.HoursAsync("erlangen", volunteer, hours, organisationId: organisation));
        }

        var client = await CoordinatorAsync("erlangen");
        var page = await client.GetPageAsync($"{Page}?organisation={organisation}");
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=hours-select][form=hours-bulk]").Length);
        Assert.NotNull(page.QuerySelector("[data-testid=hours-bulk-approve]"));

        var response = await client.SubmitAsync($"{Page}?organisation={organisation}", "[data-testid=hours-bulk-form]",
            new Dictionary<string, string> { ["ids"] = $"{ids[0]}|{ids[1]}" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"organisation={organisation}", response.Headers.Location!.ToString());
        Assert.Equal(
            [HoursStatus.Approved, HoursStatus.Approved, HoursStatus.Pending],
            await Task.WhenAll(ids.Select(async id => (await app.EntryAsync("erlangen", id)).Status)));
        Assert.Single(await AuditAsync("erlangen", ids[0]));
        Assert.Single(await AuditAsync("erlangen", ids[1]));
        Assert.Empty(await AuditAsync("erlangen", ids[2]));
    }

    [Fact]
    public async Task Filters_ByStatusOrganisationAndMonth_ShowOnlyMatchingRows()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var other = await app.OrganisationAsync("erlangen", volunteer);
        var today = HoursSetup.TownToday();
        var lastMonth = today.AddMonths(-1);
        var thisMonthRow = await app.HoursAsync("erlangen", volunteer, 1m, HoursStatus.Rejected, organisation, workedOn: today);
        var lastMonthRow = await app.HoursAsync("erlangen", volunteer, 1m, HoursStatus.Rejected, organisation, workedOn: lastMonth);
        var otherRow = await app.HoursAsync("erlangen", volunteer, 1m, HoursStatus.Rejected, other, workedOn: today);
        var pendingRow = await app.HoursAsync("erlangen", volunteer, 1m, HoursStatus.Pending, organisation, workedOn: today);
        var client = await CoordinatorAsync("erlangen");

        var page = await client.GetPageAsync($"{Page}?status=Rejected&organisation={organisation}&month={lastMonth:yyyy-MM}");

        var shown = page.QuerySelectorAll("[data-testid=hours-row]").Select(r => int.Parse(r.GetAttribute("data-id")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([lastMonthRow], shown);
        Assert.DoesNotContain(thisMonthRow, shown);
        Assert.DoesNotContain(otherRow, shown);
        Assert.DoesNotContain(pendingRow, shown);
        Assert.Equal("abgelehnt", page.QuerySelector("[data-testid=hours-row-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ASecondDecision_OfTheSameRow_ChangesNothing()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var id = await app.HoursAsync("erlangen", volunteer, 2m, organisationId: organisation);
        var first = await CoordinatorAsync("erlangen");
        var second = await app.SignedInAsync("erlangen", "erlangen-admin");
        var firstForm = RowForm(await first.GetPageAsync(Page), id);
        var secondForm = RowForm(await second.GetPageAsync(Page), id);

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstForm, Page, submitterName: "approve", submitterValue: "true")).StatusCode);
        var decided = await app.EntryAsync("erlangen", id);

        var late = await second.SubmitAsync(secondForm, Page, submitterName: "approve", submitterValue: "false");
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Contains("bereits entschieden", (await second.GetPageAsync(Page)).TestId("status-message"));
        var token = secondForm.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var bulk = await second.PostAsync($"{Page}?handler=BulkApprove", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["ids"] = id.ToString(CultureInfo.InvariantCulture) }));
        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);

        var after = await app.EntryAsync("erlangen", id);
        Assert.Equal((HoursStatus.Approved, decided.DecidedByUserId, decided.DecidedAt), (after.Status, after.DecidedByUserId, after.DecidedAt));
        Assert.Single(await AuditAsync("erlangen", id));
    }

    [Fact]
    public async Task TwoCoordinatorsAtOnce_DecideARowOnce()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var id = await app.HoursAsync("erlangen", volunteer, 2m, organisationId: organisation);
        var clients = new[] { await CoordinatorAsync("erlangen"), await app.SignedInAsync("erlangen", "erlangen-admin") };
        var forms = new List<IHtmlFormElement>();
        foreach (var client in clients)
        {
            forms.Add(RowForm(await client.GetPageAsync(Page), id));
        }

        await Task.WhenAll(
            clients[0].SubmitAsync(forms[0], Page, submitterName: "approve", submitterValue: "true"),
            clients[1].SubmitAsync(forms[1], Page, submitterName: "approve", submitterValue: "false"));

        Assert.NotEqual(HoursStatus.Pending, (await app.EntryAsync("erlangen", id)).Status);
        Assert.Single(await AuditAsync("erlangen", id));
    }

    [Fact]
    public async Task ApprovedHoursThisYear_AndTheirValue_GoUpWhenHoursAreApproved()
    {
        // Potsdam: no other test of this class approves hours there.
        var volunteer = await app.VolunteerAsync("potsdam");
        var organisation = await app.OrganisationAsync("potsdam", volunteer);
        var id = await app.HoursAsync("potsdam", volunteer, 3m, organisationId: organisation);
        await app.HoursAsync("potsdam", volunteer, 8m, HoursStatus.Approved, organisation, workedOn: new DateOnly(HoursSetup.TownToday().Year - 1, 12, 31));
        var client = await CoordinatorAsync("potsdam");

        var before = await client.GetPageAsync(Page);
        Assert.Equal("0", before.TestId("hours-approved-total"));
        Assert.Equal("0,00 €", HoursSetup.Plain(before.TestId("hours-value")));

        await client.SubmitAsync(RowForm(before, id), Page, submitterName: "approve", submitterValue: "true");

        var after = await client.GetPageAsync(Page);
        Assert.Equal("3", after.TestId("hours-approved-total"));
        Assert.Equal("45,00 €", HoursSetup.Plain(after.TestId("hours-value")));
        var english = await client.GetPageAsync($"{Page}?culture=en&ui-culture=en");
        Assert.Equal("€45.00", HoursSetup.Plain(english.TestId("hours-value")));
    }

    [Fact]
    public async Task Csv_HasTheYearsApprovedHours_ForGermanExcel_WithFormulasDefused_AndIsAudited()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer);
        var organisationName = await app.InTownAsync("erlangen", db => db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).SingleAsync());
        var year = HoursSetup.TownToday().Year;
        var day = new DateOnly(year, 1, 2);
        await app.HoursAsync("erlangen", volunteer, 2.5m, HoursStatus.Approved, organisation, activity: "=HYPERLINK(\"http://böse.example\";\"Klick\")", workedOn: day);
        await app.HoursAsync("erlangen", volunteer, 1m, HoursStatus.Approved, organisation, activity: "Tafel; Ausgabe", workedOn: day);
        await app.HoursAsync("erlangen", volunteer, 9m, HoursStatus.Pending, organisation, activity: "Noch offen", workedOn: day);
        await app.HoursAsync("erlangen", volunteer, 4m, HoursStatus.Approved, organisation, activity: "Vorjahr", workedOn: new DateOnly(year - 1, 12, 31));
        var client = await CoordinatorAsync("erlangen");

        var response = await client.GetAsync($"{Page}?handler=Csv&year={year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"stunden-erlangen-{year}.csv", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Datum;Ehrenamtliche Person;Organisation;Vermittlung;Tätigkeit;Stunden;Wert (EUR)", lines[0]);
        var mine = lines.Where(l => l.Contains(volunteer, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mine.Count);
        Assert.Contains($"{day:yyyy-MM-dd};{volunteer};{organisationName};;\"'=HYPERLINK(\"\"http://böse.example\"\";\"\"Klick\"\")\";2,50;37,50", mine);
        Assert.Contains($"{day:yyyy-MM-dd};{volunteer};{organisationName};;\"Tafel; Ausgabe\";1,00;15,00", mine);
        Assert.DoesNotContain(lines, l => l.Contains("Noch offen") || l.Contains("Vorjahr"));

        var coordinatorId = await app.UserIdAsync("erlangen-koordination");
        var audit = await app.InTownAsync("erlangen", db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.ExportedHours && a.SubjectId == year.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains(audit, a => a.ActorUserId == coordinatorId);
    }

    [Fact]
    public async Task Member_CannotOpenTheQueue_NorExport()
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-mitglied");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Page}?handler=Csv&year=2026")).StatusCode);
    }

    [Fact]
    public async Task APotsdamCoordinator_CannotDecideAnErlangenRow_ItIsNotFoundAndUnchanged()
    {
        var erlangenVolunteer = await app.VolunteerAsync("erlangen");
        var erlangenOrganisation = await app.OrganisationAsync("erlangen", erlangenVolunteer);
        var erlangenRow = await app.HoursAsync("erlangen", erlangenVolunteer, 2m, organisationId: erlangenOrganisation, activity: "Erlanger Stunden");
        var potsdamVolunteer = await app.VolunteerAsync("potsdam");
        var potsdamOrganisation = await app.OrganisationAsync("potsdam", potsdamVolunteer);
        var potsdamRow = await app.HoursAsync("potsdam", potsdamVolunteer, 1m, organisationId: potsdamOrganisation);
        var client = await CoordinatorAsync("potsdam");
        var page = await client.GetPageAsync(Page);
        Assert.DoesNotContain("Erlanger Stunden", page.Body!.TextContent);
        var token = page.Token();

        var decide = await client.PostAsync($"{Page}?handler=Decide&id={erlangenRow}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["approve"] = "true" }));
        var bulk = await client.PostAsync($"{Page}?handler=BulkApprove", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("ids", erlangenRow.ToString(CultureInfo.InvariantCulture)), new("ids", potsdamRow.ToString(CultureInfo.InvariantCulture))]));

        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bulk.StatusCode);
        Assert.Equal(HoursStatus.Pending, (await app.EntryAsync("erlangen", erlangenRow)).Status);
        Assert.Equal(HoursStatus.Pending, (await app.EntryAsync("potsdam", potsdamRow)).Status);
        Assert.Empty(await AuditAsync("erlangen", erlangenRow));
        var csv = await client.GetStringAsync($"{Page}?handler=Csv&year={HoursSetup.TownToday().Year}");
        Assert.DoesNotContain("Erlanger Stunden", csv);
    }

    [Fact]
    public async Task WithHtmx_ADecisionReturnsTheQueueFragment_WithTheNewTotals()
    {
        var volunteer = await app.VolunteerAsync("koeln");
        var organisation = await app.OrganisationAsync("koeln", volunteer);
        var id = await app.HoursAsync("koeln", volunteer, 1.25m, organisationId: organisation);
        var client = await CoordinatorAsync("koeln");
        var form = RowForm(await client.GetPageAsync(Page), id);

        var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("hx-post"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
                ["approve"] = "true",
            }),
        };
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await Html.ParseAsync(response);
        Assert.Null(fragment.QuerySelector("header.site-header"));
        Assert.NotNull(fragment.QuerySelector("#hours-queue"));
        Assert.Null(fragment.QuerySelector($"[data-testid=hours-row][data-id='{id}']"));
        Assert.False(string.IsNullOrEmpty(fragment.TestId("hours-done")));
        Assert.Equal(HoursStatus.Approved, (await app.EntryAsync("koeln", id)).Status);
    }
}
