using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Listings;

/// <summary>Serves a listing's photo under the same visibility as the listing itself (in office mode: poster and coordinators only); never another town's.</summary>
public sealed class PhotoModel(AppDbContext db, Security.CurrentMember member) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var userId = member.UserId;
        var photo = await db.ListingPhotos.AsNoTracking()
            .Where(p => p.Id == id)
            .Join(db.Listings, p => p.ListingId, l => l.Id, (p, l) => new { p.ContentType, p.Data, p.ListingId, l.Status, l.IsHidden, l.PosterUserId })
            .SingleOrDefaultAsync();
        if (photo is null)
        {
            return NotFound();
        }

        var isOwner = userId is not null && photo.PosterUserId == userId;
        if (!isOwner && (photo.Status == ListingStatus.Draft || (photo.IsHidden && !await member.IsAtLeastAsync(TownRole.Coordinator))))
        {
            return NotFound();
        }

        // In office mode photos are for the poster and the office only (they can show the person or the place).
        if (!isOwner && await OfficeMode.IsOnAsync(db, photo.ListingId) && !await member.IsAtLeastAsync(TownRole.Coordinator))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return File(photo.Data, photo.ContentType);
    }
}
