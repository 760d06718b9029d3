using System.Net;
using System.Text;
using Marketplace.Web.Domain;
using PdfSharp.Pdf.IO;

namespace Marketplace.Tests.Integration.Hours;

/// <summary>The proof of engagement at /me/engagement: the member's approved hours only, as a page and as a PDF.</summary>
[Trait("Category", "Database")]
public sealed class EngagementTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    /// <summary>3.5 approved hours of reading help, 1 approved hour through a match; pending, rejected and others' hours around them.</summary>
    private async Task<(string Volunteer, int Year)> VolunteerWithHoursAsync()
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var other = await app.VolunteerAsync("erlangen");
        var organisation = await app.OrganisationAsync("erlangen", volunteer, other);
        var match = await app.MatchAsync("erlangen", volunteer);
        var today = HoursSetup.TownToday();
        await app.HoursAsync("erlangen", volunteer, 2m, HoursStatus.Approved, organisation, activity: "Lesepatenschaft");
        await app.HoursAsync("erlangen", volunteer, 1.5m, HoursStatus.Approved, organisation, activity: "lesepatenschaft ", workedOn: today.AddDays(-3));
        await app.HoursAsync("erlangen", volunteer, 1m, HoursStatus.Approved, matchId: match, activity: "Umzugshilfe");
        await app.HoursAsync("erlangen", volunteer, 4m, HoursStatus.Pending, organisation, activity: "Noch offen");
        await app.HoursAsync("erlangen", volunteer, 3m, HoursStatus.Rejected, organisation, activity: "Abgelehnt");
        await app.HoursAsync("erlangen", other, 7m, HoursStatus.Approved, organisation, activity: "Fremde Stunden");
        await app.HoursAsync("erlangen", volunteer, 6m, HoursStatus.Approved, organisation, activity: "Letztes Jahr", workedOn: new DateOnly(today.Year - 1, 6, 1));
        return (volunteer, today.Year);
    }

    [Fact]
    public async Task Page_ListsOnlyTheMembersApprovedHoursOfTheYear_GroupedWithTotals()
    {
        var (volunteer, year) = await VolunteerWithHoursAsync();
        var client = await app.SignedInAsync("erlangen", volunteer);

        var page = await client.GetPageAsync("/me/engagement");

        Assert.Equal("Erlangen", page.TestId("engagement-town"));
        Assert.Contains(volunteer, page.TestId("engagement-statement"));
        Assert.Contains($"01.01.{year}", page.TestId("engagement-statement"));
        Assert.Equal("4,5", page.TestId("engagement-total"));
        var activities = page.QuerySelectorAll("[data-testid=engagement-activity]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Lesepatenschaft", "Umzugshilfe"], activities);
        Assert.Equal(["3,5", "1"], page.QuerySelectorAll("[data-testid=engagement-group-hours]").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain("Noch offen", page.Body!.TextContent);
        Assert.DoesNotContain("Abgelehnt", page.Body.TextContent);
        Assert.DoesNotContain("Fremde Stunden", page.Body.TextContent);
        Assert.Contains(HoursSetup.TownToday().ToString("dd.MM.yyyy"), page.TestId("engagement-issued"));

        var lastYear = await client.GetPageAsync($"/me/engagement?year={year - 1}");
        Assert.Equal("6", lastYear.TestId("engagement-total"));
        Assert.Contains((year - 1).ToString(), lastYear.QuerySelectorAll("[data-testid=engagement-year] option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Page_HasAPrintStylesheet_ThatHidesTheNavigation()
    {
        var (volunteer, _) = await VolunteerWithHoursAsync();
        var client = await app.SignedInAsync("erlangen", volunteer);
        var page = await client.GetPageAsync("/me/engagement");

        var href = page.QuerySelector("link[media=print]")!.GetAttribute("href")!;
        var css = await client.GetStringAsync(href);
        Assert.Contains(".site-header", css);
        Assert.Contains("display: none", css);
        Assert.Contains("no-print", page.QuerySelector("[data-testid=engagement-year-form]")!.ClassName);
    }

    [Fact]
    public async Task Pdf_IsAPdfWithTheTotal()
    {
        var (volunteer, year) = await VolunteerWithHoursAsync();
        var client = await app.SignedInAsync("erlangen", volunteer);

        var response = await client.GetAsync($"/me/engagement?handler=Pdf&year={year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"engagementnachweis-{year}.pdf", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
        Assert.Equal($"Engagementnachweis {year}", document.Info.Title);
        Assert.Contains("4,5 Stunden", document.Info.Subject);
        // Content streams are left uncompressed, and the text fits the WinAnsi encoding: the figures are readable in the file.
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.Contains("(4,5 Std.)", raw);
        Assert.Contains("(Lesepatenschaft)", raw);
        Assert.DoesNotContain("Fremde Stunden", raw);
    }

    [Fact]
    public async Task AYearInTheFuture_IsNotFound()
    {
        var (volunteer, year) = await VolunteerWithHoursAsync();
        var client = await app.SignedInAsync("erlangen", volunteer);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/me/engagement?year={year + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/me/engagement?handler=Pdf&year={year + 1}")).StatusCode);
    }

    [Fact]
    public async Task InPotsdam_TheErlangenVolunteersHoursAreNotShown()
    {
        var (volunteer, _) = await VolunteerWithHoursAsync();
        var userId = await app.UserIdAsync(volunteer);
        await app.InTownAsync("potsdam", async db =>
        {
            db.Memberships.Add(new TenantMembership { UserId = userId, Role = TownRole.Member, JoinedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInAsync("potsdam", volunteer);

        var page = await client.GetPageAsync("/me/engagement");

        Assert.Equal("Potsdam", page.TestId("engagement-town"));
        Assert.False(string.IsNullOrEmpty(page.TestId("engagement-empty")));
        Assert.DoesNotContain("Lesepatenschaft", page.Body!.TextContent);
    }
}
