using Marketplace.Web.Data;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Intake;
using Marketplace.Web.Pages.Listings;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Intake;

/// <summary>
/// A coordinator records a request for someone without an account (at the counter, on the phone). The request is
/// published under the coordinator; the person's name and contact stay in the office.
/// </summary>
public sealed class NewModel(AppDbContext db, IMemoryCache cache, IntakeDesk desk, CurrentMember member,
    IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    [BindProperty]
    public IntakeInput Input { get; set; } = new();

    public ListingFormOptions Options { get; private set; } = null!;

    public async Task OnGetAsync() => Options = await ListingFormOptions.LoadAsync(db, cache, "");

    public async Task<IActionResult> OnPostAsync()
    {
        // Ids from the form are looked up through the town's filtered sets: another town's id is refused, not stored.
        if (Input.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId && !c.IsRetired))
        {
            ModelState.AddModelError("Input.CategoryId", l["Validation_Invalid"]);
        }

        if (Input.DistrictId is { } districtId && !await db.Districts.AnyAsync(d => d.Id == districtId))
        {
            ModelState.AddModelError("Input.DistrictId", l["Validation_Invalid"]);
        }

        foreach (var (field, key) in Input.Check())
        {
            ModelState.AddModelError("Input." + field, l[key]);
        }

        if (!ModelState.IsValid)
        {
            Options = await ListingFormOptions.LoadAsync(db, cache, "");
            return this.InvalidForm();
        }

        var id = await desk.CreateAsync(Input, member.UserId!);
        TempData[HtmxResults.StatusKey] = l["Intake_Saved"].Value;
        return RedirectToPage("Slip", new { id });
    }
}
