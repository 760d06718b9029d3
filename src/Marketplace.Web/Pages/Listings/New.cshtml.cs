using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Listings;

[Authorize(Policy = Policies.TownMember)]
public sealed class NewModel(AppDbContext db, IMemoryCache cache, ListingEditor editor, CurrentMember member, ITenantContext tenant,
    TimeProvider clock, IStringLocalizer<Resources.SharedResource> l, Web.Gaps.SupplyFactRecorder facts) : PageModel
{
    [BindProperty]
    public ListingInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public ListingFormOptions Options { get; private set; } = null!;
    public bool IsBlocked { get; private set; }

    /// <summary>Fields that seem to give away contact details, shown until the poster confirms or removes them.</summary>
    public IReadOnlyList<ContactWarning> ContactWarnings { get; private set; } = [];

    /// <summary>Whether the refused post carried photos, which the browser does not send again by itself.</summary>
    public bool PhotosToChooseAgain { get; private set; }

    /// <summary>Type, category and district may come preselected, e.g. from the public gap page's "You can help here".</summary>
    public async Task OnGetAsync(ListingType? type, int? category, int? district)
    {
        Input.Type = type;
        Input.CategoryId = category;
        Input.DistrictId = district;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync(bool publish = true)
    {
        var userId = member.UserId!;
        if (!await member.CanParticipateAsync())
        {
            return Forbid();
        }

        if (await editor.PostedTooManyAsync(userId))
        {
            ModelState.AddModelError(string.Empty, l["Listings_RateLimited", ListingEditor.PostsPerHour]);
            await LoadAsync();
            var limited = Page();
            limited.StatusCode = StatusCodes.Status429TooManyRequests;
            return limited;
        }

        var kind = await editor.ValidateAsync(Input, userId, ModelState);
        var photos = await editor.ProcessPhotosAsync(Photos, keptPhotos: 0, ModelState);
        ContactWarnings = ListingEditor.UnconfirmedContactDetails(Input, publish);
        if (!ModelState.IsValid || ContactWarnings.Count > 0)
        {
            PhotosToChooseAgain = Photos.Any(f => f.Length > 0);
            await LoadAsync();
            return this.InvalidForm();
        }

        var now = clock.GetUtcNow();
        var listing = new Listing { PosterUserId = userId, Title = "", Description = "", Status = ListingStatus.Draft, CreatedAt = now, UpdatedAt = now };
        Input.ApplyTo(listing, kind!.Value);
        ListingEditor.AddPhotos(listing, photos);
        if (publish)
        {
            var lifetime = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ListingLifetimeDays).SingleAsync();
            ListingLifecycle.Apply(listing, ListingAction.Publish, now, lifetime);
        }

        // The publication's fact needs the listing's number: both commit together.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        await facts.AddChangeAsync(listing, wasOpen: false);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData[HtmxResults.StatusKey] = l[publish ? "Listings_Published" : "Listings_DraftSaved"].Value;
        return RedirectToPage("Details", new { id = listing.Id });
    }

    private async Task LoadAsync()
    {
        Options = await ListingFormOptions.LoadAsync(db, cache, member.UserId!);
        IsBlocked = await member.IsBlockedAsync();
    }
}
