using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Answers kept by this instance for a short, stated time, each belonging to one scope (a town, an account), so that a
/// write on this instance can forget a scope's answers at once; other instances catch up when their copy expires. Only
/// answers that exist are kept, and at most a bounded number, so made-up addresses cannot fill the memory.
/// An answer read often is loaded anew before it expires: the first reader after three quarters of its time loads it,
/// while every other reader is still answered from the kept copy. Without that, every reader of a busy answer waited
/// for its reload when it expired (the public ledger's 120 ms reload put its 99th percentile at twenty times its median).
/// </summary>
public abstract class ScopedCache<TScope>(TimeSpan cacheFor, int maxEntries) : IDisposable where TScope : notnull
{
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = maxEntries });
    private readonly ConcurrentDictionary<TScope, CancellationTokenSource> _scopes = new();
    private readonly ConcurrentDictionary<(TScope, object), Lazy<Task<object?>>> _loads = new();
    private readonly ConcurrentDictionary<(TScope, object), byte> _refreshing = new();
    private readonly long _refreshAfterMs = (long)(cacheFor.TotalMilliseconds * 3 / 4);

    /// <summary>A kept answer and when it was loaded (<see cref="Environment.TickCount64"/>).</summary>
    private sealed record Kept(object Answer, long LoadedAt);

    public async Task<T?> GetOrLoadAsync<T>(TScope scope, object key, Func<Task<T?>> load) where T : class
    {
        var fullKey = (scope, key);
        if (_answers.TryGetValue(fullKey, out Kept? kept) && kept is not null)
        {
            if (Environment.TickCount64 - kept.LoadedAt < _refreshAfterMs || !_refreshing.TryAdd(fullKey, 0))
            {
                return (T?)kept.Answer;
            }

            // This reader loads it anew; the others keep reading the kept copy meanwhile.
            try
            {
                return await LoadAndKeepAsync(fullKey, scope, load);
            }
            finally
            {
                _refreshing.TryRemove(fullKey, out _);
            }
        }

        // One load per answer at a time: when a busy answer expires, the readers asking for it meanwhile share the one
        // load instead of all asking the database the same at once (on PostgreSQL that made the search's p99 25 × its
        // median). The answer is the same for all of them, whichever request loads it.
        var loading = _loads.GetOrAdd(fullKey, _ => new Lazy<Task<object?>>(async () => await LoadAndKeepAsync(fullKey, scope, load)));
        try
        {
            return (T?)await loading.Value;
        }
        finally
        {
            _loads.TryRemove(new KeyValuePair<(TScope, object), Lazy<Task<object?>>>(fullKey, loading));
        }
    }

    private async Task<T?> LoadAndKeepAsync<T>((TScope, object) fullKey, TScope scope, Func<Task<T?>> load) where T : class
    {
        // Taken before loading: a write during the load cancels it, so the answer read before the write is not kept.
        var scopeChanged = _scopes.GetOrAdd(scope, _ => new CancellationTokenSource()).Token;
        var answer = await load();
        if (answer is not null && !scopeChanged.IsCancellationRequested)
        {
            using var entry = _answers.CreateEntry(fullKey);
            entry.Value = new Kept(answer, Environment.TickCount64);
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

        // A reader arriving after the write starts a load of its own rather than sharing one that began before it.
        foreach (var loading in _loads.Keys.Where(k => EqualityComparer<TScope>.Default.Equals(k.Item1, scope)))
        {
            _loads.TryRemove(loading, out _);
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
