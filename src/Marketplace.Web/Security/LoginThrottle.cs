using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Security;

/// <summary>
/// The password lockout. User names are public, so a lock per account alone would let anyone lock anyone out; wrong
/// passwords count per account and client address instead: five from one address within 15 minutes lock the password
/// for that address only. All addresses together may try 25 times in 15 minutes (at most 100 an hour, as ASVS 2.2.1
/// asks); beyond that the password is locked everywhere and the owner signs in with a mailed link
/// (<see cref="LoginLinks"/>). While locked, the password is not checked at all, so the answer tells a guesser nothing.
/// Counted in the database, so every app instance sees every attempt.
/// </summary>
public sealed class LoginThrottle(AppDbContext db, TimeProvider clock)
{
    public const int PerAddress = 5;
    public const int PerAccount = 25;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>The account's id, or "?" and the typed login when there is none: both lock alike.</summary>
    public static string AccountKey(AppUser? user, string login)
    {
        if (user is not null)
        {
            return user.Id;
        }

        var key = "?" + login.Trim().ToUpperInvariant();
        return key.Length <= LoginFailure.AccountMaxLength ? key : key[..LoginFailure.AccountMaxLength];
    }

    public async Task<bool> IsLockedAsync(string account, string clientAddress)
    {
        var since = clock.GetUtcNow() - Window;
        var recent = db.LoginFailures.Where(f => f.Account == account && f.FailedAt > since);
        return await recent.CountAsync(f => f.ClientAddress == clientAddress) >= PerAddress
            || await recent.CountAsync() >= PerAccount;
    }

    public async Task RecordFailureAsync(string account, string clientAddress)
    {
        var now = clock.GetUtcNow();
        // Rows older than the window no longer count for anyone.
        var expired = now - Window;
        await db.LoginFailures.Where(f => f.FailedAt <= expired).ExecuteDeleteAsync();
        db.LoginFailures.Add(new LoginFailure { Account = account, ClientAddress = clientAddress, FailedAt = now });
        await db.SaveChangesAsync();
    }

    /// <summary>After the right password from this address, its earlier typos no longer count.</summary>
    public Task ForgetAsync(AppUser user, string clientAddress) =>
        db.LoginFailures.Where(f => f.Account == user.Id && f.ClientAddress == clientAddress).ExecuteDeleteAsync();

    /// <summary>Whoever proved control of the mailbox (password reset) may sign in again from anywhere at once.</summary>
    public Task ForgetAllAsync(AppUser user) => db.LoginFailures.Where(f => f.Account == user.Id).ExecuteDeleteAsync();
}
