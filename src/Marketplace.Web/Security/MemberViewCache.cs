using Marketplace.Web.Infrastructure;

namespace Marketplace.Web.Security;

/// <summary>
/// What a signed-in member's own views show (my area, the unread count in the navigation), kept per member, town and
/// own-writes mark for at most <see cref="CacheFor"/>, so a member who reloads their page does not cost the database
/// every query of it each time. Correct on every instance: after the member's own change, every instance reads anew
/// (<see cref="OwnWrites"/>); any write on this instance forgets the town's views at once (Data/MemberCachesInvalidation);
/// what others change on another instance shows there within <see cref="CacheFor"/>.
/// </summary>
public sealed class MemberViewCache() : ScopedCache<Guid>(CacheFor, MaxEntries)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    public const int MaxEntries = 10_000;

    public Task<T?> GetOrLoadAsync<T>(HttpContext http, Guid town, string userId, string view, Func<Task<T?>> load) where T : class =>
        GetOrLoadAsync(town, (userId, view, OwnWrites.MarkOf(http)), load);
}
