using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Gaps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Gaps;

/// <summary>
/// Gap alerts end to end: raised once from the weekly aggregates, the coordinators' daily digest and the organisations'
/// "we can help here" invitations through the outbox and a real SMTP server, and the office's list of a week's alerts.
/// Each test works in a district of its own, so the demo history and the other tests' rows do not reach its cells.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class GapAlertsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "erlangen";
    private const string OtherTown = "potsdam";

    private Task<int> NewDistrictAsync() => app.InTownAsync(Town, async db =>
    {
        var district = db.Districts.Add(new District { Name = $"Testviertel {Guid.NewGuid():N}"[..24], SortOrder = 900 }).Entity;
        await db.SaveChangesAsync();
        return district.Id;
    });

    /// <summary>The top category of the bicycles, where the test listings go.</summary>
    private Task<int> BicyclesTopCategoryAsync() =>
        app.InTownAsync(Town, db => db.Categories.Where(c => c.Key == "fahrraeder").Select(c => c.ParentId ?? c.Id).SingleAsync());

    private async Task<DateOnly> LastCompleteWeekAsync()
    {
        await using var scope = await app.TownScopeAsync(Town);
        return scope.ServiceProvider.GetRequiredService<GapAlerts>().LastCompleteWeek();
    }

    /// <summary>Open requests of one cell at the end of the last weeks, oldest first, ending with the last complete week.</summary>
    private async Task<DateOnly> OpenRequestsAsync(int categoryId, int districtId, params int[] open)
    {
        var week = await LastCompleteWeekAsync();
        await app.InTownAsync(Town, async db =>
        {
            for (var i = 0; i < open.Length; i++)
            {
                db.WeeklySupplies.Add(new WeeklySupply
                {
                    WeekStart = week.AddDays(-7 * (open.Length - 1 - i)), CategoryId = categoryId, SubCategoryId = categoryId, DistrictId = districtId,
                    Side = ListingType.Request, OpenAtWeekEnd = open[i], StaleAtWeekEnd = open[i],
                });
            }

            return await db.SaveChangesAsync();
        });
        return week;
    }

    private async Task<T> InTownAsync<T>(Func<GapAlerts, Task<T>> work)
    {
        await using var scope = await app.TownScopeAsync(Town);
        return await work(scope.ServiceProvider.GetRequiredService<GapAlerts>());
    }

    private Task<List<GapAlert>> AlertsInAsync(int districtId) =>
        app.InTownAsync(Town, db => db.GapAlerts.AsNoTracking().Where(a => a.DistrictId == districtId).ToListAsync());

    private async Task<string> MemberWithRoleAsync(string slug, string prefix, TownRole role, string culture)
    {
        var userName = await app.NewMemberAsync(slug, prefix, culture: culture);
        var userId = await app.UserIdAsync(userName);
        await app.InTownAsync(slug, async db =>
        {
            (await db.Memberships.SingleAsync(m => m.UserId == userId)).Role = role;
            return await db.SaveChangesAsync();
        });
        return userName;
    }

    private Task<int> OutboxCountAsync(string template, string userName) => app.InTownAsync(null, db =>
        db.OutboxMails.IgnoreQueryFilters().CountAsync(m => m.Template == template && m.Recipient == MessagesTestData.EmailOf(userName)));

    [Fact]
    public async Task RisingRequests_AreRaisedOnce_EvenByTwoRunsAtOnce()
    {
        var category = await BicyclesTopCategoryAsync();
        var district = await NewDistrictAsync();
        var week = await OpenRequestsAsync(category, district, 4, 5, 6);

        var first = await Task.WhenAll(InTownAsync(alerts => alerts.RaiseAsync(week)), InTownAsync(alerts => alerts.RaiseAsync(week)));
        var again = await InTownAsync(alerts => alerts.RaiseAsync(week));

        var alert = Assert.Single(await AlertsInAsync(district));
        Assert.Equal((GapAlertKind.RisingRequests, category, week, 6), (alert.Kind, alert.CategoryId, alert.WeekStart, alert.Value));
        Assert.True(first.Sum() >= 1);
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task TheDailyJob_RaisesAndTellsTheOffice()
    {
        var category = await BicyclesTopCategoryAsync();
        var district = await NewDistrictAsync();
        await OpenRequestsAsync(category, district, 5, 6, 8);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<Marketplace.Web.Jobs.GapAlertsJob>(scope.ServiceProvider).RunForTownAsync(await app.TownIdAsync(Town));
        }

        var alert = Assert.Single(await AlertsInAsync(district));
        Assert.Equal(8, alert.Value);
        Assert.NotNull(alert.CoordinatorsNotifiedAt);
        Assert.NotNull(alert.OrganisationsInvitedAt);
    }

    [Fact]
    public async Task RequestsThatFellInBetween_RaiseNothing()
    {
        var category = await BicyclesTopCategoryAsync();
        var district = await NewDistrictAsync();
        var week = await OpenRequestsAsync(category, district, 6, 5, 7);

        await InTownAsync(alerts => alerts.RaiseAsync(week));

        Assert.Empty(await AlertsInAsync(district));
    }

    [Fact]
    public async Task TheDigest_ReachesEachCoordinatorOnce_InTheirLanguage_AndNobodyElse()
    {
        var category = await BicyclesTopCategoryAsync();
        var district = await NewDistrictAsync();
        var week = await OpenRequestsAsync(category, district, 4, 5, 6);
        var arabic = await MemberWithRoleAsync(Town, "gapar", TownRole.Coordinator, "ar");
        var admin = await MemberWithRoleAsync(Town, "gapadm", TownRole.TownAdmin, "en");
        var member = await MemberWithRoleAsync(Town, "gapmem", TownRole.Member, "ar");
        var elsewhere = await MemberWithRoleAsync(OtherTown, "gapoth", TownRole.Coordinator, "ar");
        await InTownAsync(alerts => alerts.RaiseAsync(week));

        Assert.True(await InTownAsync(alerts => alerts.SendDigestAsync()) >= 2);
        Assert.Equal(0, await InTownAsync(alerts => alerts.SendDigestAsync()));
        await app.MailSettledAsync();

        Assert.Equal(1, await OutboxCountAsync(GapAlerts.DigestKind, arabic));
        Assert.Equal(1, await OutboxCountAsync(GapAlerts.DigestKind, admin));
        Assert.Equal(0, await OutboxCountAsync(GapAlerts.DigestKind, member));
        Assert.Equal(0, await OutboxCountAsync(GapAlerts.DigestKind, elsewhere));
        Assert.NotNull(Assert.Single(await AlertsInAsync(district)).CoordinatorsNotifiedAt);

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(arabic));
        Assert.Contains("تنبيهات", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/coordination/gaps?week={week:yyyy-MM-dd}", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"/coordination/requests?category={category}&amp;district={district}", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("طلبات مفتوحة", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("open requests", (await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(admin))).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_ReachTheCoveringOrganisationOnly_Once_WithALinkToTheWaitingRequests()
    {
        var category = await BicyclesTopCategoryAsync();
        var district = await NewDistrictAsync();
        var otherDistrict = await NewDistrictAsync();
        var poster = await app.NewMemberAsync(Town, "gappost");
        var title = $"Fahrrad gesucht {Guid.NewGuid():N}"[..28];
        await app.CreateListingAsync(Town, poster, ListingType.Request, title, configure: l => l.DistrictId = district);

        var covering = await OrganisationAsync("gapcov", OrganisationStatus.Approved, [category], [district]);
        var everywhere = await OrganisationAsync("gapall", OrganisationStatus.Approved, [], []);
        var elsewhere = await OrganisationAsync("gapels", OrganisationStatus.Approved, [category], [otherDistrict]);
        var pending = await OrganisationAsync("gappen", OrganisationStatus.Pending, [category], [district]);
        var offersOnly = await OrganisationAsync("gapoff", OrganisationStatus.Approved, [category], [district], s => s.IncludeRequests = false);
        var switchedOff = await OrganisationAsync("gapstp", OrganisationStatus.Approved, [category], [district], s => s.Frequency = DigestFrequency.Off);
        var week = await OpenRequestsAsync(category, district, 4, 5, 6);
        await InTownAsync(alerts => alerts.RaiseAsync(week));

        Assert.True(await InTownAsync(alerts => alerts.SendInvitationsAsync()) >= 2);
        Assert.Equal(0, await InTownAsync(alerts => alerts.SendInvitationsAsync()));
        await app.MailSettledAsync();

        Assert.Equal(1, await OutboxCountAsync(GapAlerts.InvitationKind, covering));
        Assert.Equal(1, await OutboxCountAsync(GapAlerts.InvitationKind, everywhere));
        foreach (var admin in new[] { elsewhere, pending, offersOnly, switchedOff, poster })
        {
            Assert.Equal(0, await OutboxCountAsync(GapAlerts.InvitationKind, admin));
        }

        Assert.NotNull(Assert.Single(await AlertsInAsync(district)).OrganisationsInvitedAt);
        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(covering));
        Assert.NotNull(mail.Headers["List-Unsubscribe"]);
        var link = ListingsLink().Match(mail.TextBody ?? "");
        Assert.True(link.Success, mail.TextBody);
        var page = await app.TownClient(Town).GetAsync(link.Value);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(title, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_SkipTheOrganisation_WhoseOwnRequestsAreAllThatWait()
    {
        var category = await BicyclesTopCategoryAsync();
        var district = await NewDistrictAsync();
        var own = await OrganisationAsync("gapown", OrganisationStatus.Approved, [category], [district]);
        var organisationId = await app.InTownAsync(Town, db => db.Organisations.Where(o => o.Members.Any(m => m.User!.UserName == own)).Select(o => o.Id).SingleAsync());
        await app.CreateListingAsync(Town, own, ListingType.Request, "Fahrrad für unsere Gruppe gesucht", configure: l =>
        {
            l.DistrictId = district;
            l.OrganisationId = organisationId;
        });
        var week = await OpenRequestsAsync(category, district, 4, 5, 6);
        await InTownAsync(alerts => alerts.RaiseAsync(week));

        await InTownAsync(alerts => alerts.SendInvitationsAsync());

        Assert.Equal(0, await OutboxCountAsync(GapAlerts.InvitationKind, own));
        Assert.NotNull(Assert.Single(await AlertsInAsync(district)).OrganisationsInvitedAt);
    }

    [Fact]
    public async Task TheOfficeSees_TheWeeksAlerts_WithTheirLinks()
    {
        var category = await BicyclesTopCategoryAsync();
        var district = await NewDistrictAsync();
        var week = await OpenRequestsAsync(category, district, 4, 5, 6);
        await InTownAsync(alerts => alerts.RaiseAsync(week));
        var coordinator = await MemberWithRoleAsync(Town, "gapoff", TownRole.Coordinator, "de");

        var page = await (await app.SignedInAsync(Town, coordinator)).GetPageAsync($"/coordination/gaps/alerts?week={week.AddDays(3):yyyy-MM-dd}");

        var alert = Assert.Single(page.QuerySelectorAll("[data-testid=gap-alert]"),
            a => a.QuerySelector("[data-testid=gap-alert-queue]")?.GetAttribute("href")?.EndsWith($"?category={category}&district={district}", StringComparison.Ordinal) == true);
        Assert.Contains($"/coordination/gaps?week={week:yyyy-MM-dd}", alert.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("6", alert.TextContent, StringComparison.Ordinal);

        var member = await app.NewMemberAsync(Town, "gapnot");
        var refused = await (await app.SignedInAsync(Town, member)).GetAsync("/coordination/gaps/alerts");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    /// <summary>An organisation with a fresh admin (returned) and a digest subscription with these categories and districts.</summary>
    private async Task<string> OrganisationAsync(string prefix, OrganisationStatus status, List<int> categories, List<int> districts,
        Action<DigestSubscription>? configure = null)
    {
        var admin = await app.NewMemberAsync(Town, prefix);
        var organisationId = await app.CreateOrganisationAsync(Town, admin, OrganisationSetup.UniqueName(prefix), status);
        await app.InTownAsync(Town, async db =>
        {
            var subscription = new DigestSubscription
            {
                OrganisationId = organisationId, Frequency = DigestFrequency.Weekly, CategoryIds = categories, DistrictIds = districts,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            configure?.Invoke(subscription);
            db.DigestSubscriptions.Add(subscription);
            return await db.SaveChangesAsync();
        });
        return admin;
    }

    [GeneratedRegex(@"/listings\?type=Request&category=\d+&district=\d+")]
    private static partial Regex ListingsLink();
}
