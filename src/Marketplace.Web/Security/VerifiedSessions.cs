using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;

namespace Marketplace.Web.Security;

/// <summary>
/// Sessions this instance found valid (the cookie's security stamp is the account's) and the account's membership in the
/// town, trusted for <see cref="TrustFor"/>: a member clicking through pages costs the database one check every
/// <see cref="TrustFor"/> instead of one per request, which was half the CPU of a signed-in page. What ends a session or
/// changes a membership (logout, password reset, account deletion, a coordinator blocking) is refused at once on the
/// instance that saved it (Data/MemberCachesInvalidation forgets the account), and within <see cref="TrustFor"/> on every
/// other instance.
/// </summary>
public sealed class VerifiedSessions() : ScopedCache<string>(TrustFor, MaxEntries)
{
    public static readonly TimeSpan TrustFor = TimeSpan.FromSeconds(2);
    public const int MaxEntries = 100_000;

    public sealed record Verified(TownRole? Role, bool IsBlocked);

    /// <summary>The verified session, from this instance's memory or checked by <paramref name="check"/>; null when it is not valid.</summary>
    public Task<Verified?> GetOrCheckAsync(string userId, string stamp, Guid town, Func<Task<Verified?>> check) =>
        GetOrLoadAsync(userId, (stamp, town), check);
}
