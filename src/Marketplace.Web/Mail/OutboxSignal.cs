namespace Marketplace.Web.Mail;

/// <summary>Raised once new outbox rows are committed, so this instance delivers them now instead of at the next minute.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Raise()
    {
        // Signals coalesce: one delivery run picks up everything committed before it started.
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _pending.WaitAsync(cancellationToken);
}
