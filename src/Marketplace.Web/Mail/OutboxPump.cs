namespace Marketplace.Web.Mail;

/// <summary>
/// Delivers right after a commit signalled mail. The minutely Hangfire job stays the safety net: it retries what failed
/// and sends what another instance (or a process that died) left behind.
/// </summary>
public sealed class OutboxPump(OutboxSignal signal, IServiceScopeFactory scopes, ILogger<OutboxPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The rows stay due; the next signal or the minutely job tries again.
                logger.LogWarning(e, "Delivering the outbox after a commit failed.");
            }
        }
    }
}
