using MimeKit;

namespace Marketplace.Web.Mail;

/// <summary>Development without a mail server: mails land as .eml files and are listed at /dev/mail.</summary>
public sealed class PickupFolderMailSender(PickupFolder folder, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder.Path);
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        await message.WriteToAsync(System.IO.Path.Combine(folder.Path, name), cancellationToken);
    }
}

/// <summary>Where the pickup sender writes; null-object when mail goes out by SMTP.</summary>
public sealed record PickupFolder(string Path, bool IsActive);
