using AngleSharp.Dom;
using Marketplace.Tests.Integration.Hours;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Marketplace.Web.Localization;

namespace Marketplace.Tests.Integration.Look;

/// <summary>
/// The member's pages beyond the listings (organisations, hours, proof of engagement, volunteering, matches, settings)
/// read right with text of either direction: what users wrote is isolated, fields that take it follow the writer's
/// direction, and every table stacks into labelled rows on a phone.
/// </summary>
[Trait("Category", "Database")]
public sealed class MemberPagesIsolationTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Town = "koeln";
    private const string ArabicDistrict = "الحي الشمالي";
    private const string ArabicActivity = "مرافقة إلى دائرة الأجانب!";
    private const string ArabicTitle = "مساعدة في ملء الاستمارات (Jobcenter)";

    /// <summary>Some element within <paramref name="scope"/> holds exactly the text and isolates it (dir="auto", bdi, or FSI … PDI in an option).</summary>
    private static void AssertIsolated(IParentNode scope, string text)
    {
        var isolating = scope.QuerySelectorAll("[dir=auto], bdi").Where(e => e.TextContent.Trim() == text)
            .Concat(scope.QuerySelectorAll("option").Where(o => o.TextContent.Trim() == Bidi.Isolate(text)))
            .ToList();
        Assert.True(isolating.Count > 0, $"“{text}” is not isolated in: {string.Join("\n", scope.QuerySelectorAll("*").Where(e => e.TextContent.Contains(text) && e.Children.Length == 0).Select(e => e.OuterHtml))}");
    }

    /// <summary>Each table has KERN's class and each data cell the name of its column, which a phone shows above the value.</summary>
    private static void AssertTablesStack(IDocument page)
    {
        var tables = page.QuerySelectorAll("main table").ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, table =>
        {
            Assert.Contains("table", table.ClassList);
            Assert.All(table.QuerySelectorAll("td"), td => Assert.False(string.IsNullOrWhiteSpace(td.GetAttribute("data-label")), td.OuterHtml));
        });
    }

    /// <summary>Text fields and text areas follow the direction of what is typed into them.</summary>
    private static void AssertTextFieldsFollowTheWriter(IDocument page)
    {
        var fields = page.QuerySelectorAll("main textarea, main input:not([type]), main input[type=text]:not([inputmode=decimal]), main input[type=search], main input[type=email], main input[type=url]").ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, field => Assert.True(field.GetAttribute("dir") is "auto" or "ltr", field.OuterHtml));
    }

    /// <summary>A volunteer in an organisation with an Arabic name, active in a district with an Arabic name, with hours logged against it.</summary>
    private async Task<(string Volunteer, string Admin, int Organisation, string Name)> VolunteerInArabicOrganisationAsync()
    {
        var volunteer = await app.NewMemberAsync(Town, "iso-v");
        var admin = await app.NewMemberAsync(Town, "iso-a");
        var name = "جمعية الجيران " + Guid.NewGuid().ToString("N")[..6];
        var organisation = await app.CreateOrganisationAsync(Town, admin, name, OrganisationStatus.Approved);
        await app.AddMemberAsync(Town, organisation, volunteer, OrganisationRole.Member);
        await app.InTownAsync(Town, async db =>
        {
            var district = db.Districts.FirstOrDefault(d => d.Name == ArabicDistrict) ?? db.Districts.Add(new District { Name = ArabicDistrict, SortOrder = 50 }).Entity;
            await db.SaveChangesAsync();
            db.OrganisationDistricts.Add(new OrganisationDistrict { OrganisationId = organisation, DistrictId = district.Id });
            return await db.SaveChangesAsync();
        });
        await app.HoursAsync(Town, volunteer, 2m, HoursStatus.Approved, organisation, activity: ArabicActivity);
        return (volunteer, admin, organisation, name);
    }

    [Fact]
    public async Task OrganisationPages_IsolateItsNameDistrictsAndDescription_AndTheMemberList_StacksWithLabels()
    {
        var (volunteer, admin, organisation, name) = await VolunteerInArabicOrganisationAsync();
        var client = await app.SignedInAsync(Town, admin);

        var list = await client.GetPageAsync("/organisations");
        AssertIsolated(list.QuerySelector("[data-testid=org-list]")!, name);

        var profile = await client.GetPageAsync($"/organisations/{organisation}");
        Assert.Equal("auto", profile.QuerySelector("[data-testid=org-name]")!.GetAttribute("dir"));
        Assert.Equal("auto", profile.QuerySelector("[data-testid=org-description]")!.GetAttribute("dir"));
        AssertIsolated(profile.QuerySelector("[data-testid=org-districts]")!, ArabicDistrict);
        Assert.StartsWith(Bidi.Isolate(name) + " – ", profile.Title, StringComparison.Ordinal);

        var members = await client.GetPageAsync($"/organisations/{organisation}/members");
        AssertIsolated(members.QuerySelector("main h1")!, name);
        AssertIsolated(members.QuerySelector("[data-testid=member-table]")!, volunteer);
        AssertTablesStack(members);
        AssertTextFieldsFollowTheWriter(members);

        AssertTextFieldsFollowTheWriter(await client.GetPageAsync($"/organisations/{organisation}/edit"));
    }

    [Fact]
    public async Task HoursAndProofOfEngagement_IsolateActivityAndOrganisation_AndStackWithLabels()
    {
        var (volunteer, _, _, name) = await VolunteerInArabicOrganisationAsync();
        var client = await app.SignedInAsync(Town, volunteer);

        var hours = await client.GetPageAsync("/me/hours?culture=ar");
        var row = hours.QuerySelector("[data-testid=hours-row]")!;
        AssertIsolated(row, ArabicActivity);
        AssertIsolated(row, name);
        AssertIsolated(hours.QuerySelector("[data-testid=hours-organisation]")!, name);
        AssertTablesStack(hours);
        AssertTextFieldsFollowTheWriter(hours);

        var engagement = await client.GetPageAsync("/me/engagement?culture=ar");
        AssertIsolated(engagement.QuerySelector("[data-testid=engagement-group-name]")!, name);
        AssertIsolated(engagement.QuerySelector("[data-testid=engagement-line]")!, ArabicActivity);
        AssertTablesStack(engagement);
    }

    [Fact]
    public async Task VolunteerAndNotificationSettings_IsolateDistrictAndCategoryNames_AndTheWeekStacksWithLabels()
    {
        var (volunteer, _, _, _) = await VolunteerInArabicOrganisationAsync();
        var client = await app.SignedInAsync(Town, volunteer);

        var volunteering = await client.GetPageAsync("/me/volunteer");
        AssertIsolated(volunteering.QuerySelector("[data-testid=volunteer-form]")!, ArabicDistrict);
        AssertIsolated(volunteering.QuerySelector("[data-testid=volunteer-form]")!, "Sachspenden");
        AssertTablesStack(volunteering);
        AssertTextFieldsFollowTheWriter(volunteering);

        var notifications = await client.GetPageAsync("/me/notifications");
        AssertIsolated(notifications.QuerySelector("[data-testid=notifications-form]")!, ArabicDistrict);
        AssertIsolated(notifications.QuerySelector("[data-testid=notifications-form]")!, "Sachspenden");
    }

    [Fact]
    public async Task MyMatches_IsolateTheRequestsTitleAndTheOtherSidesName()
    {
        var volunteer = await app.NewMemberAsync(Town, "iso-m");
        var poster = await app.NewMemberAsync(Town, "iso-p");
        var match = await app.MatchAsync(Town, volunteer, MatchStatus.Proposed, poster);
        await app.InTownAsync(Town, async db =>
        {
            var row = await db.Matches.FindAsync(match);
            // The helper names the request in German; this one is written in Arabic.
            (await db.Listings.FindAsync(row!.ListingId))!.Title = ArabicTitle;
            return await db.SaveChangesAsync();
        });

        var page = await (await app.SignedInAsync(Town, volunteer)).GetPageAsync("/me/matches");

        var card = page.QuerySelector("[data-testid=my-match]")!;
        Assert.Equal("auto", card.QuerySelector("h2")!.GetAttribute("dir"));
        Assert.Equal(ArabicTitle, card.QuerySelector("h2")!.TextContent.Trim());
        AssertIsolated(card.QuerySelector("[data-testid=match-status]")!.ParentElement!, poster);
    }

    [Fact]
    public async Task FormsThatTakeUserText_FollowTheWritersDirection()
    {
        var member = await app.SignedInAsync(Town, "koeln-mitglied");
        foreach (var path in new[] { "/listings", "/listings/new", "/organisations/new", "/me/account/email" })
        {
            AssertTextFieldsFollowTheWriter(await member.GetPageAsync(path));
        }

        var visitor = app.TownClient(Town);
        foreach (var path in new[] { "/account/register", "/account/login", "/account/forgot-password" })
        {
            AssertTextFieldsFollowTheWriter(await visitor.GetPageAsync(path));
        }
    }
}
