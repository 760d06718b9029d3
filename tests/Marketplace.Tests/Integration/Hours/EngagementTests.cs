using System.Net;
using System.Text;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using UglyToad.PdfPig;

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
        using (var document = PdfDocument.Open(bytes))
        {
            Assert.True(document.NumberOfPages >= 1);
            Assert.Equal($"Engagementnachweis {year}", document.Information.Title);
            Assert.Contains("4,5 Stunden", document.Information.Subject);
        }

        var text = PdfText.Extract(bytes);
        Assert.StartsWith($"Engagementnachweis\nErlangen\nHiermit wird bestätigt, dass {volunteer} im Zeitraum", text);
        Assert.Contains("Lesepatenschaft3,5 Std.", text);
        Assert.Contains("Insgesamt4,5 Std.", text);
        Assert.DoesNotContain("Fremde Stunden", text);
    }

    /// <summary>
    /// A one-page proof is downloaded on a phone, often on prepaid data: it carries only the letters of the scripts the
    /// app writes, not whole font files (it was 800 KB with DejaVu embedded whole; about 230 KB with all four faces subset).
    /// </summary>
    [Theory]
    [InlineData("de", 250)]
    [InlineData("ar", 250)]
    public async Task Pdf_IsSmallEnoughForAPhone(string culture, int maxKilobytes)
    {
        var (volunteer, year) = await VolunteerOfAsync("Nachbarschaftshilfe مساعدة", "Lesepatenschaft قراءة");

        var bytes = await PdfAsync(volunteer, year, culture);

        Assert.True(bytes.Length <= maxKilobytes * 1024, $"The {culture} PDF is {bytes.Length / 1024} KB.");
    }

    /// <summary>A volunteer of an Arabic- or Persian-named initiative, with 4.5 approved hours of an activity in that language.</summary>
    private async Task<(string Volunteer, int Year)> VolunteerOfAsync(string organisation, string activity)
    {
        var volunteer = await app.VolunteerAsync("erlangen");
        var admin = await app.NewMemberAsync("erlangen", "ha");
        var organisationId = await app.CreateOrganisationAsync("erlangen", admin, OrganisationSetup.UniqueName(organisation), OrganisationStatus.Approved);
        await app.HoursAsync("erlangen", volunteer, 4.5m, HoursStatus.Approved, organisationId, activity: activity);
        return (volunteer, HoursSetup.TownToday().Year);
    }

    private async Task<byte[]> PdfAsync(string volunteer, int year, string culture)
    {
        var client = await app.SignedInAsync("erlangen", volunteer);
        var response = await client.GetAsync($"/me/engagement?handler=Pdf&year={year}&culture={culture}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static bool IsPresentationForm(char c) => c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    [Fact]
    public async Task Pdf_InArabic_IsShapedFromTheRight_AndItsTextReadsInOrder()
    {
        var (volunteer, year) = await VolunteerOfAsync("مبادرة الجيران", "مساعدة في الواجبات المدرسية");

        var bytes = await PdfAsync(volunteer, year, "ar");

        var text = PdfText.Extract(bytes);
        Assert.Contains("إثبات العمل التطوعي (Engagementnachweis)", text);
        Assert.Contains($"نؤكد بهذا أن {volunteer} قام بعمل تطوعي", text);
        Assert.Contains("مبادرة الجيران", text);
        Assert.Contains("مساعدة في الواجبات المدرسية", text);
        Assert.Contains("المجموع4.5 ساعة", text);
        Assert.DoesNotContain(text, IsPresentationForm);
        // The glyphs drawn are the joined forms (initial, medial, final), not the isolated letters of unshaped text.
        Assert.Contains(PdfText.Glyphs(bytes), IsPresentationForm);

        using var document = PdfDocument.Open(bytes);
        var page = document.GetPage(1);
        var title = page.Letters.Where(l => Math.Abs(l.StartBaseLine.Y - page.Letters[0].StartBaseLine.Y) < 1).ToList();
        // The title ends at the right margin, and its first word (drawn first) stands right of its last.
        Assert.InRange(title.Max(l => l.EndBaseLine.X), page.Width - 56 - 1, page.Width - 56 + 1);
        Assert.True(title[0].StartBaseLine.X > title[^1].StartBaseLine.X);
    }

    [Fact]
    public async Task Pdf_InPersian_IsShapedFromTheRight_AndItsTextReadsInOrder()
    {
        var (volunteer, year) = await VolunteerOfAsync("انجمن همسایگان", "کمک به تکالیف مدرسه");

        var bytes = await PdfAsync(volunteer, year, "fa");

        var text = PdfText.Extract(bytes);
        Assert.Contains("گواهی کار داوطلبانه (Engagementnachweis)", text);
        Assert.Contains($"تأیید می‌شود که {volunteer} در بازهٔ", text);
        Assert.Contains("انجمن همسایگان", text);
        Assert.Contains("کمک به تکالیف مدرسه", text);
        Assert.DoesNotContain(text, IsPresentationForm);
        Assert.Contains(PdfText.Glyphs(bytes), IsPresentationForm);
    }

    [Theory]
    [InlineData("en", "Proof of engagement", "This is to confirm that", "Lesepatenschaft4.5 h", "Total4.5 h")]
    [InlineData("uk", "Підтвердження волонтерства (Engagementnachweis)", "Цим підтверджується, що особа", "Lesepatenschaft4,5 год.", "Усього4,5 год.")]
    public async Task Pdf_InEnglishAndUkrainian_ReadsInTheirLanguage(string culture, string title, string statement, string activity, string total)
    {
        var (volunteer, year) = await VolunteerOfAsync("Lesepaten", "Lesepatenschaft");

        var text = PdfText.Extract(await PdfAsync(volunteer, year, culture));

        // A title too long for one line wraps instead of running off the page.
        Assert.StartsWith(title + " Erlangen ", text.Replace('\n', ' '));
        Assert.Contains(statement, text);
        Assert.Contains(activity, text);
        Assert.Contains(total, text);
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
