using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Answers kept by this instance for a short, stated time, each belonging to one town, so that a write on this instance
/// can forget a town's answers at once; other instances catch up when their copy expires. Only answers that exist are
/// kept, and at most a bounded number, so made-up addresses cannot fill the memory.
/// </summary>
public abstract class TownScopedCache(TimeSpan cacheFor, int maxEntries) : IDisposable
{
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = maxEntries });
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _towns = new();

    public async Task<T?> GetOrLoadAsync<T>(Guid town, object key, Func<Task<T?>> load) where T : class
    {
        var fullKey = (town, key);
        if (_answers.TryGetValue(fullKey, out T? known))
        {
            return known;
        }

        // Taken before loading: a write during the load cancels it, so the answer read before the write is not kept.
        var townChanged = _towns.GetOrAdd(town, _ => new CancellationTokenSource()).Token;
        var answer = await load();
        if (answer is not null && !townChanged.IsCancellationRequested)
        {
            using var entry = _answers.CreateEntry(fullKey);
            entry.Value = answer;
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = cacheFor;
            entry.AddExpirationToken(new CancellationChangeToken(townChanged));
        }

        return answer;
    }

    public void Forget(Guid town)
    {
        // Not disposed: a load that took the token before may still look at it.
        if (_towns.TryRemove(town, out var changed))
        {
            changed.Cancel();
        }
    }

    /// <summary>For a write that belongs to no one town (an account's name, a platform setting).</summary>
    public void ForgetAll()
    {
        foreach (var town in _towns.Keys)
        {
            Forget(town);
        }
    }

    public void Dispose()
    {
        _answers.Dispose();
        foreach (var changed in _towns.Values)
        {
            changed.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
