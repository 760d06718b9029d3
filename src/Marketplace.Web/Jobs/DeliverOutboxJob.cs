using Hangfire;
using Marketplace.Web.Data;
using Marketplace.Web.Mail;

namespace Marketplace.Web.Jobs;

/// <summary>
/// The outbox's delivery run. Every minute as a safety net; rows are leased, so runs on several instances at once
/// share the work instead of sending twice. Hangfire's own retries are off: a failed mail is rescheduled in its row.
/// </summary>
public sealed class DeliverOutboxJob(OutboxDelivery delivery, OutboxStore store)
{
    public const string RecurringJobId = "deliver-outbox";
    public static readonly string Schedule = Cron.Minutely();

    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sent = await delivery.DeliverDueAsync(cancellationToken: cancellationToken);
        await store.PurgeSentAsync();
        return sent;
    }
}
