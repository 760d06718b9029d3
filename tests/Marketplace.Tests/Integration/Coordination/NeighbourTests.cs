using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Coordination;

/// <summary>The town admin says which districts lie next to each other; the relation stays symmetric.</summary>
[Trait("Category", "Database")]
public sealed class NeighbourTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private const string Page = "/town/districts";

    private Task<List<District>> DistrictsAsync(string slug) =>
        app.InTownAsync(slug, db => db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync());

    /// <summary>Each test starts from a town without neighbours.</summary>
    private async Task<List<District>> WithoutNeighboursAsync(string slug)
    {
        await app.InTownAsync(slug, async db =>
        {
            foreach (var district in await db.Districts.ToListAsync())
            {
                district.NeighbourIds = [];
            }

            return await db.SaveChangesAsync();
        });
        return await DistrictsAsync(slug);
    }

    private static IElement Row(IDocument page, string name) =>
        page.QuerySelectorAll("[data-testid=district-row]").Single(r => r.QuerySelector("input[name=Name]")!.GetAttribute("value") == name);

    private static async Task<HttpResponseMessage> SetNeighboursAsync(HttpClient admin, string districtName, params int[] neighbourIds)
    {
        var page = await admin.GetPageAsync(Page);
        var form = (IHtmlFormElement)Row(page, districtName).QuerySelector("[data-testid=district-neighbours-form]")!;
        var boxes = form.QuerySelectorAll<IHtmlInputElement>("input[name=neighbourIds]").ToList();
        foreach (var box in boxes)
        {
            box.IsChecked = neighbourIds.Contains(int.Parse(box.Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        // An id the form does not offer (another town's) is added as a tampered browser would send it.
        var extra = neighbourIds.Where(id => boxes.All(b => b.Value != id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var values = extra.Count == 0 ? null : new Dictionary<string, string>
        {
            ["neighbourIds"] = string.Join('|', neighbourIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
        return await admin.SubmitAsync(form, Page, values);
    }

    private static Dictionary<int, List<int>> Neighbours(IEnumerable<District> districts) => districts.ToDictionary(d => d.Id, d => d.NeighbourIds.Order().ToList());

    [Fact]
    public async Task TownAdmin_SetsNeighbours_TheyAreSymmetric_AndRemovingWorksBothWays()
    {
        var districts = await WithoutNeighboursAsync("erlangen");
        var (a, b, c) = (districts[0], districts[1], districts[2]);
        var admin = await app.SignedInAsync("erlangen", "erlangen-admin");

        var response = await SetNeighboursAsync(admin, a.Name, b.Id, c.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var now = Neighbours(await DistrictsAsync("erlangen"));
        Assert.Equal([b.Id, c.Id], now[a.Id].Order().ToList());
        Assert.Equal([a.Id], now[b.Id]);
        Assert.Equal([a.Id], now[c.Id]);
        var page = await admin.GetPageAsync(Page);
        var shown = Row(page, a.Name).TestIdIn("district-neighbours");
        Assert.Contains(b.Name, shown);
        Assert.Contains(c.Name, shown);
        Assert.Contains(a.Name, Row(page, b.Name).TestIdIn("district-neighbours"));
        var audit = await app.InTownAsync("erlangen", db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.ChangedNeighbours && e.SubjectId == a.Id.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal("district", audit[^1].SubjectType);
        Assert.Equal($"{a.Name}: {b.Name}, {c.Name}", audit[^1].Detail);
        Assert.Equal(await app.UserIdAsync("erlangen-admin"), audit[^1].ActorUserId);

        // Removing C from A's list removes A from C's.
        Assert.Equal(HttpStatusCode.Redirect, (await SetNeighboursAsync(admin, a.Name, b.Id)).StatusCode);
        now = Neighbours(await DistrictsAsync("erlangen"));
        Assert.Equal([b.Id], now[a.Id]);
        Assert.Equal([a.Id], now[b.Id]);
        Assert.Empty(now[c.Id]);

        // And from the other side: B unticks everything, so A loses B too.
        Assert.Equal(HttpStatusCode.Redirect, (await SetNeighboursAsync(admin, b.Name)).StatusCode);
        now = Neighbours(await DistrictsAsync("erlangen"));
        Assert.All(now.Values, Assert.Empty);
        Assert.Contains("keine", Row(await admin.GetPageAsync(Page), b.Name).TestIdIn("district-neighbours"));
    }

    [Fact]
    public async Task TheDistrictItself_IsIgnored()
    {
        var districts = await WithoutNeighboursAsync("erlangen");
        var (a, b) = (districts[0], districts[1]);
        var admin = await app.SignedInAsync("erlangen", "erlangen-admin");
        var token = await admin.TokenAsync(Page);

        var response = await admin.PostAsync($"{Page}?handler=Neighbours&id={a.Id}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("neighbourIds", a.Id.ToString()), new("neighbourIds", b.Id.ToString()),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var now = Neighbours(await DistrictsAsync("erlangen"));
        Assert.Equal([b.Id], now[a.Id]);
        Assert.Equal([a.Id], now[b.Id]);
    }

    [Fact]
    public async Task AnotherTownsDistrict_IsRefusedAtTheField_422_AndNothingChanges()
    {
        var districts = await WithoutNeighboursAsync("erlangen");
        var (a, b) = (districts[0], districts[1]);
        var potsdamDistrict = (await DistrictsAsync("potsdam"))[0];
        var admin = await app.SignedInAsync("erlangen", "erlangen-admin");

        var response = await SetNeighboursAsync(admin, a.Name, b.Id, potsdamDistrict.Id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError($"Neighbours{a.Id}"));
        Assert.All(Neighbours(await DistrictsAsync("erlangen")).Values, Assert.Empty);
        Assert.Empty((await DistrictsAsync("potsdam"))[0].NeighbourIds);
    }

    [Fact]
    public async Task PotsdamAdmin_CannotSetErlangensNeighbours_404()
    {
        var districts = await WithoutNeighboursAsync("erlangen");
        var (a, b) = (districts[0], districts[1]);
        var admin = await app.SignedInAsync("potsdam", "potsdam-admin");
        var token = await admin.TokenAsync(Page);

        var response = await admin.PostAsync($"{Page}?handler=Neighbours&id={a.Id}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("neighbourIds", b.Id.ToString()),
        ]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.All(Neighbours(await DistrictsAsync("erlangen")).Values, Assert.Empty);
    }

    [Fact]
    public async Task Coordinator_CannotSetNeighbours_403()
    {
        var districts = await WithoutNeighboursAsync("koeln");
        var client = await app.SignedInAsync("koeln", "koeln-koordination");
        var token = await client.TokenAsync();

        var response = await client.PostAsync($"{Page}?handler=Neighbours&id={districts[0].Id}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("neighbourIds", districts[1].Id.ToString()),
        ]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.All(Neighbours(await DistrictsAsync("koeln")).Values, Assert.Empty);
    }

    [Fact]
    public async Task RemovingADistrict_RemovesItFromItsNeighbours()
    {
        var districts = await WithoutNeighboursAsync("koeln");
        var admin = await app.SignedInAsync("koeln", "koeln-admin");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Page, "[data-testid=district-add-form]",
            new Dictionary<string, string> { ["Name"] = "Neu-Ehrenfeld" })).StatusCode);
        var added = (await DistrictsAsync("koeln")).Single(d => d.Name == "Neu-Ehrenfeld");
        Assert.Equal(HttpStatusCode.Redirect, (await SetNeighboursAsync(admin, "Neu-Ehrenfeld", districts[0].Id)).StatusCode);
        Assert.Equal([added.Id], Neighbours(await DistrictsAsync("koeln"))[districts[0].Id]);

        var form = (IHtmlFormElement)Row(await admin.GetPageAsync(Page), "Neu-Ehrenfeld").QuerySelector("form[action*=Remove]")!;
        var question = await Html.ParseAsync(await admin.SubmitAsync(form, Page));
        Assert.Equal(HttpStatusCode.Redirect,
            (await admin.SubmitAsync((IHtmlFormElement)question.QuerySelector("[data-testid=confirmation-form]")!, Page)).StatusCode);

        Assert.All(Neighbours(await DistrictsAsync("koeln")).Values, Assert.Empty);
    }
}
