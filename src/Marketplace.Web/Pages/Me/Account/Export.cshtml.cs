using Marketplace.Web.Infrastructure;
using Marketplace.Web.Privacy;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me.Account;

/// <summary>"Download my data": ask for the archive, see that it is being made, fetch it while it lasts. Only ever the signed-in account's own.</summary>
public sealed class ExportModel(DataExports exports, CurrentMember member, ITenantContext tenant, IStringLocalizer<SharedResource> l) : PageModel
{
    public ExportState? State { get; private set; }

    public async Task OnGetAsync() => State = await exports.StateAsync(member.UserId!);

    public async Task<IActionResult> OnPostAsync()
    {
        var me = member.UserId!;
        if (await exports.RequestAsync(me, tenant.TenantId!.Value) == ExportRequestOutcome.AlreadyPending)
        {
            ModelState.AddModelError(string.Empty, l["Export_AlreadyPending"]);
            State = await exports.StateAsync(me);
            var page = Page();
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }

        TempData[HtmxResults.StatusKey] = l["Export_Requested"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        if (await exports.ArchiveAsync(member.UserId!) is not { } archive)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(archive, "application/zip", $"meine-daten-{tenant.Tenant!.Slug}.zip");
    }
}
