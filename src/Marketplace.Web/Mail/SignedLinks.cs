using Marketplace.Web.Domain;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection;

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
