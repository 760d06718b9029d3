using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Listings;
using Marketplace.Web.Localization;
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
/// poster also gets the lifecycle actions here (closing asks first, see <see cref="Confirmation"/>; a blocked poster keeps
/// only those that withdraw the listing) and the office's last moderation decision with its reason; a listing in office
/// mode offers "ask the coordination office" instead of a message.
/// </summary>
public sealed class DetailsModel(AppDbContext db, CurrentMember member, ITenantContext tenant, TimeProvider clock, TownClock townClock,
    IStringLocalizer<Resources.SharedResource> l, Matching.MatchFulfilment fulfilment, PublicListingCache publicAnswers, Web.Gaps.SupplyFactRecorder facts) : PageModel
{
    public ListingHead Listing { get; private set; } = null!;

    /// <summary>Null when the reader sees only the office-mode summary.</summary>
    public ListingBody? Body { get; private set; }
    public IReadOnlyList<(string UserId, string UserName)> Counterparts { get; private set; } = [];
    public bool IsOwner { get; private set; }
    public bool CanRespond { get; private set; }

    /// <summary>Whether the reader may take part in the town (<see cref="CurrentMember.CanParticipateAsync"/>).</summary>
    public bool CanParticipate { get; private set; }

    /// <summary>The office's last decision on the poster's listing, for the poster; null while none was taken (or for anyone else).</summary>
    public ModerationNotice? Moderation { get; private set; }

    private int _lifetimeDays;
    private DateTimeOffset _now;

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
        DateOnly? AvailableFrom, DateOnly? AvailableUntil, DateTimeOffset? PublishedAt, DateTimeOffset? ExpiresAt, bool IsHidden);

    /// <summary>A coordinator's decision (hide, restore, close) on the listing, with the reason the poster reads.</summary>
    public sealed record ModerationNotice(ModerationActionKind Kind, string? Reason, DateTimeOffset At);

    /// <summary>The poster's actions offered now: by the listing's state and end, and only those that withdraw it for a blocked poster.</summary>
    public bool Offers(ListingAction action) =>
        ListingLifecycle.IsOffered(action, Listing.Status, Listing.ExpiresAt, _now, _lifetimeDays)
        && (CanParticipate || !ListingLifecycle.MakesVisible(action));

    /// <summary>The rest, for <see cref="ListingSight.Public"/> and <see cref="ListingSight.Insider"/> readers only.</summary>
    public sealed record ListingBody(
        string Description, string PosterName, int? OrganisationId, bool OrganisationVerified, IReadOnlyList<string> Languages,
        int? Quantity, int? Rooms, decimal? Area, decimal? WarmRent, WorkKind? WorkKind, decimal? HoursPerWeek, IReadOnlyList<int> PhotoIds,
        DayParts DayParts);

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
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }

    /// <summary>Loads what the page shows this reader; false when the reader may not see the listing at all.</summary>
    private async Task<bool> LoadAsync(int id)
    {
        var userId = member.UserId;
        var now = clock.GetUtcNow();
        _now = now;
        var view = userId is null
            // A signed-out reader sees what every signed-out reader sees (Listings/PublicListingCache).
            ? await publicAnswers.GetOrLoadAsync(db.CurrentTenantId, (nameof(DetailsModel), id, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName),
                () => LoadViewAsync(id, ListingReader.Anonymous, now))
            : await LoadViewAsync(id, await ListingVisibility.ReaderAsync(member), now);
        if (view is null)
        {
            return false;
        }

        var facts = view.Facts;
        IsOwner = facts.ByReader;
        ViaOffice = facts.InOfficeMode;
        Listing = view.Head;
        Body = view.Body;
        RentCheck = view.RentCheck;
        var status = Listing.Status;
        var open = status == ListingStatus.Published && !Listing.IsHidden;
        CanRespond = userId is not null && !IsOwner && open && !ViaOffice;
        CanInquire = userId is not null && !IsOwner && open && ViaOffice;
        CanParticipate = await member.CanParticipateAsync();
        if (CanInquire)
        {
            InquiryOpen = await db.OfficeInquiries.AnyAsync(i => i.ListingId == id && i.UserId == userId && i.HandledAt == null);
            if (!CanParticipate)
            {
                InquiryRefusal = l["Office_InquiryNotAllowed"];
            }
        }

        if (IsOwner)
        {
            Counterparts = await fulfilment.CounterpartsAsync(id);
            _lifetimeDays = await LifetimeDaysAsync();
            Moderation = await LastDecisionAsync(id);
        }

        return true;
    }

    /// <summary>What this reader may see of the listing (no body in office mode's summary); null when nothing.</summary>
    private sealed record ListingView(ListingFacts Facts, ListingHead Head, ListingBody? Body, IReadOnlyList<(int HouseholdSize, bool Within)> RentCheck);

    private async Task<ListingView?> LoadViewAsync(int id, ListingReader reader, DateTimeOffset now)
    {
        var (sight, facts) = await ListingVisibility.SightAsync(db, id, reader, now);
        if (sight == ListingSight.None || facts is null)
        {
            return null;
        }

        var head = await LoadHeadAsync(id, now);
        var body = sight == ListingSight.Summary ? null : await LoadBodyAsync(id);
        IReadOnlyList<(int HouseholdSize, bool Within)> rentCheck = [];
        if (body?.WarmRent is { } rent)
        {
            var rentCents = Money.ToCents(rent);
            rentCheck = (await db.RentLimits.AsNoTracking().OrderBy(r => r.HouseholdSize)
                    .Select(r => new { r.HouseholdSize, Within = rentCents <= r.MaxWarmRentCents }).ToListAsync())
                .Select(r => (r.HouseholdSize, r.Within)).ToList();
        }

        return new ListingView(facts, head, body, rentCheck);
    }

    /// <summary>
    /// The latest moderation step on the listing, if a coordinator took it: after an automatic hide (or none) the poster
    /// still waits for the office. Dismissed reports change nothing the poster sees.
    /// </summary>
    private async Task<ModerationNotice?> LastDecisionAsync(int id)
    {
        var targetId = id.ToString(CultureInfo.InvariantCulture);
        var last = await db.ModerationActions.AsNoTracking()
            .Where(a => a.TargetType == ReportTarget.Listing && a.TargetId == targetId
                && (a.Kind == ModerationActionKind.AutoHide || a.Kind == ModerationActionKind.Hide
                    || a.Kind == ModerationActionKind.Restore || a.Kind == ModerationActionKind.Close))
            .OrderByDescending(a => a.Id)
            .Select(a => new ModerationNotice(a.Kind, a.Reason, a.At))
            .FirstOrDefaultAsync();
        return last is { Kind: not ModerationActionKind.AutoHide } ? last : null;
    }

    private Task<int> LifetimeDaysAsync() => db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ListingLifetimeDays).SingleAsync();

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
    /// <summary>Closing cannot be undone: the first post asks (<see cref="Confirmation"/>), the confirmed one closes.</summary>
    public Task<IActionResult> OnPostCloseAsync(int id, bool confirmed) => ApplyAsync(id, ListingAction.Close, confirmed: confirmed);

    /// <summary>Marks the listing fulfilled and records with whom (<see cref="Matching.MatchFulfilment"/>).</summary>
    public Task<IActionResult> OnPostFulfilAsync(int id, string? counterpartUserId) =>
        ApplyAsync(id, ListingAction.Fulfil, listing => fulfilment.RecordAsync(listing, counterpartUserId));

    private async Task<IActionResult> ApplyAsync(int id, ListingAction action, Func<Listing, Task>? alsoDo = null, bool confirmed = true)
    {
        var userId = member.UserId;
        var listing = userId is null ? null : await db.Listings.SingleOrDefaultAsync(x => x.Id == id && x.PosterUserId == userId);
        if (listing is null)
        {
            return NotFound();
        }

        // The page then shows the poster why, in place of the actions they may no longer take.
        if (ListingLifecycle.MakesVisible(action) && !await member.CanParticipateAsync())
        {
            return await ShowAsync(id, StatusCodes.Status403Forbidden);
        }

        var lifetime = await LifetimeDaysAsync();
        var now = clock.GetUtcNow();
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        IActionResult Back() => returnUrl is not null ? LocalRedirect(returnUrl) : RedirectToPage(new { id });
        if (action == ListingAction.Close && !confirmed && ListingLifecycle.IsOffered(action, listing.Status, listing.ExpiresAt, now, lifetime))
        {
            await LoadAsync(id);
            return this.AskToConfirm(new Confirmation(
                Bidi.Text(l["Listings_ConfirmClose_Question"], listing.Title), [l["Listings_ConfirmClose_Consequence"]], l["Listings_ConfirmClose_Confirm"],
                "/Listings/Details", action.ToString(), new() { ["id"] = id.ToString(CultureInfo.InvariantCulture) }, returnUrl ?? $"/listings/{id}")
            {
                Fields = returnUrl is null ? [] : [new(nameof(ReturnUrl), returnUrl)],
            });
        }

        var wasOpen = Web.Gaps.SupplyFactRecorder.IsOpen(listing);
        if (!ListingLifecycle.Apply(listing, action, now, lifetime))
        {
            TempData[HtmxResults.StatusKey] = l["Listings_ActionNotAllowed"].Value;
            return Back();
        }

        if (alsoDo is not null)
        {
            await alsoDo(listing);
        }

        await facts.AddChangeAsync(listing, wasOpen, fulfilled: action == ListingAction.Fulfil);

        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = action == ListingAction.Renew
            ? l["Listings_Done_Renew", townClock.Local(listing.ExpiresAt!.Value).ToString("d", CultureInfo.CurrentCulture)].Value
            : l["Listings_Done_" + action].Value;
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
                x.Languages, x.Quantity, x.Rooms, x.AreaSquareMetres, x.WarmRentCents, x.WorkKind, x.HoursPerWeek, x.DayParts,
                PhotoIds = x.Photos.OrderBy(p => p.SortOrder).Select(p => p.Id).ToList(),
            })
            .SingleAsync();
        return new ListingBody(body.Description, body.PosterName ?? "", body.OrganisationId, body.OrganisationVerified,
            Localization.SpokenLanguages.Unpack(body.Languages), body.Quantity, body.Rooms, body.AreaSquareMetres, body.WarmRentCents is { } warmRent ? Money.ToEuros(warmRent) : null, body.WorkKind,
            body.HoursPerWeek, body.PhotoIds, body.DayParts);
    }
}
