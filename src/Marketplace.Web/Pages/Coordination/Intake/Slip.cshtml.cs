using System.Globalization;
using Htmx;
using Marketplace.Web.Data;
using Marketplace.Web.Localization;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Intake;

/// <summary>
/// The printed slip the person takes home: the town, the reference code, what they asked for and what to do next,
/// in their language. It names nobody, so a lost slip gives away no one's data (the id is the intake's id).
/// </summary>
public sealed class SlipModel(AppDbContext db, ITenantContext tenant, TenantLinks links) : PageModel
{
    public View Slip { get; private set; } = null!;

    public sealed record View(int Id, string Code, string Title, DateTimeOffset CreatedAt, string TownName, string ClaimUrl,
        string ContactEmail, string? ContactPhone, string? ContactAddress);

    /// <summary>The person's language; the view renders in it, the layout-free page sets its own direction.</summary>
    public CultureInfo Culture { get; private set; } = CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var intake = await db.IntakeContacts.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new
            {
                i.Id, i.ReferenceCode, i.Culture, i.CreatedAt,
                Title = db.Listings.Where(l => l.Id == i.ListingId).Select(l => l.Title).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (intake is null)
        {
            return NotFound();
        }

        // A boosted request (htmx following the intake form's redirect) would swap in the body alone, without the slip's
        // stylesheet, language and direction: have the browser load it as the page of its own it is.
        if (Request.IsHtmxBoosted())
        {
            Response.Htmx(h => h.Redirect(Request.Path));
            return new OkResult();
        }

        var town = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.TenantId)
            .Select(t => new { t.Name, t.Slug, t.ContactEmail, t.ContactPhone, t.ContactAddress }).SingleAsync();
        Culture = Cultures.Get(Cultures.IsSupported(intake.Culture) ? intake.Culture : tenant.Tenant!.DefaultCulture);
        Slip = new View(intake.Id, intake.ReferenceCode, intake.Title ?? "", intake.CreatedAt, town.Name, links.TownUrl(town.Slug, "/claim"),
            town.ContactEmail, town.ContactPhone, town.ContactAddress);
        return Page();
    }
}
