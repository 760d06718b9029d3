using System.Net;
using AngleSharp.Html.Parser;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Marketplace.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Participation;

/// <summary>
/// A member the office blocked may still read, pause and close, but nothing they do makes something visible or sends mail:
/// one test per action that would.
/// </summary>
[Trait("Category", "Database")]
public sealed class BlockedMemberTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Slug = "erlangen";

    private async Task<(string Poster, int ListingId, HttpClient Client)> BlockedPosterAsync(Action<Listing> configure)
    {
        var poster = await app.NewMemberAsync(Slug, "gesperrt");
        var id = await app.CreateListingAsync(Slug, poster, title: "Gesperrt und eingestellt", configure: configure);
        await app.BlockAsync(Slug, poster);
        return (poster, id, await app.SignedInAsync(Slug, poster));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("gesperrt", (await Html.ParseAsync(response)).TestId("participation-blocked"));
    }

    [Fact]
    public async Task BlockedPoster_CannotPublishTheirDraft()
    {
        var (_, id, client) = await BlockedPosterAsync(l =>
        {
            l.Status = ListingStatus.Draft;
            l.PublishedAt = null;
            l.ExpiresAt = null;
        });

        var page = await client.GetPageAsync($"/listings/{id}");
        Assert.Null(page.QuerySelector("[data-testid=listing-publish]"));
        Assert.Contains("gesperrt", page.TestId("participation-blocked"));
        var response = await client.PostByHandAsync($"/listings/{id}?handler=Publish", page);

        await AssertRefusedAsync(response);
        Assert.Equal(ListingStatus.Draft, (await app.ListingAsync(Slug, id)).Status);
    }

    [Fact]
    public async Task BlockedPoster_CannotResumeTheirPausedListing_ButMayStillPauseAnother()
    {
        var (poster, id, client) = await BlockedPosterAsync(l => l.Status = ListingStatus.Paused);
        var running = await app.CreateListingAsync(Slug, poster, title: "Läuft noch");

        var page = await client.GetPageAsync($"/listings/{id}");
        Assert.Null(page.QuerySelector("[data-testid=listing-resume]"));
        var response = await client.PostByHandAsync($"/listings/{id}?handler=Resume", page);

        await AssertRefusedAsync(response);
        Assert.Equal(ListingStatus.Paused, (await app.ListingAsync(Slug, id)).Status);
        var pause = await client.SubmitAsync($"/listings/{running}", "form[action*='handler=Pause']");
        Assert.Equal(HttpStatusCode.Redirect, pause.StatusCode);
        Assert.Equal(ListingStatus.Paused, (await app.ListingAsync(Slug, running)).Status);
    }

    [Fact]
    public async Task BlockedPoster_CannotRenewTheirExpiredListing()
    {
        var ended = DateTimeOffset.UtcNow.AddDays(-2);
        var (_, id, client) = await BlockedPosterAsync(l => l.ExpiresAt = ended);

        var page = await client.GetPageAsync($"/listings/{id}");
        Assert.Null(page.QuerySelector("[data-testid=listing-renew]"));
        var response = await client.PostByHandAsync($"/listings/{id}?handler=Renew", page);

        await AssertRefusedAsync(response);
        var listing = await app.ListingAsync(Slug, id);
        Assert.True(listing.ExpiresAt < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task BlockedPoster_CannotRenewThroughTheStillCurrentMail()
    {
        var poster = await app.NewMemberAsync(Slug, "gesperrt");
        var id = await app.CreateListingAsync(Slug, poster, title: "Noch aktuell?", configure: l => l.ExpiresAt = DateTimeOffset.UtcNow.AddDays(2));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpireListingsJob>().RunForTownAsync(await app.TownIdAsync(Slug));
        }

        await app.MailSettledAsync();

        var mail = await app.Smtp.WaitForAsync(MessagesTestData.EmailOf(poster));
        var renew = new HtmlParser().ParseDocument(mail.HtmlBody!).QuerySelectorAll("[data-part=action]")
            .Select(a => new Uri(a.GetAttribute("href")!).AbsolutePath)
            .First(p => p.StartsWith("/listings/still-current/", StringComparison.Ordinal));
        var before = (await app.ListingAsync(Slug, id)).ExpiresAt;
        await app.BlockAsync(Slug, poster);

        var response = await app.TownClient(Slug).SubmitAsync(renew, "[data-testid=still-current-form]");

        await AssertRefusedAsync(response);
        Assert.Equal(before, (await app.ListingAsync(Slug, id)).ExpiresAt);
    }

    [Fact]
    public async Task BlockedAdmin_CannotEditTheirOrganisation()
    {
        var admin = await app.NewMemberAsync(Slug, "gesperrt");
        var name = OrganisationSetup.UniqueName("Gesperrte Hilfe");
        var id = await app.CreateOrganisationAsync(Slug, admin, name, OrganisationStatus.Approved);
        var client = await app.SignedInAsync(Slug, admin);
        var form = await client.GetPageAsync($"/organisations/{id}/edit");
        await app.BlockAsync(Slug, admin);

        await AssertRefusedAsync(await client.GetAsync($"/organisations/{id}/edit"));
        var response = await client.PostByHandAsync($"/organisations/{id}/edit", form, new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(OrganisationType.Initiative),
            ["Input.Name"] = "Jetzt mit Gewinnspiel",
        });

        await AssertRefusedAsync(response);
        Assert.Equal(name, (await app.FindOrganisationAsync(Slug, id))!.Name);
    }

    [Fact]
    public async Task BlockedAdmin_CannotInvite_AndNoMailIsQueued()
    {
        var admin = await app.NewMemberAsync(Slug, "gesperrt");
        var id = await app.CreateOrganisationAsync(Slug, admin, OrganisationSetup.UniqueName("Gesperrte Einladung"), OrganisationStatus.Approved);
        var client = await app.SignedInAsync(Slug, admin);
        var members = await client.GetPageAsync($"/organisations/{id}/members");
        await app.BlockAsync(Slug, admin);
        const string invitee = "gesperrt-eingeladen@test.example";

        var page = await client.GetPageAsync($"/organisations/{id}/members");
        Assert.Null(page.QuerySelector("[data-testid=invite-form]"));
        var response = await client.PostByHandAsync($"/organisations/{id}/members?handler=Invite", members, new Dictionary<string, string>
        {
            ["Invite.Email"] = invitee,
            ["Invite.Role"] = nameof(OrganisationRole.Member),
        });

        await AssertRefusedAsync(response);
        Assert.Equal(0, await app.InTownAsync(Slug, db => db.OrganisationInvitations.CountAsync(i => i.OrganisationId == id)));
        Assert.False(await app.InTownAsync(null, db => db.OutboxMails.IgnoreQueryFilters().AnyAsync(m => m.Recipient == invitee)));
        await app.MailSettledAsync();
        Assert.Empty(app.Smtp.MessagesTo(invitee));
    }

    [Fact]
    public async Task BlockedMember_CannotCreateAVolunteerProfile()
    {
        var member = await app.NewMemberAsync(Slug, "gesperrt");
        await app.BlockAsync(Slug, member);
        var client = await app.SignedInAsync(Slug, member);
        var ids = await app.InTownAsync(Slug, async db => new
        {
            Skill = await db.Categories.Where(c => c.Key == "hausaufgabenhilfe").Select(c => c.Id).SingleAsync(),
            District = await db.Districts.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync(),
        });

        var page = await client.GetPageAsync("/me/volunteer");
        Assert.Null(page.QuerySelector("[data-testid=volunteer-form]"));
        Assert.Contains("gesperrt", page.TestId("participation-blocked"));
        var response = await client.PostByHandAsync("/me/volunteer", page, new Dictionary<string, string>
        {
            ["Input.IsAvailable"] = "true", ["Input.SkillCategoryIds"] = ids.Skill.ToString(), ["Input.DistrictIds"] = ids.District.ToString(),
            ["Input.Languages[de]"] = "Native", ["Input.HoursPerMonth"] = "4",
        });

        await AssertRefusedAsync(response);
        var userId = await app.UserIdAsync(member);
        Assert.False(await app.InTownAsync(Slug, db => db.VolunteerProfiles.AnyAsync(v => v.UserId == userId)));
    }
}
