using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Gaps;

/// <summary>
/// The office's gap charts (/coordination/gaps/charts and its view component): each chart's table holds the aggregates'
/// numbers and its SVG a bar or point per week, an empty chart says so, the day-part matrix and the language courses
/// count what they should, and nothing of another town shows. Every test uses weeks long before the demo's history.
/// </summary>
[Trait("Category", "Database")]
public sealed class GapChartsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";
    private const string Office = "erlangen-koordination";
    private const string Page = "/coordination/gaps/charts";

    private static DateOnly Monday(int weeksAfter2010) => new DateOnly(2010, 1, 4).AddDays(7 * weeksAfter2010);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private Task<List<int>> TopCategoriesAsync(string town = Town) =>
        app.InTownAsync(town, db => db.Categories.Where(c => c.ParentId == null).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync());

    private Task<int> DistrictAsync(string town = Town) =>
        app.InTownAsync(town, db => db.Districts.OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => d.Id).FirstAsync());

    private Task AddAsync(string town, params object[] rows) => app.InTownAsync(town, async db =>
    {
        db.AddRange(rows);
        return await db.SaveChangesAsync();
    });

    private static IElement Chart(IDocument page, string id) => page.QuerySelector($"[data-testid=chart-{id}]")!;

    private static IElement Row(IElement chart, DateOnly week) => chart.QuerySelector($"[data-testid=chart-row][data-week='{Iso(week)}']")!;

    private static string[] Cells(IElement row) => row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();

    [Fact]
    public async Task TrendCharts_TablesHoldTheInsertedNumbers_TopSixAndOther_ABarAndAPointPerWeek()
    {
        var week = Monday(30);
        var earlier = week.AddDays(-21);
        var categories = (await TopCategoriesAsync()).Take(7).ToList();
        var district = await DistrictAsync();
        var rows = categories.Select((category, i) => new WeeklySupply
        {
            WeekStart = week, CategoryId = category, DistrictId = district, Side = ListingType.Request, Published = 7 - i, OpenAtWeekEnd = 2,
            Matched = i == 0 ? 3 : 0, ExpiredUnmatched = i == 1 ? 4 : 0,
        }).ToList<object>();
        rows.Add(new WeeklySupply { WeekStart = earlier, CategoryId = categories[0], DistrictId = district, Side = ListingType.Request, Published = 5, OpenAtWeekEnd = 9, Matched = 1 });
        // Offers are no requests: they count in none of these charts.
        rows.Add(new WeeklySupply { WeekStart = week, CategoryId = categories[0], DistrictId = district, Side = ListingType.Offer, Published = 50, OpenAtWeekEnd = 50, Matched = 50 });
        await AddAsync(Town, [.. rows]);
        var office = await app.SignedInAsync(Town, Office);

        // Any day of the week picks its Monday.
        var page = await office.GetPageAsync($"{Page}?week={Iso(week.AddDays(3))}");

        var bars = Chart(page, "new-requests");
        Assert.Equal(26, bars.QuerySelectorAll("svg[role=img] [data-testid=chart-bar]").Length);
        Assert.NotNull(bars.QuerySelector("svg[role=img] title"));
        Assert.Equal(9, bars.QuerySelectorAll("table thead th[scope=col]").Length);
        Assert.Equal(["7", "6", "5", "4", "3", "2", "1", "28"], Cells(Row(bars, week)));
        Assert.Equal(["5", "0", "0", "0", "0", "0", "0", "5"], Cells(Row(bars, earlier)));
        Assert.Equal("28", bars.QuerySelector($"[data-testid=chart-bar][data-week='{Iso(week)}']")!.GetAttribute("data-total"));
        Assert.Equal(7, bars.QuerySelectorAll($"[data-testid=chart-bar][data-week='{Iso(week)}'] rect").Length);
        Assert.Equal(Iso(week.AddDays(-7 * 25)), bars.QuerySelector("[data-testid=chart-row]")!.GetAttribute("data-week"));

        var open = Chart(page, "open-requests");
        Assert.Equal(26, open.QuerySelectorAll("svg[role=img] [data-testid=chart-point]").Length);
        Assert.Equal(["14"], Cells(Row(open, week)));
        Assert.Equal(["9"], Cells(Row(open, earlier)));

        var outcomes = Chart(page, "matched-expired");
        Assert.Equal(52, outcomes.QuerySelectorAll("svg[role=img] [data-testid=chart-point]").Length);
        Assert.Equal(["3", "4"], Cells(Row(outcomes, week)));
        Assert.Equal(["1", "0"], Cells(Row(outcomes, earlier)));
        Assert.NotNull(outcomes.QuerySelector("details table caption"));

        // One category: only its numbers.
        var one = await office.GetPageAsync($"{Page}?week={Iso(week)}&category={categories[1]}");
        Assert.Equal(["6", "6"], Cells(Row(Chart(one, "new-requests"), week)));
        Assert.Equal(["0", "4"], Cells(Row(Chart(one, "matched-expired"), week)));
    }

    [Fact]
    public async Task WeeksWithoutData_SayNoFigures_InsteadOfAnEmptyFrame()
    {
        var office = await app.SignedInAsync(Town, Office);

        var page = await office.GetPageAsync($"{Page}?week={Iso(Monday(200))}");

        foreach (var id in new[] { "new-requests", "open-requests", "matched-expired" })
        {
            Assert.NotNull(Chart(page, id).QuerySelector("[data-testid=chart-empty]"));
            Assert.Null(Chart(page, id).QuerySelector("svg"));
            Assert.Null(Chart(page, id).QuerySelector("table"));
        }
    }

    [Fact]
    public async Task DayPartMatrix_CountsTheWeeksPublishedRequests_AgainstVolunteers_WithTheBalanceMarked()
    {
        var week = Monday(80);
        var category = (await TopCategoriesAsync())[0];
        var district = await DistrictAsync();
        SupplyFact Fact(SupplyEvent e, ListingType side, DayParts parts, DateOnly day) => new()
        {
            Event = e, Side = side, CategoryId = category, DistrictId = district, DayParts = parts, At = Noon(day), ListingKey = 900_000 + day.DayNumber,
        };
        await AddAsync(Town,
            Fact(SupplyEvent.Published, ListingType.Request, DayParts.Morning | DayParts.Evening, week.AddDays(1)),
            Fact(SupplyEvent.Published, ListingType.Request, DayParts.Morning, week.AddDays(2)),
            Fact(SupplyEvent.Published, ListingType.Request, DayParts.None, week.AddDays(3)),
            Fact(SupplyEvent.Published, ListingType.Request, DayParts.Weekend, week.AddDays(6)),
            // Not counted: an offer, another event, the week after.
            Fact(SupplyEvent.Published, ListingType.Offer, DayParts.Morning, week.AddDays(1)),
            Fact(SupplyEvent.Contacted, ListingType.Request, DayParts.Morning, week.AddDays(1)),
            Fact(SupplyEvent.Published, ListingType.Request, DayParts.Morning, week.AddDays(7)),
            new WeeklyVolunteers { WeekStart = week, CategoryId = category, DistrictId = district, Available = 4, Mornings = 1, Afternoons = 2, Evenings = 3, Weekends = 0 });
        var office = await app.SignedInAsync(Town, Office);

        var matrix = (await office.GetPageAsync($"{Page}?week={Iso(week)}")).QuerySelector("[data-testid=day-part-matrix]")!;

        string At(string part, string column) => matrix.QuerySelector($"[data-testid=day-part-row][data-part={part}] [data-testid=day-part-{column}]")!.TextContent.Trim();
        Assert.Equal("2", At("Morning", "requests"));
        Assert.Equal("1", At("Morning", "volunteers"));
        Assert.Contains("−1", At("Morning", "balance"));
        Assert.NotNull(matrix.QuerySelector("[data-part=Morning].balance-short"));
        Assert.Equal("0", At("Afternoon", "requests"));
        Assert.Contains("+2", At("Afternoon", "balance"));
        Assert.Null(matrix.QuerySelector("[data-part=Afternoon].balance-short"));
        Assert.Equal("1", At("Evening", "requests"));
        Assert.Equal("1", At("Weekend", "requests"));
        Assert.NotNull(matrix.QuerySelector("[data-part=Weekend].balance-short"));
        Assert.Equal("1", At("None", "requests"));
        Assert.Equal("–", At("None", "volunteers"));
    }

    [Fact]
    public async Task LanguageCourses_OpenInterestAgainstFreeSeatsOfComingRuns_ByTypeAndDistrict()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (district, name) = await app.InTownAsync(Town, async db =>
        {
            // A district of this test's own, so the demo's interest and runs do not count in it.
            var own = new District { Name = $"Kursviertel {Guid.NewGuid():N}"[..20], SortOrder = 999 };
            db.Districts.Add(own);
            var person = new CourseParticipant { Name = "Amal", Culture = "ar", CreatedAt = DateTimeOffset.UtcNow };
            db.CourseParticipants.Add(person);
            await db.SaveChangesAsync();
            LanguageCourseInterest Interest(LanguageCourseType type, InterestStatus status) => new()
            {
                ParticipantId = person.Id, CourseType = type, DistrictId = own.Id, Status = status, Since = today, StatusChangedAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.LanguageCourseInterests.AddRange(
                Interest(LanguageCourseType.Intensive, InterestStatus.Open), Interest(LanguageCourseType.Intensive, InterestStatus.Open),
                Interest(LanguageCourseType.Intensive, InterestStatus.Open), Interest(LanguageCourseType.Intensive, InterestStatus.Withdrawn),
                Interest(LanguageCourseType.Youth, InterestStatus.Open), Interest(LanguageCourseType.Youth, InterestStatus.Open));
            var course = new Course { Kind = CourseKind.LanguageCourse, LanguageCourseType = LanguageCourseType.Intensive, Title = "Intensivkurs B1", CreatedAt = DateTimeOffset.UtcNow };
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            CourseRun Run(int startsIn, int seats, CourseRunStatus status = CourseRunStatus.Planned) => new()
            {
                CourseId = course.Id, StartsOn = today.AddDays(startsIn), EndsOn = today.AddDays(startsIn + 60), DistrictId = own.Id, MinParticipants = 1,
                MaxParticipants = seats, Status = status, CreatedAt = DateTimeOffset.UtcNow,
            };
            // Counted: the first; not: one too far ahead, one cancelled.
            db.CourseRuns.AddRange(Run(14, 5), Run(200, 30), Run(20, 30, CourseRunStatus.Cancelled));
            await db.SaveChangesAsync();
            return (own.Id, own.Name);
        });
        var office = await app.SignedInAsync(Town, Office);

        var table = (await office.GetPageAsync(Page)).QuerySelector("[data-testid=course-balance]")!;

        var intensive = table.QuerySelector($"[data-testid=course-balance-row][data-type=Intensive][data-district='{district}']")!;
        Assert.Contains(name, intensive.TextContent);
        Assert.Equal("3", intensive.QuerySelector("[data-testid=course-demand]")!.TextContent);
        Assert.Equal("5", intensive.QuerySelector("[data-testid=course-seats]")!.TextContent);
        Assert.Equal("1", intensive.QuerySelector("[data-testid=course-runs]")!.TextContent);
        Assert.Null(intensive.QuerySelector("[data-testid=course-short]"));
        Assert.NotNull(intensive.QuerySelector("svg rect"));
        var youth = table.QuerySelector($"[data-testid=course-balance-row][data-type=Youth][data-district='{district}']")!;
        Assert.Equal("2", youth.QuerySelector("[data-testid=course-demand]")!.TextContent);
        Assert.Equal("0", youth.QuerySelector("[data-testid=course-seats]")!.TextContent);
        Assert.NotNull(youth.QuerySelector("[data-testid=course-short]"));
    }

    [Fact]
    public async Task ChartsPage_IsTheOfficesOnly_AndShowsNothingOfAnotherTown()
    {
        var week = Monday(120);
        await AddAsync(Town, new WeeklySupply
        {
            WeekStart = week, CategoryId = (await TopCategoriesAsync())[0], DistrictId = await DistrictAsync(), Side = ListingType.Request, Published = 11, OpenAtWeekEnd = 11,
        });
        var url = $"{Page}?week={Iso(week)}";

        var member = await app.SignedInAsync(Town, "erlangen-mitglied");
        var asMember = await member.GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, asMember.StatusCode);
        Assert.DoesNotContain("data-testid=\"gap-charts\"", await asMember.Content.ReadAsStringAsync());
        var anonymous = await app.TownClient(Town).GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);

        var potsdam = await (await app.SignedInAsync("potsdam", "potsdam-koordination")).GetPageAsync(url);
        Assert.NotNull(potsdam.QuerySelector("[data-testid=gap-charts]"));
        Assert.NotNull(Chart(potsdam, "new-requests").QuerySelector("[data-testid=chart-empty]"));
        Assert.NotNull(Chart(potsdam, "open-requests").QuerySelector("[data-testid=chart-empty]"));

        var erlangen = await (await app.SignedInAsync(Town, Office)).GetPageAsync(url);
        Assert.Equal("11", Row(Chart(erlangen, "open-requests"), week).QuerySelector("td")!.TextContent);
    }

    [Fact]
    public async Task Htmx_GetsTheChartsFragmentAlone_AndTheFilterFormWorksWithoutIt()
    {
        var office = await app.SignedInAsync(Town, Office);
        var week = Monday(160);

        var response = await office.HtmxAsync(HttpMethod.Get, $"{Page}?week={Iso(week)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        var fragment = await Html.ParseAsync(response);
        Assert.Null(fragment.QuerySelector("h1"));
        Assert.Equal(Iso(week), fragment.QuerySelector("#gap-charts")!.GetAttribute("data-week"));

        var page = await office.GetPageAsync(Page);
        var form = page.QuerySelector("[data-testid=gap-charts-filters]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(form.GetAttribute("action"), form.GetAttribute("hx-get"));
        Assert.NotNull(page.QuerySelector("#gap-charts"));
    }
}
