using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Listings;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Listings;

/// <summary>
/// One listing, as much of it as <see cref="ListingVisibility"/> lets the reader see: the head (type, category, district,
/// title, dates) to everyone who may see it at all, the body (description, poster, languages, facts, photos) unless it is
/// only the office-mode summary. Each part is its own query, so a reader's query never reads what they may not see. The
/// poster also gets the lifecycle actions here; a listing in office mode offers "ask the coordination office" instead of
/// a message.
/// </summary>
public sealed class DetailsModel(AppDbContext db, CurrentMember member, ITenantContext tenant, TimeProvider clock,
    IStringLocalizer<Resources.SharedResource> l, Matching.MatchFulfilment fulfilment) : PageModel
{
    public ListingHead Listing { get; private set; } = null!;

    /// <summary>Null when the reader sees only the office-mode summary.</summary>
    public ListingBody? Body { get; private set; }
    public IReadOnlyList<(string UserId, string UserName)> Counterparts { get; private set; } = [];
    public bool IsOwner { get; private set; }
    public bool CanRespond { get; private set; }

    /// <summary>Responses go to the coordination office (<see cref="OfficeMode"/>).</summary>
    public bool ViaOffice { get; private set; }

    /// <summary>Signed in, not the poster, and the listing takes inquiries; whether this member may is checked on posting.</summary>
    public bool CanInquire { get; private set; }

    /// <summary>This member asked the office about the listing and the office has not handled it yet.</summary>
    public bool InquiryOpen { get; private set; }

    public InquiryInput Inquiry { get; private set; } = new();

    /// <summary>Why this member may not ask the office (blocked, own listing); shown instead of the form.</summary>
    public string? InquiryRefusal { get; private set; }
    public IReadOnlyList<(int HouseholdSize, bool Within)> RentCheck { get; private set; } = [];

    /// <summary>What everyone who may see the listing sees, also in office mode: type, category, district, title and dates.</summary>
    public sealed record ListingHead(
        int Id, ListingType Type, ListingStatus Status, string Title, string CategoryIcon, string CategoryName, string District,
        DateOnly? AvailableFrom, DateOnly? AvailableUntil, DateTimeOffset? PublishedAt, DateTimeOffset? ExpiresAt, bool IsHidden)
    {
        public bool Allows(ListingAction action) => ListingLifecycle.IsAllowed(action, Status);
    }

    /// <summary>The rest, for <see cref="ListingSight.Public"/> and <see cref="ListingSight.Insider"/> readers only.</summary>
    public sealed record ListingBody(
        string Description, string PosterName, int? OrganisationId, bool OrganisationVerified, IReadOnlyList<string> Languages,
        int? Quantity, int? Rooms, decimal? Area, decimal? WarmRent, WorkKind? WorkKind, decimal? HoursPerWeek, IReadOnlyList<int> PhotoIds);

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
        var userId = member.UserId;
        var now = clock.GetUtcNow();
        var (sight, facts) = await ListingVisibility.SightAsync(db, id, await ListingVisibility.ReaderAsync(member), now);
        if (sight == ListingSight.None || facts is null)
        {
            return NotFound();
        }

        IsOwner = facts.ByReader;
        ViaOffice = facts.InOfficeMode;
        Listing = await LoadHeadAsync(id, now);
        Body = sight == ListingSight.Summary ? null : await LoadBodyAsync(id);
        var status = Listing.Status;
        var open = status == ListingStatus.Published && !Listing.IsHidden;
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

        if (Body?.WarmRent is { } rent)
        {
            var rentCents = Money.ToCents(rent);
            RentCheck = (await db.RentLimits.AsNoTracking().OrderBy(r => r.HouseholdSize)
                    .Select(r => new { r.HouseholdSize, Within = rentCents <= r.MaxWarmRentCents }).ToListAsync())
                .Select(r => (r.HouseholdSize, r.Within)).ToList();
        }

        if (IsOwner)
        {
            Counterparts = await fulfilment.CounterpartsAsync(id);
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

        var now = clock.GetUtcNow();
        var (sight, listing) = await ListingVisibility.SightAsync(db, id, await ListingVisibility.ReaderAsync(member), now);
        if (sight == ListingSight.None || listing is null || listing.IsHidden || !listing.InOfficeMode
            || ListingLifecycle.EffectiveStatus(listing.Status, listing.ExpiresAt, now) != ListingStatus.Published)
        {
            return NotFound();
        }

        if (listing.ByReader || !await member.CanParticipateAsync())
        {
            return await ShowAsync(id, StatusCodes.Status403Forbidden);
        }

        if (await db.OfficeInquiries.AnyAsync(i => i.ListingId == id && i.UserId == userId && i.HandledAt == null))
        {
            TempData[HtmxResults.StatusKey] = l["Office_InquiryAlreadyOpen"].Value;
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
        // No status line: the inquiry section of the page says it, once.
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

    /// <summary>Marks the listing fulfilled and records with whom (<see cref="Matching.MatchFulfilment"/>).</summary>
    public Task<IActionResult> OnPostFulfilAsync(int id, string? counterpartUserId) =>
        ApplyAsync(id, ListingAction.Fulfil, listing => fulfilment.RecordAsync(listing, counterpartUserId));

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
            TempData[HtmxResults.StatusKey] = l["Listings_ActionNotAllowed"].Value;
            return Back();
        }

        if (alsoDo is not null)
        {
            await alsoDo(listing);
        }

        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Listings_Done_" + action].Value;
        return Back();
    }

    private async Task<ListingHead> LoadHeadAsync(int id, DateTimeOffset now)
    {
        var head = await db.Listings.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Type, x.Status, x.Title, x.Category!.Icon, x.Category.Key, x.Category.Names, District = x.District!.Name, x.AvailableFrom, x.AvailableUntil,
                x.PublishedAt, x.ExpiresAt, x.IsHidden,
            })
            .SingleAsync();
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return new ListingHead(head.Id, head.Type, ListingLifecycle.EffectiveStatus(head.Status, head.ExpiresAt, now), head.Title, head.Icon,
            new Category { Key = head.Key, Names = head.Names }.NameIn(culture), head.District,
            head.AvailableFrom, head.AvailableUntil, head.PublishedAt, head.ExpiresAt, head.IsHidden);
    }

    private async Task<ListingBody> LoadBodyAsync(int id)
    {
        var body = await db.Listings.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Description,
                PosterName = x.Organisation != null ? x.Organisation.Name : x.Poster!.UserName,
                x.OrganisationId,
                OrganisationVerified = x.Organisation != null && x.Organisation.Status == OrganisationStatus.Approved,
                x.Languages, x.Quantity, x.Rooms, x.AreaSquareMetres, x.WarmRentCents, x.WorkKind, x.HoursPerWeek,
                PhotoIds = x.Photos.OrderBy(p => p.SortOrder).Select(p => p.Id).ToList(),
            })
            .SingleAsync();
        return new ListingBody(body.Description, body.PosterName ?? "", body.OrganisationId, body.OrganisationVerified,
            Localization.SpokenLanguages.Unpack(body.Languages), body.Quantity, body.Rooms, body.AreaSquareMetres, body.WarmRentCents is { } warmRent ? Money.ToEuros(warmRent) : null, body.WorkKind,
            body.HoursPerWeek, body.PhotoIds);
    }
}
