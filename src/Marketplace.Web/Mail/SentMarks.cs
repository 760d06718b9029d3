using Marketplace.Web.Data;
using Marketplace.Web.Domain;

namespace Marketplace.Web.Mail;

/// <summary>
/// Marks accepted mail sent while the next mail goes out (group commit). A write starts as soon as a mail is accepted
/// and no write is running; mails accepted during a write go together in the next one. So each mail is marked by the
/// next commit that starts after the server accepted it, but the sender no longer waits for the disk between two
/// mails: with a commit per mail before the next was sent, a third of a digest run's delivery went to waiting for
/// commits. At most <see cref="MostUnmarked"/> accepted mails wait for their mark; then the sender waits too, which
/// bounds what a crash can send again.
/// Owns the store's context while a write runs: the sender calls <see cref="FlushAsync"/> before it uses the store itself.
/// </summary>
internal sealed class SentMarks(OutboxStore store)
{
    public const int MostUnmarked = 10;

    private readonly Lock _gate = new();
    private List<OutboxMail> _accepted = [];
    private Task _writing = Task.CompletedTask;
    private bool _running;
    private Exception? _failure;

    /// <summary>Called once the server accepted the mail; returns at once unless too many mails wait for their mark.</summary>
    public Task AcceptedAsync(OutboxMail mail)
    {
        lock (_gate)
        {
            // A failed write stops the run: the mails it held keep their lease and go out again once it runs out.
            if (_failure is not null)
            {
                return Task.FromException(_failure);
            }

            _accepted.Add(mail);
            if (!_running)
            {
                _running = true;
                // SQLite's "async" calls complete synchronously, so the write needs a thread of its own to overlap.
                _writing = Task.Run(WriteAllAsync);
            }

            return _accepted.Count >= MostUnmarked ? _writing : Task.CompletedTask;
        }
    }

    /// <summary>Waits until every accepted mail is marked; afterwards the store is free for the caller.</summary>
    public Task FlushAsync()
    {
        lock (_gate)
        {
            return _writing;
        }
    }

    private async Task WriteAllAsync()
    {
        try
        {
            while (true)
            {
                List<OutboxMail> batch;
                lock (_gate)
                {
                    if (_accepted.Count == 0)
                    {
                        _running = false;
                        return;
                    }

                    batch = _accepted;
                    _accepted = [];
                }

                await store.MarkSentAsync(batch);
            }
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _running = false;
                _failure = e;
            }

            throw;
        }
    }
}
