using System.Data.Common;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Integration;

/// <summary>
/// The app with a gate in front of every write that changes who administers a town or an organisation: once armed, the
/// first such statement waits (up to three seconds) until a second one arrives, so two requests that decided on the same
/// state write at the same moment.
/// </summary>
public sealed class AdminChangeGateFactory : MarketplaceFactory
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

        private static readonly string[] GatedWrites = ["UPDATE \"Memberships\"", "UPDATE \"OrganisationMembers\"", "DELETE FROM \"OrganisationMembers\""];

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
            if (!Armed || !GatedWrites.Any(w => command.CommandText.Contains(w, StringComparison.Ordinal)))
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
