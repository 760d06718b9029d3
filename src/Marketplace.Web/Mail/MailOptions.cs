namespace Marketplace.Web.Mail;

public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "no-reply@marketplace.localhost";
    public string FromName { get; set; } = "Marketplace";

    /// <summary>Used when no SMTP host is configured (Development): each mail becomes an .eml file here.</summary>
    public string? PickupFolder { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Deliver right after a commit wrote mail, instead of waiting for the minutely job.</summary>
    public bool DeliverAfterCommit { get; set; } = true;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
