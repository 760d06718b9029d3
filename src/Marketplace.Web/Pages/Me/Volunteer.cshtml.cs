using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Pages.Listings;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Me;

/// <summary>
/// A member opts in to be suggested by the coordination office: what they can help with, in which languages, when,
/// where and how they get there. Only the town's coordinators see it; a blocked member may withdraw it, not offer it.
/// </summary>
public sealed class VolunteerModel(AppDbContext db, CurrentMember member, IMemoryCache cache, TimeProvider clock, IStringLocalizer<SharedResource> l,
    Marketplace.Web.Courses.QualificationGrants grants)
    : PageModel
{
    [BindProperty]
    public VolunteerInput Input { get; set; } = new();

    public ListingFormOptions Options { get; private set; } = null!;
    public bool HasProfile { get; private set; }

    /// <summary>The member's own qualifications (granted by courses or recorded by the office).</summary>
    public IReadOnlyList<Marketplace.Web.Courses.HeldQualificationRow> Qualifications { get; private set; } = [];

    /// <summary>Whether the member may take part in the town (<see cref="CurrentMember.CanParticipateAsync"/>); otherwise no form.</summary>
    public bool CanParticipate { get; private set; }

    public sealed class VolunteerInput
    {
        public bool IsAvailable { get; set; } = true;
        public List<int> SkillCategoryIds { get; set; } = [];

        /// <summary>Level per language code; empty means "does not speak it".</summary>
        public Dictionary<string, LanguageLevel?> Languages { get; set; } = [];
        public List<int> Availability { get; set; } = [];
        public List<int> DistrictIds { get; set; } = [];
        public List<Mobility> Mobility { get; set; } = [];

        [Range(0, VolunteerProfile.MaxHoursPerMonth, ErrorMessage = "Validation_Range")]
        [Display(Name = "Field_HoursPerMonth")]
        public int HoursPerMonth { get; set; } = 4;

        [StringLength(VolunteerProfile.NoteMaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_VolunteerNote")]
        public string? Note { get; set; }
    }

    public async Task OnGetAsync()
    {
        Options = await ListingFormOptions.LoadAsync(db, cache, "");
        CanParticipate = await member.CanParticipateAsync();
        Qualifications = await grants.OfPersonAsync(member.UserId!, System.Globalization.CultureInfo.CurrentUICulture.Name);
        var profile = await db.VolunteerProfiles.AsNoTracking().SingleOrDefaultAsync(v => v.UserId == member.UserId);
        HasProfile = profile is not null;
        if (profile is null)
        {
            return;
        }

        Input = new VolunteerInput
        {
            IsAvailable = profile.IsAvailable,
            SkillCategoryIds = profile.SkillCategoryIds,
            Languages = profile.Languages.Select(VolunteerLanguages.Parse).Where(p => p is not null)
                .ToDictionary(p => p!.Value.Code, p => (LanguageLevel?)p!.Value.Level),
            Availability = Enumerable.Range(0, 21).Where(bit => (profile.Availability & (1 << bit)) != 0).ToList(),
            DistrictIds = profile.DistrictIds,
            Mobility = Enum.GetValues<Mobility>().Where(m => m != Domain.Mobility.None && profile.Mobility.HasFlag(m)).ToList(),
            HoursPerMonth = profile.HoursPerMonth,
            Note = profile.Note,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Options = await ListingFormOptions.LoadAsync(db, cache, "");
        CanParticipate = await member.CanParticipateAsync();
        HasProfile = await db.VolunteerProfiles.AnyAsync(v => v.UserId == member.UserId);
        if (!CanParticipate)
        {
            ModelState.Clear();
            var refused = Page();
            refused.StatusCode = StatusCodes.Status403Forbidden;
            return refused;
        }

        var categoryIds = await db.Categories.Where(c => !c.IsRetired).Select(c => c.Id).ToListAsync();
        var districtIds = await db.Districts.Select(d => d.Id).ToListAsync();
        if (Input.SkillCategoryIds.Count == 0 || Input.SkillCategoryIds.Except(categoryIds).Any())
        {
            ModelState.AddModelError("Input.SkillCategoryIds", l[Input.SkillCategoryIds.Count == 0 ? "Volunteer_ChooseSkill" : "Validation_Invalid"]);
        }

        if (Input.DistrictIds.Count == 0 || Input.DistrictIds.Except(districtIds).Any())
        {
            ModelState.AddModelError("Input.DistrictIds", l[Input.DistrictIds.Count == 0 ? "Volunteer_ChooseDistrict" : "Validation_Invalid"]);
        }

        var languages = Input.Languages.Where(p => p.Value is not null).ToList();
        if (languages.Count == 0 || languages.Any(p => !SpokenLanguages.IsKnown(p.Key) || !Enum.IsDefined(p.Value!.Value)))
        {
            ModelState.AddModelError("Input.Languages", l[languages.Count == 0 ? "Volunteer_ChooseLanguage" : "Validation_Invalid"]);
        }

        if (Input.Availability.Any(bit => bit is < 0 or > 20) || Input.Mobility.Any(m => !Enum.IsDefined(m) || m == Domain.Mobility.None))
        {
            ModelState.AddModelError("Input.Availability", l["Validation_Invalid"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var now = clock.GetUtcNow();
        var profile = await db.VolunteerProfiles.SingleOrDefaultAsync(v => v.UserId == member.UserId)
            ?? db.VolunteerProfiles.Add(new VolunteerProfile { UserId = member.UserId!, CreatedAt = now }).Entity;
        profile.IsAvailable = Input.IsAvailable;
        profile.SkillCategoryIds = Input.SkillCategoryIds.Distinct().Order().ToList();
        profile.Languages = languages.OrderBy(p => p.Key).Select(p => VolunteerLanguages.Entry(p.Key, p.Value!.Value)).ToList();
        profile.Availability = Input.Availability.Distinct().Aggregate(0, (mask, bit) => mask | (1 << bit));
        profile.DistrictIds = Input.DistrictIds.Distinct().Order().ToList();
        profile.Mobility = Input.Mobility.Aggregate(Domain.Mobility.None, (all, m) => all | m);
        profile.HoursPerMonth = Input.HoursPerMonth;
        profile.Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        profile.UpdatedAt = now;
        profile.LastActivityAt = now;
        await db.SaveChangesAsync();

        TempData[HtmxResults.StatusKey] = l["Volunteer_Saved"].Value;
        return RedirectToPage();
    }

    /// <summary>Withdraws from the registry. A clearance record stays until its retention ends (3 months after the last activity).</summary>
    public async Task<IActionResult> OnPostDeleteAsync()
    {
        await db.VolunteerProfiles.Where(v => v.UserId == member.UserId).ExecuteDeleteAsync();
        TempData[HtmxResults.StatusKey] = l["Volunteer_Deleted"].Value;
        return RedirectToPage();
    }
}
