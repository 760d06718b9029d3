using System.Net;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Mail;

[Trait("Category", "Database")]
public sealed class NotificationSettingsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Member_SubscribesToAWeeklyDigest_ForChosenCategoriesAndDistricts_AndSeesItAgain()
    {
        var member = await app.NewMemberAsync("erlangen", "ns");
        var client = await app.SignedInAsync("erlangen", member);
        var page = await client.GetPageAsync("/me/notifications");
        var category = page.QuerySelectorAll("[data-testid=digest-category]").First().GetAttribute("value")!;
        var district = page.QuerySelectorAll("[data-testid=digest-district]").Last().GetAttribute("value")!;

        var response = await client.SubmitAsync("/me/notifications", "[data-testid=notifications-form]", new Dictionary<string, string>
        {
            ["Input.Frequency"] = "Weekly", ["Input.Weekday"] = "Thursday", ["Input.CategoryIds"] = category, ["Input.DistrictIds"] = district,
            ["Input.IncludeOffers"] = "false", ["Input.MessageMails"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var userId = await app.UserIdAsync(member);
        var subscription = await app.InTownAsync("erlangen", db => db.DigestSubscriptions.AsNoTracking().SingleAsync(s => s.UserId == userId));
        Assert.Equal((DigestFrequency.Weekly, DayOfWeek.Thursday, false, true), (subscription.Frequency, subscription.Weekday, subscription.IncludeOffers, subscription.IncludeRequests));
        Assert.Equal([int.Parse(category)], subscription.CategoryIds);
        Assert.Equal([int.Parse(district)], subscription.DistrictIds);
        var again = await client.GetPageAsync("/me/notifications");
        Assert.NotNull(again.QuerySelector("[data-testid=digest-frequency-weekly][checked]"));
        Assert.Null(again.QuerySelector("[data-testid=notify-messages]")!.GetAttribute("checked"));
        Assert.NotNull(again.QuerySelector($"[data-testid=digest-district][value='{district}'][checked]"));
    }

    [Fact]
    public async Task NotificationsPage_SaysWhenDigestsGoOut_AtTheTownsHourInItsTimeZone()
    {
        await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "potsdam").ExecuteUpdateAsync(s => s.SetProperty(t => t.DigestHour, 18)));
        var member = await app.NewMemberAsync("potsdam", "nh");
        var client = await app.SignedInAsync("potsdam", member);

        var page = await client.GetPageAsync("/me/notifications");

        var when = page.TestId("digest-when");
        Assert.Contains("18:00 Uhr", when);
        Assert.Contains("Europe/Berlin", when);
    }

    [Fact]
    public async Task AnotherTownsDistrict_OrNeitherOffersNorRequests_IsRefusedAtTheField_AndNothingIsSaved()
    {
        var member = await app.NewMemberAsync("erlangen", "nx");
        var client = await app.SignedInAsync("erlangen", member);
        var potsdamDistrict = await app.InTownAsync("potsdam", db => db.Districts.Select(d => d.Id).FirstAsync());

        var foreign = await client.SubmitAsync("/me/notifications", "[data-testid=notifications-form]", new Dictionary<string, string>
        {
            ["Input.Frequency"] = "Daily", ["Input.DistrictIds"] = potsdamDistrict.ToString(),
        });
        var neither = await client.SubmitAsync("/me/notifications", "[data-testid=notifications-form]", new Dictionary<string, string>
        {
            ["Input.Frequency"] = "Daily", ["Input.IncludeOffers"] = "false", ["Input.IncludeRequests"] = "false",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.False(string.IsNullOrEmpty((await Html.ParseAsync(foreign)).FieldError("Input.DistrictIds")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, neither.StatusCode);
        Assert.Contains("Angebote, Gesuche", (await Html.ParseAsync(neither)).FieldError("Input.IncludeOffers"));
        var userId = await app.UserIdAsync(member);
        Assert.False(await app.InTownAsync("erlangen", db => db.DigestSubscriptions.AnyAsync(s => s.UserId == userId)));
    }

    [Fact]
    public async Task OrganisationDigest_IsForItsAdminsOnly()
    {
        var admin = await app.NewMemberAsync("erlangen", "oa");
        var outsider = await app.NewMemberAsync("erlangen", "oo");
        var adminId = await app.UserIdAsync(admin);
        var organisationId = await app.InTownAsync("erlangen", async db =>
        {
            var organisation = db.Organisations.Add(new Organisation
            {
                Name = $"Tafel {Guid.NewGuid():N}"[..20], Type = OrganisationType.Initiative, Status = OrganisationStatus.Approved,
                Members = [new OrganisationMember { UserId = adminId, Role = OrganisationRole.Admin }],
            }).Entity;
            await db.SaveChangesAsync();
            return organisation.Id;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("erlangen", outsider)).GetAsync($"/me/notifications?organisation={organisationId}")).StatusCode);
        var client = await app.SignedInAsync("erlangen", admin);
        var url = $"/me/notifications?organisation={organisationId}";
        Assert.NotNull((await client.GetPageAsync("/me/notifications")).QuerySelector("[data-testid=notifications-organisation-link]"));
        var saved = await client.SubmitAsync(url, "[data-testid=notifications-form]", new Dictionary<string, string> { ["Input.Frequency"] = "Daily" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var subscription = await app.InTownAsync("erlangen", db => db.DigestSubscriptions.AsNoTracking().SingleAsync(s => s.OrganisationId == organisationId));
        Assert.Null(subscription.UserId);
        Assert.Equal(DigestFrequency.Daily, subscription.Frequency);
        Assert.False(await app.InTownAsync("erlangen", db => db.DigestSubscriptions.AnyAsync(s => s.UserId == adminId)));
    }
}
