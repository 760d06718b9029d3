using System.Security.Cryptography;
using System.Text;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Security;

/// <summary>
/// One-time sign-in links, so the owner of an account whose password is locked (<see cref="LoginThrottle"/>) can still
/// sign in. A link holds a random secret of which only the hash is stored; it works once, for 15 minutes, on the host
/// that sent it. At most three are mailed per account in 15 minutes, so nobody can flood a mailbox with them.
/// </summary>
public sealed class LoginLinks(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public const int MaxPerLifetime = 3;

    /// <summary>A new link's secret, in the caller's save; null when the account had its three links already.</summary>
    public async Task<string?> IssueAsync(AppUser user, string host)
    {
        var now = clock.GetUtcNow();
        var since = now - Lifetime;
        if (await db.LoginLinks.CountAsync(l => l.UserId == user.Id && l.CreatedAt > since) >= MaxPerLifetime)
        {
            return null;
        }

        // Expired links open nothing and are no longer needed for the count.
        await db.LoginLinks.Where(l => l.ExpiresAt <= since).ExecuteDeleteAsync();
        // Lower-case hex: the app writes its links in lower case, route values included.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        db.LoginLinks.Add(new LoginLink { UserId = user.Id, TokenHash = Hash(token), Host = host, CreatedAt = now, ExpiresAt = now + Lifetime });
        return token;
    }

    /// <summary>Whether the link would still sign in here, without using it (the page before the button).</summary>
    public Task<bool> IsUsableAsync(string token, string host)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        return db.LoginLinks.AnyAsync(l => l.TokenHash == hash && l.Host == host && l.UsedAt == null && l.ExpiresAt > now);
    }

    /// <summary>
    /// Uses the link and returns its account's id; null when it is unknown, expired, used or of another host. The update
    /// re-checks "unused", so of two clicks at once only one signs in.
    /// </summary>
    public async Task<string?> RedeemAsync(string token, string host)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var link = await db.LoginLinks.AsNoTracking()
            .Where(l => l.TokenHash == hash && l.Host == host && l.UsedAt == null && l.ExpiresAt > now)
            .Select(l => new { l.Id, l.UserId })
            .SingleOrDefaultAsync();
        if (link is null)
        {
            return null;
        }

        var used = await db.LoginLinks.Where(l => l.Id == link.Id && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now));
        return used == 1 ? link.UserId : null;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
