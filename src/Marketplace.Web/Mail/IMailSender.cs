using MimeKit;

namespace Marketplace.Web.Mail;

public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
