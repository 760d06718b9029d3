using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Mail;

/// <summary>Issues and redeems <see cref="OneClickToken"/>s: each expires and works once, whatever its links say.</summary>
public sealed class OneClickTokens(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public OneClickToken Issue(string purpose, int targetId)
    {
        var now = clock.GetUtcNow();
        var token = new OneClickToken { Purpose = purpose, TargetId = targetId, CreatedAt = now, ExpiresAt = now + Lifetime };
        db.OneClickTokens.Add(token);
        return token;
    }

    public enum State
    {
        Valid,
        Unknown,
        Expired,
        Used,
    }

    public async Task<(State State, OneClickToken? Token)> CheckAsync(Guid id, string purpose)
    {
        var token = await db.OneClickTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.Purpose == purpose);
        return token switch
        {
            null => (State.Unknown, null),
            { UsedAt: not null } => (State.Used, token),
            _ when token.ExpiresAt <= clock.GetUtcNow() => (State.Expired, token),
            _ => (State.Valid, token),
        };
    }

    /// <summary>
    /// Marks the token used, in the caller's transaction; false when another click used it first (the update re-checks
    /// "unused", so of two clicks at once only one acts).
    /// </summary>
    public async Task<bool> RedeemAsync(Guid id, string action)
    {
        var now = clock.GetUtcNow();
        return await db.OneClickTokens.Where(t => t.Id == id && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now).SetProperty(t => t.UsedFor, action)) == 1;
    }
}
