using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Answers kept by this instance for a short, stated time, each belonging to one scope (a town, an account), so that a
/// write on this instance can forget a scope's answers at once; other instances catch up when their copy expires. Only
/// answers that exist are kept, and at most a bounded number, so made-up addresses cannot fill the memory.
/// </summary>
public abstract class ScopedCache<TScope>(TimeSpan cacheFor, int maxEntries) : IDisposable where TScope : notnull
{
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = maxEntries });
    private readonly ConcurrentDictionary<TScope, CancellationTokenSource> _scopes = new();

    public async Task<T?> GetOrLoadAsync<T>(TScope scope, object key, Func<Task<T?>> load) where T : class
    {
        var fullKey = (scope, key);
        if (_answers.TryGetValue(fullKey, out T? known))
        {
            return known;
        }

        // Taken before loading: a write during the load cancels it, so the answer read before the write is not kept.
        var scopeChanged = _scopes.GetOrAdd(scope, _ => new CancellationTokenSource()).Token;
        var answer = await load();
        if (answer is not null && !scopeChanged.IsCancellationRequested)
        {
            using var entry = _answers.CreateEntry(fullKey);
            entry.Value = answer;
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = cacheFor;
            entry.AddExpirationToken(new CancellationChangeToken(scopeChanged));
        }

        return answer;
    }

    public void Forget(TScope scope)
    {
        // Not disposed: a load that took the token before may still look at it.
        if (_scopes.TryRemove(scope, out var changed))
        {
            changed.Cancel();
        }
    }

    /// <summary>For a write whose scope is not known (a bulk update, a platform setting).</summary>
    public void ForgetAll()
    {
        foreach (var scope in _scopes.Keys)
        {
            Forget(scope);
        }
    }

    public void Dispose()
    {
        _answers.Dispose();
        foreach (var changed in _scopes.Values)
        {
            changed.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
