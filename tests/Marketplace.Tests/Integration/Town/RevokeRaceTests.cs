using System.Data.Common;
using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Tests.Infrastructure;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration.Town;

/// <summary>
/// The app with a gate in front of every UPDATE of a membership: once armed, the first such statement waits (up to three
/// seconds) until a second one arrives, so two requests that decided on the same state write at the same moment.
/// </summary>
public sealed class MembershipUpdateGateFactory : MarketplaceFactory
{
    private readonly Gate _gate = new();

    public void ArmGate() => _gate.Armed = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(_gate));
            services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(_gate));
        });
    }

    private sealed class Gate : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _second = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public volatile bool Armed;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await PassAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await PassAsync(command);
            return result;
        }

        private async Task PassAsync(DbCommand command)
        {
            if (!Armed || !command.CommandText.Contains("UPDATE \"Memberships\"", StringComparison.Ordinal))
            {
                return;
            }

            if (Interlocked.Increment(ref _arrived) >= 2)
            {
                _second.TrySetResult();
            }

            await Task.WhenAny(_second.Task, Task.Delay(TimeSpan.FromSeconds(3)));
        }
    }
}

[Trait("Category", "Database")]
public sealed class RevokeRaceTests(MembershipUpdateGateFactory app) : IClassFixture<MembershipUpdateGateFactory>
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
