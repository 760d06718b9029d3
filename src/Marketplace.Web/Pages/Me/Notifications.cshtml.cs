using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me;

/// <summary>Every mail a member (or an organisation they run) gets from this town: notifications and the digest.</summary>
public sealed class NotificationsModel(AppDbContext db, CurrentMember member, ITenantContext tenant, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public NotificationsInput Input { get; set; } = new();

    /// <summary>Set when the page edits an organisation's digest instead of the member's own.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    public string? OrganisationName { get; private set; }
    public IReadOnlyList<(int Id, string Name)> AdminOf { get; private set; } = [];
    public IReadOnlyList<(int Id, string Icon, string Name)> Categories { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    /// <summary>The town's digest hour, a wall-clock hour in <see cref="DigestZone"/> (the town's time zone).</summary>
    public TimeOnly DigestTime { get; private set; }
    public string DigestZone { get; private set; } = "";

    public sealed class NotificationsInput
    {
        public bool MessageMails { get; set; } = true;
        public bool ListingReminders { get; set; } = true;

        [EnumDataType(typeof(DigestFrequency), ErrorMessage = "Validation_Invalid")]
        [Display(Name = "Field_DigestFrequency")]
        public DigestFrequency Frequency { get; set; }

        [EnumDataType(typeof(DayOfWeek), ErrorMessage = "Validation_Invalid")]
        [Display(Name = "Field_DigestWeekday")]
        public DayOfWeek Weekday { get; set; } = DayOfWeek.Monday;

        public List<int> CategoryIds { get; set; } = [];
        public List<int> DistrictIds { get; set; } = [];
        public bool IncludeOffers { get; set; } = true;
        public bool IncludeRequests { get; set; } = true;
        public bool OnlyUnanswered { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var me = member.UserId!;
        var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(n => n.UserId == me);
        var subscription = await SubscriptionQuery().AsNoTracking().SingleOrDefaultAsync();
        Input = new NotificationsInput
        {
            MessageMails = settings?.MessageMails ?? true,
            ListingReminders = settings?.ListingReminders ?? true,
            Frequency = subscription?.Frequency ?? DigestFrequency.Off,
            Weekday = subscription?.Weekday ?? DayOfWeek.Monday,
            CategoryIds = subscription?.CategoryIds ?? [],
            DistrictIds = subscription?.DistrictIds ?? [],
            IncludeOffers = subscription?.IncludeOffers ?? true,
            IncludeRequests = subscription?.IncludeRequests ?? true,
            OnlyUnanswered = subscription?.OnlyUnanswered ?? false,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        // Only this town's categories and districts; anything else was not on the form.
        if (Input.CategoryIds.Except(Categories.Select(c => c.Id)).Any())
        {
            ModelState.AddModelError("Input.CategoryIds", l["Validation_Invalid"]);
        }

        if (Input.DistrictIds.Except(Districts.Select(d => d.Id)).Any())
        {
            ModelState.AddModelError("Input.DistrictIds", l["Validation_Invalid"]);
        }

        if (Input.Frequency != DigestFrequency.Off && !Input.IncludeOffers && !Input.IncludeRequests && !Input.OnlyUnanswered)
        {
            ModelState.AddModelError("Input.IncludeOffers", l["Notifications_ChooseKind"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var me = member.UserId!;
        if (Organisation is null)
        {
            var settings = await db.NotificationSettings.SingleOrDefaultAsync(n => n.UserId == me)
                ?? db.NotificationSettings.Add(new NotificationSettings { UserId = me }).Entity;
            settings.MessageMails = Input.MessageMails;
            settings.ListingReminders = Input.ListingReminders;
        }

        var now = clock.GetUtcNow();
        var subscription = await SubscriptionQuery().SingleOrDefaultAsync()
            ?? db.DigestSubscriptions.Add(new DigestSubscription { UserId = Organisation is null ? me : null, OrganisationId = Organisation, CreatedAt = now }).Entity;
        if (subscription.Frequency == DigestFrequency.Off && Input.Frequency != DigestFrequency.Off)
        {
            // Switched on (again): the first digest covers what is new from now, not everything since long ago.
            subscription.CreatedAt = now;
            subscription.LastSentAt = null;
        }

        subscription.Frequency = Input.Frequency;
        subscription.Weekday = Input.Weekday;
        subscription.CategoryIds = Input.CategoryIds.Distinct().Order().ToList();
        subscription.DistrictIds = Input.DistrictIds.Distinct().Order().ToList();
        subscription.IncludeOffers = Input.IncludeOffers;
        subscription.IncludeRequests = Input.IncludeRequests;
        subscription.OnlyUnanswered = Input.OnlyUnanswered;
        await db.SaveChangesAsync();

        TempData[HtmxResults.StatusKey] = l["Notifications_Saved"].Value;
        return RedirectToPage(new { Organisation });
    }

    private IQueryable<DigestSubscription> SubscriptionQuery()
    {
        var me = member.UserId!;
        return Organisation is { } organisation
            ? db.DigestSubscriptions.Where(s => s.OrganisationId == organisation)
            : db.DigestSubscriptions.Where(s => s.UserId == me);
    }

    /// <summary>False when the organisation asked for is not one this member runs (or not of this town).</summary>
    private async Task<bool> LoadAsync()
    {
        var me = member.UserId!;
        AdminOf = (await db.OrganisationMembers.AsNoTracking()
                .Where(m => m.UserId == me && m.Role == OrganisationRole.Admin && m.Organisation!.Status == OrganisationStatus.Approved)
                .OrderBy(m => m.Organisation!.Name).Select(m => new { m.OrganisationId, m.Organisation!.Name }).ToListAsync())
            .Select(o => (o.OrganisationId, o.Name)).ToList();
        if (Organisation is { } organisation)
        {
            OrganisationName = AdminOf.Where(o => o.Id == organisation).Select(o => o.Name).FirstOrDefault();
            if (OrganisationName is null)
            {
                return false;
            }
        }

        var town = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.TenantId).Select(t => new { t.DigestHour, t.TimeZoneId }).SingleAsync();
        (DigestTime, DigestZone) = (new TimeOnly(town.DigestHour, 0), town.TimeZoneId);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Categories = (await db.Categories.AsNoTracking().Where(c => c.ParentId == null && !c.IsRetired).OrderBy(c => c.SortOrder).ToListAsync())
            .Select(c => (c.Id, c.Icon, c.NameIn(culture))).ToList();
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync())
            .Select(d => (d.Id, d.Name)).ToList();
        return true;
    }
}
