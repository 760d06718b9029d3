using Marketplace.Web.Mail;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Dev.Mail;

public sealed class DetailsModel(DevMailbox mailbox, PickupFolder pickup, IWebHostEnvironment environment) : DevOnlyPageModel(pickup, environment)
{
    public DevMailbox.Message Mail { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (mailbox.Find(id) is not { } mail)
        {
            return NotFound();
        }

        Mail = mail;
        return Page();
    }
}
