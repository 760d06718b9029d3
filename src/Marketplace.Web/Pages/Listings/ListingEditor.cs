using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Listings;

/// <summary>
/// Validates a listing form against the town's data and applies it with its photos. Ids from the form are
/// looked up through the tenant-filtered sets, so a tampered id of another town is refused, not stored.
/// </summary>
public sealed class ListingEditor(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public const int PostsPerHour = 10;

    public async Task<CategoryKind?> ValidateAsync(ListingInput input, string userId, ModelStateDictionary modelState)
    {
        var category = input.CategoryId is { } categoryId
            ? await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == categoryId && !c.IsRetired)
            : null;
        if (input.CategoryId is not null && category is null)
        {
            modelState.AddModelError("Input.CategoryId", l["Validation_Invalid"]);
        }

        if (input.DistrictId is { } districtId && !await db.Districts.AnyAsync(d => d.Id == districtId))
        {
            modelState.AddModelError("Input.DistrictId", l["Validation_Invalid"]);
        }

        if (input.OrganisationId is { } organisationId
            && (await ListingFormOptions.PostableOrganisationsAsync(db, userId)).All(o => o.Id != organisationId))
        {
            modelState.AddModelError("Input.OrganisationId", l["Listings_NotYourOrganisation"]);
        }

        foreach (var (field, key) in input.Check(category?.Kind ?? CategoryKind.General))
        {
            modelState.AddModelError("Input." + field, l[key]);
        }

        return category?.Kind;
    }

    /// <summary>
    /// Contact details about to become readable by others that the poster has not confirmed yet: the form comes back with
    /// a warning at each field and a "publish anyway" choice. A draft stays private, so it is saved without asking.
    /// </summary>
    public static IReadOnlyList<ContactWarning> UnconfirmedContactDetails(ListingInput input, bool becomesVisible) =>
        becomesVisible && !input.PublishAnyway ? input.ContactWarnings() : [];

    /// <summary>
    /// Re-encodes the uploads beside the photos the listing keeps. Too many are refused before any file is read; a file
    /// that is not a usable photo adds its own message at the field.
    /// </summary>
    public async Task<List<ProcessedPhoto>> ProcessPhotosAsync(IReadOnlyList<IFormFile> photos, int keptPhotos, ModelStateDictionary modelState)
    {
        if (ImageUploadGuard.TooMany(photos, keptPhotos, Listing.MaxPhotos))
        {
            modelState.AddModelError("Photos", l["Listings_TooManyPhotos", Listing.MaxPhotos]);
            return [];
        }

        var processed = new List<ProcessedPhoto>();
        foreach (var file in photos.Where(f => f.Length > 0))
        {
            var (photo, error) = await PhotoProcessor.ProcessAsync(file);
            if (photo is not null)
            {
                processed.Add(photo);
                continue;
            }

            var message = error switch
            {
                ImageUploadError.TooLarge => l["Listings_PhotoTooLarge", file.FileName],
                ImageUploadError.TooManyPixels => l["Upload_ImageTooManyPixels", file.FileName, ImageUploadGuard.MaxMegapixels],
                _ => l["Listings_PhotoFormat", file.FileName],
            };
            modelState.AddModelError("Photos", message);
        }

        return processed;
    }

    public async Task<bool> PostedTooManyAsync(string userId)
    {
        var since = clock.GetUtcNow().AddHours(-1);
        return await db.Listings.CountAsync(x => x.PosterUserId == userId && x.CreatedAt > since) >= PostsPerHour;
    }

    public static void AddPhotos(Listing listing, IEnumerable<ProcessedPhoto> photos)
    {
        var next = listing.Photos.Count == 0 ? 0 : listing.Photos.Max(p => p.SortOrder) + 1;
        foreach (var photo in photos)
        {
            listing.Photos.Add(new ListingPhoto
            {
                ContentType = photo.ContentType, Data = photo.Data, Width = photo.Width, Height = photo.Height, SortOrder = next++,
            });
        }
    }
}
