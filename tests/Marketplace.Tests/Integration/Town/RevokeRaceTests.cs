using System.Data.Common;
using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Town;

[Trait("Category", "Database")]
public sealed class RevokeRaceTests(AdminChangeGateFactory app) : IClassFixture<AdminChangeGateFactory>
{
    private static IHtmlFormElement RevokeFormOf(AngleSharp.Dom.IDocument page, string userName) =>
        (IHtmlFormElement)page.QuerySelectorAll("[data-testid=staff-row]").Single(r => r.QuerySelector("td")!.TextContent == userName).QuerySelector("form")!;

    [Fact]
    public async Task TwoTownAdmins_RevokingEachOtherAtOnce_LeaveTheTownWithOneAdmin()
    {
        await app.InTownAsync("erlangen", async db =>
        {
            var second = await db.Memberships.SingleAsync(m => m.User!.UserName == "erlangen-koordination");
            second.Role = TownRole.TownAdmin;
            return await db.SaveChangesAsync();
        });
        var first = app.TownClient("erlangen");
        await first.LoginOkAsync("erlangen-admin");
        var second = app.TownClient("erlangen");
        await second.LoginOkAsync("erlangen-koordination");
        var firstPage = await first.GetPageAsync("/town/coordinators");
        var secondPage = await second.GetPageAsync("/town/coordinators");

        app.ArmGate();
        var responses = await Task.WhenAll(
            first.SubmitAsync(RevokeFormOf(firstPage, "erlangen-koordination"), "/town/coordinators"),
            second.SubmitAsync(RevokeFormOf(secondPage, "erlangen-admin"), "/town/coordinators"));

        Assert.Equal(1, await app.InTownAsync("erlangen", db => db.Memberships.CountAsync(m => m.Role == TownRole.TownAdmin)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.UnprocessableEntity);
        Assert.Contains("letzte Verwaltung", (await Html.ParseAsync(refused)).QuerySelector(".form-errors")!.TextContent);
    }
}
