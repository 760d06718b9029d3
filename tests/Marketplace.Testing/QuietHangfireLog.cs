using Hangfire;
using Hangfire.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Testing;

/// <summary>
/// Hangfire keeps its log provider in a static, bound to the logger factory of the host that last configured it. Test
/// hosts start and stop side by side in one process, so Hangfire's static initialisers could log through a host that
/// was already disposed, fail once and stay broken for the rest of the run. Test hosts give Hangfire a log of its own.
/// </summary>
public sealed class QuietHangfireLog : ILogProvider, ILog
{
    public static readonly QuietHangfireLog Instance = new();

    public ILog GetLogger(string name) => this;

    public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;

    /// <summary>Keeps the app's Hangfire configuration and sets the quiet log after it (and before any job filter exists).</summary>
    public static void Use(IServiceCollection services)
    {
        LogProvider.SetCurrentLogProvider(Instance);
        var registered = services.LastOrDefault(s => s.ServiceType == typeof(IGlobalConfiguration) && s.ImplementationFactory is not null);
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IGlobalConfiguration>(provider =>
        {
            var configuration = (IGlobalConfiguration)registered.ImplementationFactory!(provider);
            configuration.UseLogProvider(Instance);
            return configuration;
        });
    }
}
