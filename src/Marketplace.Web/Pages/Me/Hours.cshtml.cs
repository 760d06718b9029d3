using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Hours;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me;

/// <summary>
/// A member logs the hours they gave, against one of their matches or an organisation they belong to, and sees their
/// entries with the office's decision. Only approved hours count (dashboard, proof of engagement).
/// </summary>
public sealed class HoursModel(AppDbContext db, CurrentMember member, TownClock townClock, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int EntriesShown = 200;
    public const decimal MinHours = 0.25m;

    [BindProperty]
    public HoursInput Input { get; set; } = new();

    public IReadOnlyList<Choice> Matches { get; private set; } = [];
    public IReadOnlyList<Choice> Organisations { get; private set; } = [];
    public IReadOnlyList<EntryRow> Entries { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public DateOnly Earliest => Today.AddYears(-1);

    public sealed record Choice(int Id, string Label);

    public sealed record EntryRow(int Id, DateOnly WorkedOn, int Minutes, string Activity, HoursStatus Status, string? Organisation, int? MatchId)
    {
        public decimal Hours => VolunteerHours.ToHours(Minutes);
    }

    public sealed class HoursInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Hours_FieldWorkedOn")]
        public DateOnly? WorkedOn { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Hours_FieldHours")]
        [ModelBinder(typeof(HoursAmountModelBinder))]
        public decimal? Hours { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(VolunteerHours.ActivityMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Hours_FieldActivity")]
        public string? Activity { get; set; }

        [Display(Name = "Hours_FieldMatch")]
        public int? MatchId { get; set; }

        [Display(Name = "Hours_FieldOrganisation")]
        public int? OrganisationId { get; set; }
    }

    public string MatchLabel(int matchId) =>
        Matches.FirstOrDefault(m => m.Id == matchId)?.Label ?? l["Hours_MatchNumber", matchId].Value;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.WorkedOn = Today;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await member.CanParticipateAsync())
        {
            return Forbid();
        }

        await LoadAsync();
        Check();
        if (!ModelState.IsValid)
        {
            return this.InvalidForm("_MyHours");
        }

        var me = member.UserId!;
        var now = clock.GetUtcNow();
        db.VolunteerHours.Add(new VolunteerHours
        {
            UserId = me,
            MatchId = Input.MatchId,
            OrganisationId = Input.OrganisationId,
            WorkedOn = Input.WorkedOn!.Value,
            Minutes = VolunteerHours.ToMinutes(Input.Hours!.Value),
            Activity = Input.Activity!.Trim(),
            Status = HoursStatus.Pending,
            CreatedAt = now,
        });

        // Logging hours is activity: it keeps a volunteer's police clearance from being deleted as stale.
        if (await db.VolunteerProfiles.SingleOrDefaultAsync(p => p.UserId == me) is { } profile)
        {
            profile.LastActivityAt = now;
        }

        await db.SaveChangesAsync();
        Input = new HoursInput { WorkedOn = Input.WorkedOn };
        return await this.FormSucceededAsync("_MyHours", LoadAsync, l["Hours_Logged"].Value);
    }

    /// <summary>The rules across fields and against the database; each message goes next to its field.</summary>
    private void Check()
    {
        if (Input.WorkedOn is { } day && (day > Today || day < Earliest))
        {
            ModelState.AddModelError("Input.WorkedOn", l[day > Today ? "Hours_NotInFuture" : "Hours_TooOld"]);
        }

        if (Input.Hours is { } hours && (hours < MinHours || hours > VolunteerHours.MaxPerEntry || hours * 4 != decimal.Truncate(hours * 4)))
        {
            ModelState.AddModelError("Input.Hours", l["Hours_HoursRange"]);
        }

        switch (Input.MatchId, Input.OrganisationId)
        {
            case (null, null):
                ModelState.AddModelError("Input.MatchId", l["Hours_MatchOrOrganisation"]);
                break;
            case (not null, not null):
                ModelState.AddModelError("Input.OrganisationId", l["Hours_OnlyOneOfBoth"]);
                break;
            case ({ } match, null) when Matches.All(m => m.Id != match):
                ModelState.AddModelError("Input.MatchId", l["Hours_NotYourMatch"]);
                break;
            case (null, { } organisation) when Organisations.All(o => o.Id != organisation):
                ModelState.AddModelError("Input.OrganisationId", l["Hours_NotYourOrganisation"]);
                break;
        }
    }

    private async Task LoadAsync()
    {
        var me = member.UserId!;
        Today = townClock.Today();

        // A side of a match: the proposed volunteer, the named counterpart, or the poster of its request or offer.
        Matches = (await db.Matches.AsNoTracking()
                .Where(m => (m.Status == MatchStatus.Accepted || m.Status == MatchStatus.Completed)
                    && (m.VolunteerUserId == me || m.CounterpartUserId == me
                        || db.Listings.Any(x => x.PosterUserId == me && (x.Id == m.ListingId || x.Id == m.OfferListingId))))
                .OrderByDescending(m => m.Id)
                .Select(m => new { m.Id, Title = db.Listings.Where(x => x.Id == m.ListingId).Select(x => x.Title).FirstOrDefault() })
                .ToListAsync())
            .Select(m => new Choice(m.Id, Bidi.Text(l["Hours_MatchLabel"], m.Id, m.Title ?? ""))).ToList();
        Organisations = (await db.OrganisationMembers.AsNoTracking()
                .Where(m => m.UserId == me && m.Organisation!.Status == OrganisationStatus.Approved)
                .OrderBy(m => m.Organisation!.Name)
                .Select(m => new { m.OrganisationId, m.Organisation!.Name }).ToListAsync())
            .Select(o => new Choice(o.OrganisationId, o.Name)).ToList();
        Entries = await db.VolunteerHours.AsNoTracking().Where(h => h.UserId == me)
            .OrderByDescending(h => h.WorkedOn).ThenByDescending(h => h.Id).Take(EntriesShown)
            .Select(h => new EntryRow(h.Id, h.WorkedOn, h.Minutes, h.Activity, h.Status, (string?)h.Organisation!.Name, h.MatchId))
            .ToListAsync();
    }
}
