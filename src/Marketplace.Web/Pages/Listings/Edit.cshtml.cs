using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Listings;

/// <summary>The poster edits their listing; anyone else gets 404, as if it did not exist.</summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class EditModel(AppDbContext db, IMemoryCache cache, ListingEditor editor, CurrentMember member, TimeProvider clock,
    IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    [BindProperty]
    public ListingInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [BindProperty]
    public List<int> RemovePhotoIds { get; set; } = [];

    public ListingFormOptions Options { get; private set; } = null!;
    public IReadOnlyList<int> PhotoIds { get; private set; } = [];
    public int Id { get; private set; }

    /// <summary>Fields that seem to give away contact details, shown until the poster confirms or removes them.</summary>
    public IReadOnlyList<ContactWarning> ContactWarnings { get; private set; } = [];

    /// <summary>Whether the refused post carried photos, which the browser does not send again by itself.</summary>
    public bool PhotosToChooseAgain { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var listing = await OwnListingAsync(id);
        if (listing is null)
        {
            return NotFound();
        }

        Input = ListingInput.From(listing);
        await LoadAsync(listing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var listing = await OwnListingAsync(id);
        if (listing is null)
        {
            return NotFound();
        }

        if (!await member.CanParticipateAsync())
        {
            return Forbid();
        }

        var kept = listing.Photos.Count(p => !RemovePhotoIds.Contains(p.Id));
        var kind = await editor.ValidateAsync(Input, member.UserId!, ModelState);
        var photos = await editor.ProcessPhotosAsync(Photos, kept, ModelState);
        ContactWarnings = ListingEditor.UnconfirmedContactDetails(Input, listing.Status != ListingStatus.Draft);
        if (!ModelState.IsValid || ContactWarnings.Count > 0)
        {
            PhotosToChooseAgain = Photos.Any(f => f.Length > 0);
            await LoadAsync(listing);
            return this.InvalidForm();
        }

        Input.ApplyTo(listing, kind!.Value);
        listing.Photos.RemoveAll(p => RemovePhotoIds.Contains(p.Id));
        ListingEditor.AddPhotos(listing, photos);
        listing.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Listings_Saved"].Value;
        return RedirectToPage("Details", new { id });
    }

    private Task<Listing?> OwnListingAsync(int id)
    {
        var userId = member.UserId;
        return db.Listings.Include(x => x.Photos).SingleOrDefaultAsync(x => x.Id == id && x.PosterUserId == userId);
    }

    private async Task LoadAsync(Listing listing)
    {
        Id = listing.Id;
        Options = await ListingFormOptions.LoadAsync(db, cache, member.UserId!);
        PhotoIds = listing.Photos.OrderBy(p => p.SortOrder).Select(p => p.Id).ToList();
    }
}
