using System.Text;
using QRCoder;

namespace Marketplace.Web.Pages.Me.Account;

/// <summary>
/// What an authenticator app needs to add the account: the key as text (in groups of four, to type it in) and as a
/// QR code of its otpauth address (Key URI Format), a PNG data address so the page needs neither script nor a request.
/// </summary>
public sealed record AuthenticatorSetup(string Key, string QrCodeDataUrl)
{
    public static AuthenticatorSetup For(string key, string issuer, string accountName)
    {
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(accountName)}" +
            $"?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png));
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }
}
