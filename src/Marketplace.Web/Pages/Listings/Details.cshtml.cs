using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Listings;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Listings;

/// <summary>
/// One listing. Everyone sees published ones; drafts and hidden ones only the poster (and, if hidden, the
/// coordinators). The poster also gets the lifecycle actions here. A listing in office mode (<see cref="OfficeMode"/>)
/// shows others only category, district, title and dates, and offers "ask the coordination office" instead of a message.
/// </summary>
public sealed class DetailsModel(AppDbContext db, CurrentMember member, ITenantContext tenant, TimeProvider clock,
    IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    public ListingView Listing { get; private set; } = null!;
    public IReadOnlyList<(string UserId, string UserName)> Counterparts { get; private set; } = [];
    public bool IsOwner { get; private set; }
    public bool CanRespond { get; private set; }

    /// <summary>Responses go to the coordination office (<see cref="OfficeMode"/>).</summary>
    public bool ViaOffice { get; private set; }

    /// <summary>In office mode for someone other than the poster or a coordinator: only the summary is shown.</summary>
    public bool SummaryOnly { get; private set; }

    /// <summary>Signed in, not the poster, and the listing takes inquiries; whether this member may is checked on posting.</summary>
    public bool CanInquire { get; private set; }

    /// <summary>This member asked the office about the listing and the office has not handled it yet.</summary>
    public bool InquiryOpen { get; private set; }

    public InquiryInput Inquiry { get; private set; } = new();

    /// <summary>Why this member may not ask the office (blocked, own listing); shown instead of the form.</summary>
    public string? InquiryRefusal { get; private set; }
    public IReadOnlyList<(int HouseholdSize, bool Within)> RentCheck { get; private set; } = [];

    public sealed record ListingView(
        int Id, ListingType Type, ListingStatus Status, string Title, string Description, string CategoryIcon, string CategoryName,
        string District, string PosterName, int? OrganisationId, bool OrganisationVerified, IReadOnlyList<string> Languages,
        int? Quantity, DateOnly? AvailableFrom, DateOnly? AvailableUntil, int? Rooms, decimal? Area, decimal? WarmRent,
        WorkKind? WorkKind, decimal? HoursPerWeek, DateTimeOffset? PublishedAt, DateTimeOffset? ExpiresAt, bool IsHidden,
        IReadOnlyList<int> PhotoIds)
    {
        public bool Allows(ListingAction action) => ListingLifecycle.IsAllowed(action, Status);
    }

    public sealed class InquiryInput
    {
        private string _message = "";

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(OfficeInquiry.MessageMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Office_Field_InquiryMessage")]
        public string Message
        {
            get => _message;

            // Line breaks as a single "\n", so the length matches what the browser counted.
            set => _message = value?.ReplaceLineEndings("\n") ?? "";
        }
    }

    public Task<IActionResult> OnGetAsync(int id) => ShowAsync(id, StatusCodes.Status200OK);

    private async Task<IActionResult> ShowAsync(int id, int statusCode)
    {
        var listing = await LoadAsync(id);
        if (listing is null)
        {
            return NotFound();
        }

        var userId = member.UserId;
        IsOwner = userId is not null && listing.PosterUserId == userId;
        var isCoordinator = await member.IsAtLeastAsync(TownRole.Coordinator);
        var now = clock.GetUtcNow();
        var status = ListingLifecycle.EffectiveStatus(listing.Status, listing.ExpiresAt, now);
        if ((status == ListingStatus.Draft && !IsOwner) || (listing.IsHidden && !IsOwner && !isCoordinator))
        {
            return NotFound();
        }

        ViaOffice = await OfficeMode.IsOnAsync(db, id);
        SummaryOnly = ViaOffice && !IsOwner && !isCoordinator;
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Listing = new ListingView(listing.Id, listing.Type, status, listing.Title, listing.Description, listing.Category!.Icon,
            listing.Category.NameIn(culture), listing.District!.Name,
            listing.Organisation?.Name ?? listing.Poster!.UserName!, listing.OrganisationId,
            listing.Organisation?.Status == OrganisationStatus.Approved, Localization.SpokenLanguages.Unpack(listing.Languages),
            listing.Quantity, listing.AvailableFrom, listing.AvailableUntil, listing.Rooms, listing.AreaSquareMetres,
            listing.WarmRentCents is { } warmRent ? Money.ToEuros(warmRent) : null,
            listing.WorkKind, listing.HoursPerWeek, listing.PublishedAt, listing.ExpiresAt, listing.IsHidden,
            listing.Photos.OrderBy(p => p.SortOrder).Select(p => p.Id).ToList());
        if (SummaryOnly)
        {
            // Only what the issue allows the public in office mode: nothing that identifies the poster or the place.
            Listing = Listing with
            {
                Description = "", PosterName = "", OrganisationId = null, OrganisationVerified = false, Languages = [], Quantity = null,
                Rooms = null, Area = null, WarmRent = null, WorkKind = null, HoursPerWeek = null, PhotoIds = [],
            };
        }

        var open = status == ListingStatus.Published && !listing.IsHidden;
        CanRespond = userId is not null && !IsOwner && open && !ViaOffice;
        CanInquire = userId is not null && !IsOwner && open && ViaOffice;
        if (CanInquire)
        {
            InquiryOpen = await db.OfficeInquiries.AnyAsync(i => i.ListingId == id && i.UserId == userId && i.HandledAt == null);
            if (!await member.CanParticipateAsync())
            {
                InquiryRefusal = l["Office_InquiryNotAllowed"];
            }
        }

        if (Listing.WarmRent is { } rent)
        {
            var rentCents = Money.ToCents(rent);
            RentCheck = (await db.RentLimits.AsNoTracking().OrderBy(r => r.HouseholdSize)
                    .Select(r => new { r.HouseholdSize, Within = rentCents <= r.MaxWarmRentCents }).ToListAsync())
                .Select(r => (r.HouseholdSize, r.Within)).ToList();
        }

        if (IsOwner)
        {
            Counterparts = (await db.Conversations.AsNoTracking().Where(c => c.ListingId == id)
                    .Select(c => new { c.RespondentUserId, c.Respondent!.UserName }).ToListAsync())
                .Select(c => (c.RespondentUserId, c.UserName!)).ToList();
        }

        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }

    /// <summary>
    /// "Ask the coordination office": the question goes to the office's inquiry list, never to the poster, and no
    /// conversation is opened. One open question per member and listing; the office answers outside the platform.
    /// </summary>
    public async Task<IActionResult> OnPostInquireAsync(int id, [Bind(Prefix = nameof(Inquiry))] InquiryInput inquiry)
    {
        var userId = member.UserId;
        if (userId is null)
        {
            return Challenge();
        }

        var listing = await db.Listings.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.PosterUserId, x.Status, x.ExpiresAt, x.IsHidden }).SingleOrDefaultAsync();
        if (listing is null || listing.IsHidden
            || ListingLifecycle.EffectiveStatus(listing.Status, listing.ExpiresAt, clock.GetUtcNow()) != ListingStatus.Published
            || !await OfficeMode.IsOnAsync(db, id))
        {
            return NotFound();
        }

        if (listing.PosterUserId == userId || !await member.CanParticipateAsync())
        {
            return await ShowAsync(id, StatusCodes.Status403Forbidden);
        }

        if (await db.OfficeInquiries.AnyAsync(i => i.ListingId == id && i.UserId == userId && i.HandledAt == null))
        {
            TempData["Status"] = l["Office_InquiryAlreadyOpen"].Value;
            return RedirectToPage(new { id });
        }

        if (!ModelState.IsValid)
        {
            var result = await ShowAsync(id, StatusCodes.Status422UnprocessableEntity);
            Inquiry = inquiry;
            return result;
        }

        db.OfficeInquiries.Add(new OfficeInquiry
        {
            ListingId = id, UserId = userId, Message = inquiry.Message.Trim(), CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        TempData["Status"] = l["Office_InquirySent"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Where a quick action from another page (e.g. /me) returns to; only local addresses.</summary>
    [BindProperty(SupportsGet = false)]
    public string? ReturnUrl { get; set; }

    public Task<IActionResult> OnPostPublishAsync(int id) => ApplyAsync(id, ListingAction.Publish);
    public Task<IActionResult> OnPostPauseAsync(int id) => ApplyAsync(id, ListingAction.Pause);
    public Task<IActionResult> OnPostResumeAsync(int id) => ApplyAsync(id, ListingAction.Resume);
    public Task<IActionResult> OnPostRenewAsync(int id) => ApplyAsync(id, ListingAction.Renew);
    public Task<IActionResult> OnPostCloseAsync(int id) => ApplyAsync(id, ListingAction.Close);

    /// <summary>Marks the listing fulfilled and records a match, with the conversation partner the poster names (if any).</summary>
    public Task<IActionResult> OnPostFulfilAsync(int id, string? counterpartUserId) =>
        ApplyAsync(id, ListingAction.Fulfil, async listing =>
        {
            var conversation = counterpartUserId is null ? null
                : await db.Conversations.SingleOrDefaultAsync(c => c.ListingId == id && c.RespondentUserId == counterpartUserId);
            db.Matches.Add(new Match
            {
                ListingId = listing.Id,
                CounterpartUserId = conversation?.RespondentUserId,
                ConversationId = conversation?.Id,
                Source = MatchSource.Marketplace,
                CreatedAt = clock.GetUtcNow(),
            });
        });

    private async Task<IActionResult> ApplyAsync(int id, ListingAction action, Func<Listing, Task>? alsoDo = null)
    {
        var userId = member.UserId;
        var listing = userId is null ? null : await db.Listings.SingleOrDefaultAsync(x => x.Id == id && x.PosterUserId == userId);
        if (listing is null)
        {
            return NotFound();
        }

        var lifetime = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ListingLifetimeDays).SingleAsync();
        IActionResult Back() => Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage(new { id });
        if (!ListingLifecycle.Apply(listing, action, clock.GetUtcNow(), lifetime))
        {
            TempData["Status"] = l["Listings_ActionNotAllowed"].Value;
            return Back();
        }

        if (alsoDo is not null)
        {
            await alsoDo(listing);
        }

        await db.SaveChangesAsync();
        TempData["Status"] = l["Listings_Done_" + action].Value;
        return Back();
    }

    private Task<Listing?> LoadAsync(int id) =>
        db.Listings.AsNoTracking().AsSplitQuery()
            .Include(x => x.Category).Include(x => x.District).Include(x => x.Poster).Include(x => x.Organisation)
            .Include(x => x.Photos.OrderBy(p => p.SortOrder))
            .SingleOrDefaultAsync(x => x.Id == id);
}
