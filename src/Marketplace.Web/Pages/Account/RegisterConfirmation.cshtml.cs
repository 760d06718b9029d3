using Marketplace.Web.Mail;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

public sealed class RegisterConfirmationModel(PickupFolder pickup, IWebHostEnvironment environment) : PageModel
{
    /// <summary>Development without a mail server: point the reader to the page that lists the mails.</summary>
    public bool ShowDevMailbox => pickup.IsActive && environment.IsDevelopment();

    public void OnGet()
    {
    }
}
