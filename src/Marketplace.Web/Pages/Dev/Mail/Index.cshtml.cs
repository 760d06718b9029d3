using Marketplace.Web.Mail;

namespace Marketplace.Web.Pages.Dev.Mail;

public sealed class IndexModel(DevMailbox mailbox, PickupFolder pickup, IWebHostEnvironment environment) : DevOnlyPageModel(pickup, environment)
{
    public IReadOnlyList<DevMailbox.Summary> Mails { get; private set; } = [];

    public void OnGet() => Mails = mailbox.List();
}
