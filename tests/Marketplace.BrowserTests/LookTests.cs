using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.BrowserTests;

/// <summary>
/// The KERN look on a 360 px phone, in German and in Arabic (right to left): no page a visitor, a member or the office
/// opens scrolls sideways, the listings page shows its search box and first result above the fold with the other filters
/// folded. Screenshots (German, Arabic and Ukrainian) for a reviewer go to TestResults/screenshots beside the test assembly.
/// </summary>
[Trait("Category", "Browser")]
public sealed class LookTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Town = "erlangen";
    private const string Coordinator = "erlangen-koordination";
    private const int Phone = SizedPages.Phone;

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private Task<IPage> PageAsync(int width, string culture, string? signedInAs = null) =>
        app.SizedPageAsync(app.TownUrl(Town, ""), width, culture, signedInAs);

    private async Task<string> ListingPathAsync() =>
        "/listings/" + await app.InTownAsync(Town, db => db.Listings
            .Where(l => l.Status == ListingStatus.Published && !l.IsHidden).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());

    /// <summary>A demo course with a run that meets in the evening (the full integration run) and a demo certificate's verification page.</summary>
    private Task<(string Course, int Run, string Certificate)> CoursePathsAsync() => app.InTownAsync(Town, async db =>
    {
        var run = await db.CourseRuns.Where(r => r.Course!.LanguageCourseType == LanguageCourseType.Integration && r.Status == CourseRunStatus.Planned)
            .OrderByDescending(r => r.StartsOn).Select(r => new { r.Id, r.CourseId }).FirstAsync();
        var code = await db.Enrolments.Where(e => e.CertificateCode != null).OrderBy(e => e.Id).Select(e => e.CertificateCode).FirstAsync();
        return ($"/courses/{run.CourseId}", run.Id, $"/verify/{code}");
    });

    private async Task<string> RequestPathAsync(IPage office)
    {
        await office.GotoAsync(app.TownUrl(Town, "/coordination/requests"));
        return (await office.GetByTestId("queue-open").First.GetAttributeAsync("href"))!;
    }

    /// <summary>
    /// A fresh member of the town with something on each of their pages: a member of the first organisation with hours
    /// logged against it (one approved, so the proof of engagement has a table), and a conversation with another member
    /// about a listing with an Arabic title, started in the browser. Returns the organisation's and the conversation's path.
    /// </summary>
    private async Task<(IPage Member, string Organisation, string Conversation)> MemberWithContentAsync(string culture)
    {
        var member = await app.NewMemberAsync(Town, "look");
        var poster = await app.NewMemberAsync(Town, "look-poster");
        var memberId = await app.UserIdAsync(member);
        var organisation = await app.InTownAsync(Town, async db =>
        {
            var id = await db.Organisations.Where(o => o.Status == OrganisationStatus.Approved).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = id, UserId = memberId, Role = OrganisationRole.Member, JoinedAt = DateTimeOffset.UtcNow });
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var (status, activity) in new[] { (HoursStatus.Approved, "Hausaufgabenhilfe im Sprachcafé"), (HoursStatus.Pending, "مرافقة إلى دائرة الأجانب") })
            {
                db.VolunteerHours.Add(new VolunteerHours
                {
                    UserId = memberId, OrganisationId = id, Minutes = 150, Status = status, Activity = activity, WorkedOn = today,
                    CreatedAt = DateTimeOffset.UtcNow, DecidedAt = status == HoursStatus.Approved ? DateTimeOffset.UtcNow : null,
                });
            }

            await db.SaveChangesAsync();
            return id;
        });
        var listing = await app.CreateListingAsync(Town, poster, ListingType.Request, "مساعدة في ملء الاستمارات (Jobcenter)");

        var page = await PageAsync(Phone, culture, member);
        await page.GotoAsync(app.TownUrl(Town, $"/messages/start/{listing}"));
        await page.GetByTestId("message-body").FillAsync("Guten Tag, ich kann am Samstag helfen. مرحبا، يمكنني المساعدة يوم السبت.");
        await page.GetByTestId("start-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/messages/\d+$"));
        return (page, $"/organisations/{organisation}", new Uri(page.Url).AbsolutePath);
    }

    [Theory]
    [InlineData("de", "ltr", KernStylesheet.LeftToRight)]
    [InlineData("ar", "rtl", KernStylesheet.RightToLeft)]
    public async Task At_360px_no_page_scrolls_sideways(string culture, string direction, string kernSheet)
    {
        var listing = await ListingPathAsync();
        var (course, run, certificate) = await CoursePathsAsync();
        var visitor = await PageAsync(Phone, culture);
        var (member, organisation, conversation) = await MemberWithContentAsync(culture);
        var office = await PageAsync(Phone, culture, Coordinator);
        var request = await RequestPathAsync(office);
        var pages = new (IPage Page, string Path)[]
        {
            (visitor, "/"), (visitor, "/listings"), (visitor, listing), (visitor, "/account/register"), (visitor, "/account/login"),
            (visitor, "/organisations"), (visitor, organisation), (visitor, "/p/help"), (visitor, "/p/leichte-sprache"),
            (member, "/me"), (member, "/messages"), (member, conversation), (member, "/me/volunteer"), (member, "/me/hours"),
            (member, "/me/engagement"), (member, "/me/matches"), (member, "/me/notifications"), (member, "/me/account"),
            (visitor, "/courses"), (visitor, course), (visitor, $"{course}/runs/{run}"), (visitor, certificate),
            (member, "/me/courses"), (member, "/me/courses/interest"),
            (office, "/listings/new"), (office, "/me"),
            (office, "/coordination"), (office, "/coordination/requests"), (office, request), (office, "/coordination/hours"),
        };

        var overflowing = new List<string>();
        foreach (var (page, path) in pages)
        {
            var response = await page.GotoAsync(app.TownUrl(Town, path));
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
            await Expect(page.GetByTestId("kern-stylesheet")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(kernSheet) + @"\?v="));
            if (await SizedPages.OverflowAsync(page, path) is { } overflow)
            {
                overflowing.Add(overflow);
            }
        }

        Assert.True(overflowing.Count == 0, string.Join("\n", overflowing));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task At_360px_the_listings_page_shows_search_and_first_result_above_the_fold_with_filters_folded(string culture)
    {
        var page = await PageAsync(Phone, culture);

        await page.GotoAsync(app.TownUrl(Town, "/listings"));

        await Expect(page.GetByTestId("filter-district")).Not.ToBeVisibleAsync();
        await Expect(page.GetByTestId("filter-more-toggle")).ToBeVisibleAsync();
        var search = (await page.GetByTestId("listing-search").BoundingBoxAsync())!;
        var first = (await page.GetByTestId("listing-title").First.BoundingBoxAsync())!;
        Assert.True(search.Y + search.Height <= 640, $"search box ends at {search.Y + search.Height}px");
        Assert.True(first.Y + first.Height <= 640, $"first result's title ends at {first.Y + first.Height}px");

        // Opening the disclosure (no script involved) shows the filters; choosing one keeps them open on the next page.
        await page.GetByTestId("filter-more-toggle").ClickAsync();
        await Expect(page.GetByTestId("filter-district")).ToBeVisibleAsync();
        await page.GotoAsync(app.TownUrl(Town, "/listings?type=Offer"));
        await Expect(page.GetByTestId("filter-district")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task At_360px_the_queue_shows_each_request_as_a_stacked_block_with_labelled_cells()
    {
        var office = await PageAsync(Phone, "de", Coordinator);

        await office.GotoAsync(app.TownUrl(Town, "/coordination/requests"));

        var waiting = office.GetByTestId("queue-waiting").First;
        Assert.Equal("block", await waiting.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("\"Wartet seit\"", await waiting.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
    }

    [Fact]
    public async Task Screenshots_of_home_listings_queue_and_gaps_at_1280_and_360px()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        foreach (var width in new[] { 1280, Phone })
        {
            foreach (var culture in new[] { "de", "ar", "uk" })
            {
                var visitor = await PageAsync(width, culture);
                var office = await PageAsync(width, culture, Coordinator);
                foreach (var (page, path, name) in new[] { (visitor, "/", "home"), (visitor, "/listings", "listings"), (office, "/coordination/requests", "queue"), (office, "/coordination/gaps", "gaps") })
                {
                    await page.GotoAsync(app.TownUrl(Town, path));
                    var file = Path.Combine(ScreenshotFolder, $"{name}-{culture}-{width}.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                    Assert.True(new FileInfo(file).Length > 0);
                }

                await visitor.Context.CloseAsync();
                await office.Context.CloseAsync();
            }
        }
    }
}
