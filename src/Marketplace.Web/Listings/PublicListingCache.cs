using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Listings;

/// <summary>
/// What every reader of a list, and every signed-out reader of a listing, is shown: the same for all of them, so a
/// newspaper's readers need not each cost the database the same search. Each instance keeps an answer for at most
/// <see cref="CacheFor"/>; a save on this instance that touches a town's listings, photos, categories, districts or
/// organisations forgets that town's answers at once (Data/ReferenceDataInvalidation), other instances within that time.
/// Only answers that exist are kept, and at most <see cref="MaxEntries"/>, so made-up addresses cannot fill the memory.
/// Readers who are signed in read the database themselves: what they see depends on who they are.
/// </summary>
public sealed class PublicListingCache : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    public const int MaxEntries = 10_000;

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _towns = new();

    public async Task<T?> GetOrLoadAsync<T>(Guid town, object key, Func<Task<T?>> load) where T : class
    {
        var fullKey = (town, key);
        if (_answers.TryGetValue(fullKey, out T? known))
        {
            return known;
        }

        // Taken before loading: a save during the load cancels it, so the answer read before the save is not kept.
        var townChanged = _towns.GetOrAdd(town, _ => new CancellationTokenSource()).Token;
        var answer = await load();
        if (answer is not null && !townChanged.IsCancellationRequested)
        {
            using var entry = _answers.CreateEntry(fullKey);
            entry.Value = answer;
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
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

    public void Dispose()
    {
        _answers.Dispose();
        foreach (var changed in _towns.Values)
        {
            changed.Dispose();
        }
    }
}
