using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Tests.Integration.Hours;
using Marketplace.Tests.Integration.Organisations;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Participation;

/// <summary>Nobody decides on their own submission: the buttons are not offered, and a post made anyway is a 403 that changes nothing.</summary>
[Trait("Category", "Database")]
public sealed class SelfDecisionTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Slug = "erlangen";
    private const string Review = "/coordination/organisations";
    private const string HoursQueue = "/coordination/hours";

    /// <summary>The coordinator registers an organisation through the form, as any member can; returns its id.</summary>
    private static async Task<int> RegisterAsync(HttpClient coordinator, string name)
    {
        var response = await coordinator.SubmitAsync("/organisations/new", "form[method=post][data-testid=org-form]", new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(OrganisationType.Initiative),
            ["Input.Name"] = name,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static AngleSharp.Dom.IElement PendingRow(IHtmlDocument page, int id) =>
        page.QuerySelectorAll("[data-testid=pending-org]").Single(r => r.GetAttribute("data-org-id") == id.ToString());

    private async Task AssertOwnOrganisationRefusedAsync(HttpClient coordinator, int id)
    {
        var page = await coordinator.GetPageAsync(Review);
        var row = PendingRow(page, id);
        Assert.Null(row.QuerySelector("[data-testid=org-approve]"));
        Assert.Null(row.QuerySelector("[data-testid=org-reject]"));
        Assert.Contains("eigene", row.QuerySelector("[data-testid=self-decision]")!.TextContent);

        foreach (var handler in new[] { "Approve", "Reject" })
        {
            var response = await coordinator.PostByHandAsync($"{Review}?handler={handler}&id={id}", page,
                new Dictionary<string, string> { ["confirmed"] = "true", ["Reason"] = "Passt schon." });

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("eigene", (await Html.ParseAsync(response)).TestId("review-errors"));
        }

        var stored = (await app.FindOrganisationAsync(Slug, id))!;
        Assert.Equal(OrganisationStatus.Pending, stored.Status);
        Assert.Null(stored.ReviewedByUserId);
    }

    [Fact]
    public async Task ACoordinator_CannotReviewAnOrganisationTheyRegistered_AnotherCoordinatorCan()
    {
        var coordinator = await app.SignedInAsync(Slug, await app.NewCoordinatorAsync(Slug, "selbst"));
        var id = await RegisterAsync(coordinator, OrganisationSetup.UniqueName("Eigene Initiative"));

        await AssertOwnOrganisationRefusedAsync(coordinator, id);

        var colleague = await app.SignedInAsync(Slug, "erlangen-koordination");
        Assert.NotNull(PendingRow(await colleague.GetPageAsync(Review), id).QuerySelector("[data-testid=org-approve]"));
    }

    [Fact]
    public async Task ACoordinator_WhoLeftTheOrganisationTheyRegistered_StillCannotReviewIt()
    {
        var name = await app.NewCoordinatorAsync(Slug, "selbst");
        var coordinator = await app.SignedInAsync(Slug, name);
        var id = await RegisterAsync(coordinator, OrganisationSetup.UniqueName("Verlassene Initiative"));
        var userId = await app.UserIdAsync(name);
        await app.InTownAsync(Slug, db => db.OrganisationMembers.Where(m => m.OrganisationId == id && m.UserId == userId).ExecuteDeleteAsync());

        await AssertOwnOrganisationRefusedAsync(coordinator, id);
    }

    [Fact]
    public async Task ACoordinator_CannotReviewAnOrganisationTheyAreAMemberOf()
    {
        var founder = await app.NewMemberAsync(Slug, "gruender");
        var id = await app.CreateOrganisationAsync(Slug, founder, OrganisationSetup.UniqueName("Mitglieder-Initiative"));
        var name = await app.NewCoordinatorAsync(Slug, "selbst");
        await app.AddMemberAsync(Slug, id, name, OrganisationRole.Member);

        await AssertOwnOrganisationRefusedAsync(await app.SignedInAsync(Slug, name), id);
    }

    [Fact]
    public async Task ACoordinator_CannotDecideHoursTheyLogged_NeitherOneByOneNorTicked()
    {
        var name = await app.NewCoordinatorAsync(Slug, "selbst");
        var volunteer = await app.VolunteerAsync(Slug);
        var organisation = await app.OrganisationAsync(Slug, name, volunteer);
        var own = await app.HoursAsync(Slug, name, 3m, organisationId: organisation);
        var others = await app.HoursAsync(Slug, volunteer, 2m, organisationId: organisation);
        var coordinator = await app.SignedInAsync(Slug, name);

        var page = await coordinator.GetPageAsync($"{HoursQueue}?organisation={organisation}");
        var row = page.QuerySelector($"[data-testid=hours-row][data-id='{own}']")!;
        Assert.Null(row.QuerySelector("[data-testid=hours-approve]"));
        Assert.Null(row.QuerySelector("[data-testid=hours-select]"));
        Assert.Contains("eigene", row.QuerySelector("[data-testid=self-decision]")!.TextContent);
        Assert.NotNull(page.QuerySelector($"[data-testid=hours-row][data-id='{others}'] [data-testid=hours-approve]"));

        var one = await coordinator.PostByHandAsync($"{HoursQueue}?handler=Decide&id={own}", page, new Dictionary<string, string> { ["approve"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Contains("eigene", (await Html.ParseAsync(one)).TestId("hours-refused"));

        var ticked = await coordinator.PostByHandAsync($"{HoursQueue}?handler=BulkApprove", page,
            new Dictionary<string, string> { ["ids"] = own.ToString() });
        var both = await coordinator.PostAsync($"{HoursQueue}?handler=BulkApprove", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", page.AntiforgeryToken()), new("ids", own.ToString()), new("ids", others.ToString()),
        ]));
        Assert.Equal(HttpStatusCode.Forbidden, ticked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, both.StatusCode);

        Assert.Equal(HoursStatus.Pending, (await app.EntryAsync(Slug, own)).Status);
        Assert.Equal(HoursStatus.Pending, (await app.EntryAsync(Slug, others)).Status);
        var colleague = await app.SignedInAsync(Slug, "erlangen-koordination");
        var decided = await colleague.SubmitAsync($"{HoursQueue}?organisation={organisation}", $"[data-testid=hours-row][data-id='{own}'] form",
            submitterName: "approve", submitterValue: "true");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(HoursStatus.Approved, (await app.EntryAsync(Slug, own)).Status);
    }
}
