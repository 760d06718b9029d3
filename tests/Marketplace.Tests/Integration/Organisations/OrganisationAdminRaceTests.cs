using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Organisations;

[Trait("Category", "Database")]
public sealed class OrganisationAdminRaceTests(AdminChangeGateFactory app) : IClassFixture<AdminChangeGateFactory>
{
    private static IHtmlFormElement FormOf(IDocument page, string user, string button) =>
        (IHtmlFormElement)page.QuerySelector($"[data-testid=member-row][data-member='{user}'] [data-testid={button}]")!.Closest("form")!;

    private async Task<(int Id, HttpClient First, HttpClient Second)> TwoAdminsAsync(string key)
    {
        await app.CreateMemberAsync("erlangen", $"{key}-a");
        await app.CreateMemberAsync("erlangen", $"{key}-b");
        var id = await app.CreateOrganisationAsync("erlangen", $"{key}-a", OrganisationSetup.UniqueName($"Initiative {key}"), OrganisationStatus.Approved);
        await app.AddMemberAsync("erlangen", id, $"{key}-b", OrganisationRole.Admin);
        return (id, await app.SignedInAsync("erlangen", $"{key}-a"), await app.SignedInAsync("erlangen", $"{key}-b"));
    }

    private Task<List<OrganisationRole>> RolesAsync(int id) =>
        app.InTownAsync("erlangen", db => db.OrganisationMembers.Where(m => m.OrganisationId == id).Select(m => m.Role).ToListAsync());

    [Fact]
    public async Task TwoAdmins_RemovingEachOtherAtOnce_LeaveOneAdmin()
    {
        var (id, first, second) = await TwoAdminsAsync("wettlauf");
        var url = $"/organisations/{id}/members";
        var firstPage = await first.GetPageAsync(url);
        var secondPage = await second.GetPageAsync(url);

        app.ArmGate();
        var responses = await Task.WhenAll(
            first.SubmitAsync(FormOf(firstPage, "wettlauf-b", "member-remove"), url),
            second.SubmitAsync(FormOf(secondPage, "wettlauf-a", "member-remove"), url));

        Assert.Equal([OrganisationRole.Admin], await RolesAsync(id));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.UnprocessableEntity);
        Assert.Contains("mindestens eine", (await Html.ParseAsync(refused)).TestId("member-errors"));
    }
}
