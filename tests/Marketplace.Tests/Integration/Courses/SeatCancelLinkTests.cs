using System.Net;

namespace Marketplace.Tests.Integration.Courses;

/// <summary>The "give up my seat" link in the enrolment mail: no login, GET only asks, the freed seat goes to the list.</summary>
[Trait("Category", "Database")]
public sealed class SeatCancelLinkTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task TheEnrolmentMail_GivesTheSeatBackWithoutLogin_OnPostOnly_AndTheNextOnTheListGetsItOffered()
    {
        var (_, runId) = await app.CourseWithRunAsync(seats: 1);
        var holder = await app.PersonAsync(contact: "platz@test.example", culture: "ar");
        var next = await app.PersonAsync(contact: "naechste@test.example");
        await app.EnrolAsync(runId, holder);
        await app.EnrolAsync(runId, next);
        var mail = await app.Smtp.WaitForAsync("platz@test.example");
        var link = Accounts.LinkIn(mail, "/courses/cancel/");
        var client = app.TownClient(SeatsSetup.Town);

        var page = await client.GetPageAsync(link);
        Assert.Equal([holder], await app.SeatedAsync(runId));
        var cancelled = await client.PressAsync(page.QuerySelector("[data-testid=cancel-confirm]")!, link);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.NotNull((await Html.ParseAsync(cancelled)).QuerySelector("[data-testid=cancel-done]"));
        Assert.Empty(await app.SeatedAsync(runId));
        await app.Smtp.WaitForAsync("naechste@test.example", m => (m.TextBody ?? "").Contains("/courses/offers/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Gone, (await client.PressAsync(page.QuerySelector("[data-testid=cancel-confirm]")!, link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.TownClient("potsdam").GetAsync(link.Replace("erlangen.", "potsdam.", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task AfterTheLeaveDeadline_TheLinkSaysToAskTheProvider_AndTheSeatStays()
    {
        var (_, runId) = await app.CourseWithRunAsync(seats: 2, startsInDays: 1);
        var holder = await app.PersonAsync(contact: "spaet@test.example");
        await app.EnrolAsync(runId, holder);
        var link = Accounts.LinkIn(await app.Smtp.WaitForAsync("spaet@test.example"), "/courses/cancel/");
        var client = app.TownClient(SeatsSetup.Town);

        var page = await client.GetPageAsync(link);
        var refused = await client.PressAsync(page.QuerySelector("[data-testid=cancel-confirm]")!, link);

        Assert.NotNull((await Html.ParseAsync(refused)).QuerySelector("[data-testid=cancel-too-late]"));
        Assert.Equal([holder], await app.SeatedAsync(runId));
        Assert.NotNull((await client.GetPageAsync(link)).QuerySelector("[data-testid=cancel-confirm]"));
    }
}
