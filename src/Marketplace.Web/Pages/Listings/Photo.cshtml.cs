using Marketplace.Web.Data;
using Marketplace.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Listings;

/// <summary>
/// Serves a listing's photo to those who see more of the listing than its summary (<see cref="ListingVisibility.ShowsPhotos"/>);
/// to everyone else, and for another town's photo, a 404.
/// </summary>
public sealed class PhotoModel(AppDbContext db, Security.CurrentMember member, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var listingId = await db.ListingPhotos.Where(p => p.Id == id).Select(p => (int?)p.ListingId).SingleOrDefaultAsync();
        if (listingId is null)
        {
            return NotFound();
        }

        var (sight, _) = await ListingVisibility.SightAsync(db, listingId.Value, await ListingVisibility.ReaderAsync(member), clock.GetUtcNow());
        if (!ListingVisibility.ShowsPhotos(sight))
        {
            return NotFound();
        }

        var photo = await db.ListingPhotos.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.ContentType, p.Data }).SingleAsync();
        Response.Headers.CacheControl = "private, max-age=3600";
        return File(photo.Data, photo.ContentType);
    }
}
