using Marketplace.Web.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Dev.Mail;

/// <summary>The mailbox pages exist only in Development while mail goes to the pickup folder.</summary>
public abstract class DevOnlyPageModel(PickupFolder pickup, IWebHostEnvironment environment) : PageModel
{
    public string Folder => pickup.Path;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!pickup.IsActive || !environment.IsDevelopment())
        {
            context.Result = NotFound();
        }
    }
}
