using System.Net;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Platform;

/// <summary>
/// Input a hostile tester sent that ended in a server error: each one is now a 4xx or a normal page. The paging cases
/// threw on PostgreSQL only (a negative OFFSET after the skip overflowed), so they run on both databases.
/// </summary>
[Trait("Category", "Database")]
public sealed class HostileInputTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    /// <summary>Kestrel lets the name through; ASP.NET throws when it decodes it. HttpClient refuses to send it, so the request is built in the server.</summary>
    [Theory]
    [InlineData("xn--erlangen-.localhost", null)]
    [InlineData("erlangen.localhost", "xn--erlangen-.localhost")]
    public async Task HostWithAnUndecodablePunycodeLabel_IsABadRequest(string host, string? forwardedHost)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/";
            c.Request.Headers.Host = host;
            if (forwardedHost is not null)
            {
                c.Request.Headers["X-Forwarded-Host"] = forwardedHost;
            }
        });

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("erlangen-koordination", "/coordination/intake?p=2147483647", "intake-empty")]
    [InlineData("erlangen-koordination", "/coordination/moderation/log?p=2147483647", "moderation-log-empty")]
    [InlineData("erlangen-admin", "/coordination/audit?p=2147483647", "audit-empty")]
    public async Task PageNumberAtTheLimitOfAnInt_ShowsAnEmptyPage(string user, string url, string emptyTestId)
    {
        var client = await app.SignedInAsync("erlangen", user);

        var page = await client.GetPageAsync(url);

        Assert.NotNull(page.QuerySelector($"[data-testid={emptyTestId}]"));
    }

    [Theory]
    [InlineData("/coordination/hours?month=9999-12")]
    [InlineData("/coordination/hours?month=0001-01")]
    public async Task HoursFilteredByTheLastOrFirstMonthOfTheCalendar_ShowsThePage(string url)
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-koordination");

        var page = await client.GetPageAsync(url);

        Assert.NotNull(page.QuerySelector("[data-testid=hours-filter]"));
    }

    [Theory]
    [InlineData("/coordination/audit?to=9999-12-31")]
    [InlineData("/coordination/audit?from=0001-01-01&to=9999-12-31")]
    public async Task AuditFilteredUpToTheLastDayOfTheCalendar_ShowsThePage(string url)
    {
        var client = await app.SignedInAsync("erlangen", "erlangen-admin");

        var page = await client.GetPageAsync(url);

        Assert.NotNull(page.QuerySelector("[data-testid=audit-filter]"));
    }

    [Fact]
    public async Task EmptyNewMunicipalityForm_ShowsMessagesAtTheFields_CreatesNothing()
    {
        var admin = app.PlatformClient();
        await admin.LoginOkAsync(DemoData.PlatformAdminName);
        var before = await app.InTownAsync(null, db => db.Tenants.CountAsync());

        var response = await admin.SubmitAsync("/admin/municipalities/new", "[data-testid=municipality-form]", new Dictionary<string, string>
        {
            ["Input.Slug"] = "", ["Input.Districts"] = "", ["Input.FirstCoordinatorEmail"] = "",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.FieldError("Input.Slug"));
        Assert.NotNull(page.FieldError("Input.Districts"));
        Assert.NotNull(page.FieldError("Input.FirstCoordinatorEmail"));
        Assert.Equal(before, await app.InTownAsync(null, db => db.Tenants.CountAsync()));
    }
}
