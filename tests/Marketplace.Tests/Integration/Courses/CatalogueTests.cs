using System.Net;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>The public catalogue /courses: what each filter keeps and drops, the cards, the htmx fragment.</summary>
[Trait("Category", "Database")]
public sealed class CatalogueTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";

    private static string Q(string topic, string more = "") => $"/courses?topic={Uri.EscapeDataString(topic)}{more}";

    [Fact]
    public async Task Catalogue_IsPublic_AndListsACourseWithItsCard()
    {
        var topic = CatalogueSetup.UniqueTopic();
        var (course, _) = await app.CourseAsync(Town, "Deutsch im Alltag A2", c =>
        {
            c.Topic = topic;
            c.FeeCents = 0;
            c.ChildcareOffered = true;
        });
        await app.SeatAsync(Town, (await app.InTownAsync(Town, db => Task.FromResult(db.CourseRuns.Single(r => r.CourseId == course).Id))), 9);

        var page = await app.TownClient(Town).GetPageAsync(Q(topic));

        var card = Assert.Single(page.QuerySelectorAll("[data-testid=course-card]"));
        Assert.Equal("Deutsch im Alltag A2", card.QuerySelector("[data-testid=course-title]")!.TextContent.Trim());
        Assert.Contains("Koordinierungsstelle", card.QuerySelector("[data-testid=course-provider]")!.TextContent);
        Assert.Equal("Sprachkurs", card.QuerySelector("[data-testid=course-kind]")!.TextContent.Trim());
        Assert.Equal("Integrationskurs", card.QuerySelector("[data-testid=course-type]")!.TextContent.Trim());
        Assert.Equal("A2", card.QuerySelector("[data-testid=course-level]")!.TextContent.Trim());
        Assert.Equal("3 frei", card.QuerySelector("[data-testid=course-seats]")!.TextContent.Trim());
        Assert.Equal("Kostenlos", card.QuerySelector("[data-testid=course-fee]")!.TextContent.Trim());
        Assert.NotNull(card.QuerySelector("[data-testid=course-childcare]"));
        Assert.NotEmpty(card.QuerySelector("[data-testid=course-place]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/atom+xml'][href='/courses/feed']"));
    }

    [Fact]
    public async Task FullRun_ShowsWaitingList_AndHasFreeSeatsFilter_DropsIt()
    {
        var topic = CatalogueSetup.UniqueTopic();
        var (full, fullRun) = await app.CourseAsync(Town, "Voller Kurs", c => c.Topic = topic, r => r.MaxParticipants = 2);
        var (open, _) = await app.CourseAsync(Town, "Offener Kurs", c => c.Topic = topic);
        await app.SeatAsync(Town, fullRun, 2);
        var client = app.TownClient(Town);

        var all = await client.GetPageAsync(Q(topic));
        var seats = await client.CourseIdsAsync(Q(topic, "&seats=true"));

        var fullCard = all.QuerySelector($"[data-course-id='{full}']")!;
        Assert.Equal("ausgebucht – Warteliste", fullCard.QuerySelector("[data-testid=course-seats]")!.TextContent.Trim());
        Assert.Equal([open], seats);
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "kind", "&kind=VolunteerQualification" },
        { "type", "&type=Literacy" },
        { "level", "&level=B1" },
        { "online", "&place=online" },
        { "daypart", "&daypart=Evening" },
        { "language", "&language=ar" },
        { "childcare", "&childcare=true" },
        { "free", "&fee=Free" },
        { "paid", "&fee=Paid" },
    };

    /// <summary>Two courses that differ only in what the filter looks at: the filter keeps one and drops the other.</summary>
    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EachFilter_KeepsTheFittingCourse_AndDropsTheOther(string filter, string query)
    {
        var topic = CatalogueSetup.UniqueTopic(filter);
        Action<Course> fits = filter switch
        {
            "kind" => c => { c.Kind = CourseKind.VolunteerQualification; c.LanguageCourseType = null; }
            ,
            "type" => c => c.LanguageCourseType = LanguageCourseType.Literacy,
            "level" => c => c.TargetLevel = CefrLevel.B1,
            "language" => c => c.InstructionLanguages = ["de", "ar"],
            "childcare" => c => c.ChildcareOffered = true,
            "paid" => c => c.FeeCents = 4_900,
            _ => _ => { }
            ,
        };
        Action<Course> other = filter == "free" ? c => c.FeeCents = 2_000 : _ => { };
        Action<CourseRun> fitsRun = filter switch
        {
            "online" => r => { r.IsOnline = true; r.DistrictId = null; }
            ,
            "daypart" => r =>
            {
                r.Meetings.Add(new CourseMeeting { Date = r.StartsOn, StartsAt = new TimeOnly(18, 30), EndsAt = new TimeOnly(20, 0), TeachingUnits = 2 });
                r.DayParts = DayParts.Evening;
            }
            ,
            _ => _ => { }
            ,
        };
        var (kept, _) = await app.CourseAsync(Town, "Passt", c => { c.Topic = topic; fits(c); }, fitsRun);
        var (dropped, _) = await app.CourseAsync(Town, "Passt nicht", c => { c.Topic = topic; other(c); });
        var client = app.TownClient(Town);

        Assert.Equal([kept, dropped], (await client.CourseIdsAsync(Q(topic))).Order());
        Assert.Equal([kept], await client.CourseIdsAsync(Q(topic, query)));
    }

    [Fact]
    public async Task DistrictFilter_KeepsRunsOfThatDistrict()
    {
        var topic = CatalogueSetup.UniqueTopic();
        var districts = await app.InTownAsync(Town, db => Task.FromResult(db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).Take(2).ToList()));
        var (first, _) = await app.CourseAsync(Town, "Erster Stadtteil", c => c.Topic = topic, r => r.DistrictId = districts[0]);
        await app.CourseAsync(Town, "Zweiter Stadtteil", c => c.Topic = topic, r => r.DistrictId = districts[1]);

        Assert.Equal([first], await app.TownClient(Town).CourseIdsAsync(Q(topic, $"&place={districts[0]}")));
    }

    [Fact]
    public async Task WithdrawnCourses_EndedRuns_AndCancelledRuns_AreNotListed()
    {
        var topic = CatalogueSetup.UniqueTopic();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (listed, _) = await app.CourseAsync(Town, "Läuft", c => c.Topic = topic);
        await app.CourseAsync(Town, "Zurückgezogen", c => { c.Topic = topic; c.IsWithdrawn = true; });
        await app.CourseAsync(Town, "Vorbei", c => c.Topic = topic, r => { r.StartsOn = today.AddDays(-60); r.EndsOn = today.AddDays(-2); });
        await app.CourseAsync(Town, "Fällt aus", c => c.Topic = topic, r => r.Status = CourseRunStatus.Cancelled);

        Assert.Equal([listed], await app.TownClient(Town).CourseIdsAsync(Q(topic)));
    }

    [Fact]
    public async Task Htmx_GetsOnlyTheResultsFragment_PlainGetTheWholePage_BothVaryOnHxRequest()
    {
        var topic = CatalogueSetup.UniqueTopic();
        await app.CourseAsync(Town, "Fragment", c => c.Topic = topic);
        var client = app.TownClient(Town);

        var page = await client.GetAsync(Q(topic));
        var fragment = await client.HtmxAsync(HttpMethod.Get, Q(topic));

        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var html = (await fragment.Content.ReadAsStringAsync()).Trim();
        Assert.StartsWith("<section id=\"course-results\"", html);
        Assert.DoesNotContain("<html", html);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync());
        Assert.Single(page.Headers.Vary, v => v == "HX-Request");
        Assert.Single(fragment.Headers.Vary, v => v == "HX-Request");
        var form = (await Html.ParseAsync(page)).QuerySelector("[data-testid=course-filters]")!;
        Assert.Equal(form.GetAttribute("action"), form.GetAttribute("hx-get"));
        Assert.Equal("true", form.GetAttribute("hx-push-url"));
    }

    [Fact]
    public async Task NonsenseFilterValues_AreIgnored_NotAnError()
    {
        var response = await app.TownClient(Town).GetAsync("/courses?kind=Nope&level=Z9&place=%00&daypart=99&language=xx&fee=7&p=-4&seats=maybe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
