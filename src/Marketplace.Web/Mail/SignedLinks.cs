using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Mail;

/// <summary>What an unsubscribe link stops.</summary>
public enum UnsubscribeKind
{
    Digest = 1,
    MessageMails = 2,
    ListingReminders = 3,
}

public sealed record UnsubscribeTarget(Guid TenantId, UnsubscribeKind Kind, string Target);

/// <summary>
/// Links in mails that act without logging in. Their payload is signed and encrypted by Data Protection, so a link
/// cannot be forged or pointed at another account, listing or town.
/// </summary>
public sealed class SignedLinks(IDataProtectionProvider protection, TenantLinks links)
{
    private readonly IDataProtector _unsubscribe = protection.CreateProtector("Marketplace.Mail.Unsubscribe.v1");
    private readonly IDataProtector _oneClick = protection.CreateProtector("Marketplace.Mail.OneClick.v1");

    /// <summary>Never expires: an old mail's unsubscribe link must still work (RFC 8058).</summary>
    public string UnsubscribeUrl(TenantInfo town, UnsubscribeKind kind, string target) =>
        links.TownUrl(town.Slug, "/unsubscribe/" + _unsubscribe.Protect($"{town.Id:N}|{(int)kind}|{target}"));

    public UnsubscribeTarget? ReadUnsubscribe(string token)
    {
        var parts = Unprotect(_unsubscribe, token)?.Split('|', 3);
        return parts is [var town, var kind, var target] && Guid.TryParseExact(town, "N", out var tenantId)
            && int.TryParse(kind, out var k) && Enum.IsDefined((UnsubscribeKind)k)
            ? new UnsubscribeTarget(tenantId, (UnsubscribeKind)k, target)
            : null;
    }

    public string OneClickUrl(TenantInfo town, string path, OneClickToken token, string action) =>
        links.TownUrl(town.Slug, $"{path}/{_oneClick.Protect($"{town.Id:N}|{token.Id:N}|{action}")}");

    /// <summary>The token id and action a one-click link carries, or null when it was altered or belongs to another town.</summary>
    public (Guid TokenId, string Action)? ReadOneClick(string value, Guid tenantId)
    {
        var parts = Unprotect(_oneClick, value)?.Split('|', 3);
        return parts is [var town, var id, var action] && town == tenantId.ToString("N") && Guid.TryParseExact(id, "N", out var tokenId)
            ? (tokenId, action)
            : null;
    }

    private static string? Unprotect(IDataProtector protector, string value)
    {
        try
        {
            return protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

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
