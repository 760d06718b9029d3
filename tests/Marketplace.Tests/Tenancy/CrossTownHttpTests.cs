using System.Net;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Tenancy;

/// <summary>What a person of one town can reach in another over HTTP: nothing of the other town's administration.</summary>
[Trait("Category", "Database")]
public sealed class CrossTownHttpTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    private Task<string> ErlangenNameAsync() =>
        app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "erlangen").Select(t => t.Name).SingleAsync());

    [Theory]
    [InlineData("potsdam-koordination")]
    [InlineData("potsdam-admin")]
    public async Task PotsdamStaff_SignedInOnErlangen_Get403OnSettings_AndCannotChangeThem(string userName)
    {
        var client = app.TownClient("erlangen");
        await client.LoginOkAsync(userName);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/town/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/town/districts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/town/coordinators")).StatusCode);

        // A form built by hand with a valid antiforgery token of this host.
        var home = await client.GetPageAsync("/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync("/town/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Übernommen",
            ["Input.FederalState"] = "Brandenburg",
            ["Input.TimeZoneId"] = "Europe/Berlin",
            ["Input.DefaultCulture"] = "de",
            ["Input.ContactEmail"] = "evil@example.org",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Erlangen", await ErlangenNameAsync());
    }

    [Fact]
    public async Task PotsdamAdmin_CannotRenameAnErlangenDistrict_FromPotsdam()
    {
        var erlangenDistrict = await app.InTownAsync("erlangen", db => db.Districts.OrderBy(d => d.Id).Select(d => new { d.Id, d.Name }).FirstAsync());
        var client = app.TownClient("potsdam");
        await client.LoginOkAsync("potsdam-admin");

        var page = await client.GetPageAsync("/town/districts");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Name"] = "Gekapert" };
        var plain = await client.PostAsync($"/town/districts?handler=Rename&id={erlangenDistrict.Id}", new FormUrlEncodedContent(form));
        var htmx = new HttpRequestMessage(HttpMethod.Post, $"/town/districts?handler=Remove&id={erlangenDistrict.Id}") { Content = new FormUrlEncodedContent(form) };
        htmx.Headers.Add("HX-Request", "true");
        var fragment = await client.SendAsync(htmx);

        Assert.Equal(HttpStatusCode.NotFound, plain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fragment.StatusCode);
        Assert.Equal(erlangenDistrict.Name, await app.InTownAsync("erlangen", db => db.Districts.Where(d => d.Id == erlangenDistrict.Id).Select(d => d.Name).SingleAsync()));
    }

    [Fact]
    public async Task LoginCookie_OfErlangen_DoesNotAuthenticateOnPotsdam()
    {
        // lena is a member of both towns, so only the host binding can keep the cookie out.
        var erlangen = app.TownClient("erlangen");
        var login = await erlangen.LoginAsync(DemoData.MultiTownUserName);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mp.auth=", StringComparison.Ordinal)).Split(';')[0];

        async Task<string?> CurrentUserOn(string host)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"http://{host}/");
            request.Headers.Add("Cookie", cookie);
            var response = await app.Client($"http://{host}").SendAsync(request);
            return (await Html.ParseAsync(response)).QuerySelector("[data-testid=current-user]")?.TextContent;
        }

        Assert.Equal(DemoData.MultiTownUserName, await CurrentUserOn("erlangen.localhost"));
        Assert.Null(await CurrentUserOn("potsdam.localhost"));
        Assert.Null(await CurrentUserOn("localhost"));
    }

    [Fact]
    public async Task LoginCookie_OfARemovedTown_DoesNotAuthenticateOnANewTownAtTheSameAddress()
    {
        Task CreateTownAsync() => app.InTownAsync(null, db =>
        {
            db.Tenants.Add(new Tenant { Slug = "wiederkehr", Name = "Wiederkehr", ContactEmail = "kontakt@wiederkehr.example", CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        await CreateTownAsync();
        var client = app.TownClient("wiederkehr");
        await client.LoginOkAsync(DemoData.MultiTownUserName);
        Assert.Equal(DemoData.MultiTownUserName, (await client.GetPageAsync("/")).TestId("current-user"));

        await app.InTownAsync(null, db => db.Tenants.Where(t => t.Slug == "wiederkehr").ExecuteDeleteAsync());
        // Removing a town is an operator's change in the database; every instance sees it once its cached copy of the
        // town has expired (Tenancy/TownDirectory.CacheFor). The test does not wait that long.
        app.Services.GetRequiredService<TownDirectory>().Forget("wiederkehr");
        await CreateTownAsync();

        Assert.Null((await client.GetPageAsync("/")).QuerySelector("[data-testid=current-user]"));
    }

    [Fact]
    public async Task UnknownTown_Is404_NeverAnotherTown()
    {
        var response = await app.TownClient("nowhere").GetAsync("/");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=error-404]"));
        Assert.Null(page.QuerySelector("[data-testid=town-name]"));
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/municipalities/new")]
    public async Task PlatformAdministration_DoesNotExistOnATownHost(string path)
    {
        var client = app.TownClient("erlangen");
        await client.LoginOkAsync(DemoData.PlatformAdminName);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/town/settings")]
    [InlineData("/account/register")]
    [InlineData("/account/resend-confirmation")]
    [InlineData("/report")]
    [InlineData("/unsubscribe/any-token")]
    [InlineData("/matches/answer/any-token")]
    [InlineData("/listings")]
    [InlineData("/courses")]
    [InlineData("/courses/feed")]
    [InlineData("/transparency")]
    [InlineData("/transparency/expenses.csv")]
    public async Task TownPages_DoNotExistOnTheBareDomain(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.PlatformClient().GetAsync(path)).StatusCode);
}
