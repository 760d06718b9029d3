using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Marketplace.Tests.Integration.Coordination;
using Marketplace.Tests.Integration.Hours;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Effects;

/// <summary>Indicators, the shortfall notice, the yearly effect report and the proof of use of a project, as their users see them.</summary>
[Trait("Category", "Database")]
public sealed class EffectsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = EffectsSetup.Town;

    private static int Year => HoursSetup.TownToday().Year;

    [Fact]
    public async Task Admin_AddsAnIndicator_WithoutJavaScript_AndRecordsAValue_ThatShowsItsAchievement()
    {
        var project = await app.ProjectAsync();
        var client = await app.SignedInAsync(Town, project.Admin);
        var url = $"{project.Path}/indicators";

        var added = await client.SubmitAsync(url, "[data-testid=indicator-form]", new Dictionary<string, string>
        {
            ["NewIndicator.Step"] = "Effect", ["NewIndicator.Name"] = "Erreichte Sprachstufe", ["NewIndicator.Definition"] = "Nach Zertifikat gezählt.",
            ["NewIndicator.Unit"] = "Personen", ["NewIndicator.Baseline"] = "0", ["NewIndicator.Target"] = "12", ["NewIndicator.Period"] = "Quarterly",
            ["NewIndicator.Influence"] = "High",
        });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());

        var page = await client.GetPageAsync(url);
        var indicator = Assert.Single(page.QuerySelectorAll("[data-testid=indicator]"));
        Assert.Contains("Erreichte Sprachstufe", indicator.TextContent);
        Assert.Equal("Wirkung (Effect)", page.TestId("indicator-step"));
        var form = page.Form("[data-testid=value-form]");
        var recorded = await client.SubmitAsync(form, url, new Dictionary<string, string> { ["Value.Amount"] = "6", ["Value.Note"] = "Zwei Prüfungen fielen aus." });
        Assert.True(recorded.StatusCode == HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());

        page = await client.GetPageAsync(url);
        Assert.Equal("50 %", HoursSetup.Plain(page.TestId("indicator-achieved")));
        Assert.Contains("Zwei Prüfungen fielen aus.", page.TestId("indicator-values"));
    }

    [Fact]
    public async Task SecondValueForTheSamePeriod_Is400_WithTheMessageAtTheField_AndNothingWritten()
    {
        var project = await app.ProjectAsync();
        var start = new DateOnly(Year, 1, 1);
        var indicatorId = await app.IndicatorAsync(project, 10, (start, 4));
        var client = await app.SignedInAsync(Town, project.Admin);
        var url = $"{project.Path}/indicators";
        var form = (await client.GetPageAsync(url)).Form("[data-testid=value-form]");

        var again = await client.SubmitAsync(form, url, new Dictionary<string, string>
        {
            ["Value.Period"] = start.ToString("yyyy-MM-dd"), ["Value.Amount"] = "9",
        });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("schon ein Wert", (await Html.ParseAsync(again)).FieldError("Value.Period"));
        var values = await app.InTownAsync(Town, db => db.IndicatorValues.Where(v => v.IndicatorId == indicatorId).Select(v => v.Value).ToListAsync());
        Assert.Equal([4], values);
    }

    [Fact]
    public async Task RecordingAValue_WithHtmx_AnswersTheListFragment_AndADuplicateIs400InPlace()
    {
        var project = await app.ProjectAsync();
        await app.IndicatorAsync(project, 10);
        var client = await app.SignedInAsync(Town, project.Admin);
        var url = $"{project.Path}/indicators";
        var form = (await client.GetPageAsync(url)).Form("[data-testid=value-form]");

        var first = await client.HtmxSubmitAsync(form, new Dictionary<string, string> { ["Value.Amount"] = "7", ["Value.Note"] = "Gut besucht." });
        var second = await client.HtmxSubmitAsync(form, new Dictionary<string, string> { ["Value.Amount"] = "8" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var fragment = await Html.ParseAsync(first);
        Assert.Null(fragment.QuerySelector("h1"));
        Assert.Equal("70 %", HoursSetup.Plain(fragment.TestId("indicator-achieved")));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("schon ein Wert", (await Html.ParseAsync(second)).FieldError("Value.Period"));
    }

    [Fact]
    public async Task StarterSet_IsCopiedInOneClick_AndASecondClickAddsNothing()
    {
        var project = await app.ProjectAsync();
        var client = await app.SignedInAsync(Town, project.Admin);
        var url = $"{project.Path}/indicators";

        foreach (var _ in new[] { 1, 2 })
        {
            var page = await client.GetPageAsync(url);
            var response = await client.PressAsync(page.QuerySelector("[data-testid=starter-LanguageCourses]")!, url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var keys = await app.InTownAsync(Town, db => db.Indicators.Where(i => i.ProjectBudgetId == project.BudgetId).Select(i => i.StarterKey).ToListAsync());
        Assert.Equal(["LanguageCourses.Attendance", "LanguageCourses.Completions", "LanguageCourses.NextLevel"], keys.Order());
        Assert.Equal(3, (await client.GetPageAsync(url)).QuerySelectorAll("[data-testid=indicator]").Length);
    }

    [Fact]
    public async Task IndicatorsPage_IsForTheOrganisationAndTheOffice_A404ForOtherOrganisationsAndOtherTowns()
    {
        var project = await app.ProjectAsync();
        var other = await app.ProjectAsync();
        var url = $"{project.Path}/indicators";

        var member = await app.SignedInAsync(Town, project.Member);
        var memberPage = await member.GetPageAsync(url);
        Assert.Empty(memberPage.QuerySelectorAll("[data-testid=indicator-form]"));
        var memberPost = await member.PostAsync($"{url}?handler=Starter&set=Leisure",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = memberPage.Token() }));
        Assert.Equal(HttpStatusCode.Forbidden, memberPost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Town, "erlangen-koordination")).GetAsync(url)).StatusCode);

        var stranger = await app.SignedInAsync(Town, other.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        // The other organisation's id with this project's budget: the budget must belong to the organisation in the address.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/organisations/{other.OrganisationId}/budgets/{project.BudgetId}/indicators")).StatusCode);
        var strangerPost = await stranger.PostAsync($"{url}?handler=Starter&set=Leisure",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = (await stranger.GetPageAsync($"{other.Path}/indicators")).Token() }));
        Assert.Equal(HttpStatusCode.NotFound, strangerPost.StatusCode);

        var otherTown = await app.SignedInAsync("potsdam", "potsdam-koordination");
        foreach (var path in new[] { url, $"{project.Path}/proof", $"{project.Path}/proof.pdf", $"{project.Path}/proof/payments.csv" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherTown.GetAsync(path)).StatusCode);
        }

        Assert.Equal(0, await app.InTownAsync(Town, db => db.Indicators.CountAsync(i => i.ProjectBudgetId == project.BudgetId)));
    }

    [Fact]
    public async Task Shortfall_MailsTheAdminsAndTheOfficeOnce_EvenWhenTheJobRunsTwiceAndAtOnce()
    {
        var project = await app.ProjectAsync();
        var indicatorId = await app.IndicatorAsync(project, 10, (new DateOnly(Year - 1, 7, 1), 2), (new DateOnly(Year - 1, 10, 1), 4));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SendNoticesAsync)));
        await SendNoticesAsync();

        var mails = await ShortfallMailsAsync(indicatorId);
        var admin = OrganisationSetup.EmailOf(project.Admin);
        Assert.Single(mails, m => m == admin);
        Assert.Contains(await OfficeEmailAsync(), mails);
        Assert.Equal(mails.Count, mails.Distinct().Count());
        Assert.DoesNotContain(OrganisationSetup.EmailOf(project.Member), mails);

        // A third low period continues the same shortfall: no second notice.
        await app.InTownAsync(Town, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorId = indicatorId, PeriodStart = new DateOnly(Year, 1, 1), PeriodEnd = new DateOnly(Year, 3, 31), Value = 1,
                RecordedByUserId = await db.Users.Where(u => u.UserName == project.Admin).Select(u => u.Id).SingleAsync(), RecordedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await SendNoticesAsync();
        Assert.Equal(mails.Count, (await ShortfallMailsAsync(indicatorId)).Count);
    }

    [Fact]
    public async Task Shortfall_IsNotSent_WhenOnlyOneOfTheLastTwoValuesIsLow()
    {
        var project = await app.ProjectAsync();
        var indicatorId = await app.IndicatorAsync(project, 10, (new DateOnly(Year - 1, 7, 1), 2), (new DateOnly(Year - 1, 10, 1), 5));

        await SendNoticesAsync();

        Assert.Empty(await ShortfallMailsAsync(indicatorId));
    }

    [Fact]
    public async Task EffectReport_SumsGranted_SpentInTheYear_AndTheHoursValue_ForAProject()
    {
        var project = await app.ProjectAsync();
        await app.IndicatorAsync(project, 10, (new DateOnly(Year, 1, 1), 8));
        var thisYear = DateTimeOffset.UtcNow;
        var lastYear = new DateTimeOffset(Year - 1, 6, 15, 10, 0, 0, TimeSpan.Zero);
        await app.ExpenseAsync(project, project.MaterialLine, 120_00, ExpenseStatus.Approved, new DateOnly(Year, 1, 2), "Bücher", approvedAt: thisYear);
        await app.ExpenseAsync(project, project.TravelLine, 30_00, ExpenseStatus.Paid, new DateOnly(Year, 1, 3), "Fahrkarten", approvedAt: thisYear);
        await app.ExpenseAsync(project, project.MaterialLine, 50_00, ExpenseStatus.Approved, new DateOnly(Year - 1, 6, 1), "Stifte", approvedAt: lastYear);
        await app.ExpenseAsync(project, project.MaterialLine, 999_00, ExpenseStatus.Rejected, new DateOnly(Year, 1, 4), "Abgelehnt");
        await app.ExpenseAsync(project, project.MaterialLine, 777_00, ExpenseStatus.Submitted, new DateOnly(Year, 1, 5), "Offen");
        await app.HoursAsync(Town, project.Member, 2m, HoursStatus.Approved, project.OrganisationId, workedOn: new DateOnly(Year, 1, 10));
        await app.HoursAsync(Town, project.Member, 3m, HoursStatus.Approved, project.OrganisationId, workedOn: new DateOnly(Year - 1, 5, 10));
        await app.HoursAsync(Town, project.Member, 5m, HoursStatus.Pending, project.OrganisationId, workedOn: new DateOnly(Year, 1, 11));
        var rate = await app.InTownAsync(Town, db => db.Tenants.Where(t => t.Slug == Town).Select(t => t.HourlyRateCents).SingleAsync());
        var office = await app.SignedInAsync(Town, "erlangen-koordination");

        var page = await office.GetPageAsync($"/coordination/effects?year={Year}");

        var measure = page.QuerySelector($"[data-testid=effect-measure][data-budget='{project.BudgetId}']")!;
        Assert.Equal("1.000,00 €", HoursSetup.Plain(measure.TestIdIn("effect-granted")));
        Assert.Equal("150,00 €", HoursSetup.Plain(measure.TestIdIn("effect-spent")));
        Assert.Equal(Euros(2 * rate), HoursSetup.Plain(measure.TestIdIn("effect-hours-value")));
        Assert.Contains("80 %", HoursSetup.Plain(measure.QuerySelector("[data-testid=effect-indicator]")!.TextContent));
        Assert.NotNull(page.QuerySelector("a[data-testid=coordination-nav-effects]"));

        var last = await office.GetPageAsync($"/coordination/effects?year={Year - 1}");
        var lastMeasure = last.QuerySelector($"[data-testid=effect-measure][data-budget='{project.BudgetId}']")!;
        Assert.Equal("50,00 €", HoursSetup.Plain(lastMeasure.TestIdIn("effect-spent")));
        Assert.Equal(Euros(3 * rate), HoursSetup.Plain(lastMeasure.TestIdIn("effect-hours-value")));

        var pdf = await office.GetAsync($"/coordination/effects/report.pdf?year={Year}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Extract(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("150,00", text);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/coordination/effects?year={Year + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Town, project.Admin)).GetAsync("/coordination/effects")).StatusCode);
    }

    [Fact]
    public async Task EffectReport_Median_IsTheMiddleValue_NotTheMean()
    {
        Assert.Equal(3m, EffectReports.Median([1m, 3m, 100m]));
        Assert.Equal(2.5m, EffectReports.Median([1m, 2m, 3m, 100m]));
        Assert.Null(EffectReports.Median([]));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task ProofOfUse_ListsEveryBookedPayment_InDateOrder_AndNoRejectedOrPendingClaim()
    {
        var project = await app.ProjectAsync(countsHours: false);
        var day = new DateOnly(Year, 1, 1);
        await app.ExpenseAsync(project, project.MaterialLine, 20_00, ExpenseStatus.Approved, day.AddDays(5), "Arbeitshefte");
        await app.ExpenseAsync(project, project.MaterialLine, 10_00, ExpenseStatus.Paid, day.AddDays(1), "Kreide");
        await app.ExpenseAsync(project, project.TravelLine, 5_50, ExpenseStatus.Approved, day.AddDays(9), "Busfahrt", ExpenseKind.Reimbursement);
        foreach (var status in new[] { ExpenseStatus.Rejected, ExpenseStatus.Submitted, ExpenseStatus.FirstApproved, ExpenseStatus.Incomplete, ExpenseStatus.Withdrawn })
        {
            await app.ExpenseAsync(project, project.MaterialLine, 1_00, status, day.AddDays(3), $"Nicht gebucht {status}");
        }

        var client = await app.SignedInAsync(Town, project.Admin);
        var page = await client.GetPageAsync($"{project.Path}/proof");

        var rows = page.QuerySelectorAll("[data-testid=proof-payment]").Select(r => r.QuerySelectorAll("td").Select(c => HoursSetup.Plain(c.TextContent)).ToList()).ToList();
        Assert.Equal(["Kreide", "Arbeitshefte", "Busfahrt"], rows.Select(r => r[2]));
        Assert.Equal("Auslagenersatz", rows[2][1]);
        Assert.Equal("35,50 €", HoursSetup.Plain(page.TestId("proof-payments-total")));
        Assert.DoesNotContain("Nicht gebucht", page.Body!.TextContent);
        Assert.DoesNotContain("Privatperson", page.Body.TextContent);
        Assert.DoesNotContain(project.Member, page.Body.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=plan-line]").Length);
        Assert.Contains("Neuzugewanderte sprechen im Alltag sicherer Deutsch.", page.TestId("proof-narrative"));

        var own = await client.GetPageAsync($"{project.Path}/proof?own=true");
        Assert.Contains($"Auslagenersatz ({project.Member})", own.QuerySelectorAll("[data-testid=proof-payment]")[2].TextContent);

        var csv = await client.GetAsync($"{project.Path}/proof/payments.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("Kreide", lines[1]);
        Assert.Contains("Busfahrt", lines[3]);
        Assert.Contains("5.50", lines[3]);

        var pdf = await client.GetAsync($"{project.Path}/proof.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Extract(await pdf.Content.ReadAsByteArrayAsync());
        Assert.True(text.IndexOf("Kreide", StringComparison.Ordinal) < text.IndexOf("Arbeitshefte", StringComparison.Ordinal)
            && text.IndexOf("Arbeitshefte", StringComparison.Ordinal) < text.IndexOf("Busfahrt", StringComparison.Ordinal), text);
        Assert.DoesNotContain("Nicht gebucht", text);

        var audited = await app.InTownAsync(Town, db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ExportedProofOfUse && a.SubjectId == project.BudgetId.ToString()));
        Assert.Equal(2, audited);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Town, project.Member)).GetAsync($"{project.Path}/proof.pdf")).StatusCode);
    }

    [Fact]
    public async Task ProofOfUse_ShowsTheTimesheet_WhenTheFundCountsVolunteerHours_AndKeepsTheOrganisationsText()
    {
        var project = await app.ProjectAsync(countsHours: true);
        await app.HoursAsync(Town, project.Member, 2m, HoursStatus.Approved, project.OrganisationId, activity: "Sprachcafé", workedOn: new DateOnly(Year, 1, 10));
        await app.HoursAsync(Town, project.Member, 4m, HoursStatus.Pending, project.OrganisationId, activity: "Offen", workedOn: new DateOnly(Year, 1, 11));
        var rate = await app.InTownAsync(Town, db => db.Tenants.Where(t => t.Slug == Town).Select(t => t.HourlyRateCents).SingleAsync());
        var client = await app.SignedInAsync(Town, project.Admin);
        var url = $"{project.Path}/proof";

        var saved = await client.SubmitAsync(url, "[data-testid=report-text-form]", new Dictionary<string, string> { ["Text.ReportText"] = "Wir haben viel gelernt." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var tooLong = await client.SubmitAsync(url, "[data-testid=report-text-form]", new Dictionary<string, string> { ["Text.ReportText"] = new string('x', 4001) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);

        var page = await client.GetPageAsync(url);
        Assert.Contains("Wir haben viel gelernt.", page.TestId("proof-narrative"));
        Assert.Single(page.QuerySelectorAll("[data-testid=proof-hours-row]"));
        Assert.Equal(Euros(2 * rate), HoursSetup.Plain(page.TestId("proof-hours-value")));
    }

    private Task<string> OfficeEmailAsync() =>
        app.InTownAsync(Town, db => db.Users.Where(u => u.UserName == "erlangen-koordination").Select(u => u.Email!).SingleAsync());

    private async Task SendNoticesAsync()
    {
        await using var scope = await app.TownScopeAsync(Town);
        await scope.ServiceProvider.GetRequiredService<ShortfallNotices>().SendDueAsync();
    }

    private Task<List<string>> ShortfallMailsAsync(int indicatorId) =>
        app.InTownAsync(Town, db => db.OutboxMails.Where(m => m.Template == ShortfallNotices.MailKind && m.IdempotencyKey!.StartsWith($"{ShortfallNotices.MailKind}:{indicatorId}:"))
            .Select(m => m.Recipient).ToListAsync());

    private static string Euros(long cents) => HoursSetup.Plain((cents / 100m).ToString("C2", System.Globalization.CultureInfo.GetCultureInfo("de-DE")));
}
