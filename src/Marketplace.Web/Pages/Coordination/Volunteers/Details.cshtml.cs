using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Pages.Listings;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Volunteers;

/// <summary>
/// One volunteer's profile and police clearance record. Opening it is audited; the clearance is recorded as two dates
/// only (issued, inspected), never as a document.
/// </summary>
public sealed class DetailsModel(AppDbContext db, AuditLog audit, CurrentMember member, IMemoryCache cache, ITenantContext tenant, TimeProvider clock,
    TownClock townClock, IStringLocalizer<SharedResource> l, Marketplace.Web.Courses.QualificationGrants grants) : PageModel
{
    public VolunteerProfile Profile { get; private set; } = null!;
    public string UserName { get; private set; } = "";
    public ListingFormOptions Options { get; private set; } = null!;
    public ClearanceView? Clearance { get; private set; }
    public IReadOnlyList<MatchRow> Matches { get; private set; } = [];
    public IReadOnlyList<Marketplace.Web.Courses.HeldQualificationRow> Qualifications { get; private set; } = [];

    [BindProperty]
    public ClearanceInput Input { get; set; } = new();

    public sealed record ClearanceView(DateOnly IssuedOn, DateOnly InspectedOn, string InspectedBy, DateOnly LapsesOn, bool IsValid);

    public sealed record MatchRow(int Id, int RequestId, string RequestTitle, MatchStatus Status, DateTimeOffset CreatedAt);

    public sealed class ClearanceInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Field_ClearanceIssuedOn")]
        public DateOnly? IssuedOn { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Field_ClearanceInspectedOn")]
        public DateOnly? InspectedOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        // Recorded before anything is shown: a look that fails half way is still a look.
        audit.Record(AuditAction.ViewedVolunteer, "volunteer", Profile.UserId, UserName);
        if (Clearance is not null)
        {
            audit.Record(AuditAction.ViewedClearance, "clearance", Profile.UserId, UserName);
        }

        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostClearanceAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var today = Today();
        var years = await ValidYearsAsync();
        if (Input.InspectedOn > today)
        {
            ModelState.AddModelError("Input.InspectedOn", l["Clearance_InspectedInFuture"]);
        }

        if (Input.IssuedOn > Input.InspectedOn)
        {
            ModelState.AddModelError("Input.IssuedOn", l["Clearance_IssuedAfterInspection"]);
        }
        else if (Input.IssuedOn is { } issued && !ClearanceRules.IsValid(issued, years, today))
        {
            ModelState.AddModelError("Input.IssuedOn", l["Clearance_AlreadyLapsed", years]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var record = await db.PoliceClearances.SingleOrDefaultAsync(c => c.VolunteerUserId == Profile.UserId)
            ?? db.PoliceClearances.Add(new PoliceClearance { VolunteerUserId = Profile.UserId, InspectedByUserId = member.UserId! }).Entity;
        record.IssuedOn = Input.IssuedOn!.Value;
        record.InspectedOn = Input.InspectedOn!.Value;
        record.InspectedByUserId = member.UserId!;
        record.RecordedAt = clock.GetUtcNow();
        record.ReminderSentFor = null;
        audit.Record(AuditAction.RecordedClearance, "clearance", Profile.UserId, $"{UserName}: {record.IssuedOn:yyyy-MM-dd}");
        await db.SaveChangesAsync();

        TempData[HtmxResults.StatusKey] = l["Clearance_Saved"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteClearanceAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var record = await db.PoliceClearances.SingleOrDefaultAsync(c => c.VolunteerUserId == Profile.UserId);
        if (record is not null)
        {
            db.PoliceClearances.Remove(record);
            audit.Record(AuditAction.DeletedClearance, "clearance", Profile.UserId, UserName);
            await db.SaveChangesAsync();
        }

        TempData[HtmxResults.StatusKey] = l["Clearance_Deleted"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var found = await db.VolunteerProfiles.AsNoTracking().Where(v => v.Id == id)
            .Select(v => new { Profile = v, v.User!.UserName }).SingleOrDefaultAsync();
        if (found is null)
        {
            return false;
        }

        Profile = found.Profile;
        UserName = found.UserName!;
        Options = await ListingFormOptions.LoadAsync(db, cache, "");
        var years = await ValidYearsAsync();
        var record = await db.PoliceClearances.AsNoTracking().Where(c => c.VolunteerUserId == Profile.UserId)
            .Select(c => new { c.IssuedOn, c.InspectedOn, Inspector = db.Users.Where(u => u.Id == c.InspectedByUserId).Select(u => u.UserName).FirstOrDefault() })
            .SingleOrDefaultAsync();
        Clearance = record is null ? null
            : new ClearanceView(record.IssuedOn, record.InspectedOn, record.Inspector ?? "?", ClearanceRules.LapsesOn(record.IssuedOn, years),
                ClearanceRules.IsValid(record.IssuedOn, years, Today()));
        Matches = await db.Matches.AsNoTracking().Where(m => m.VolunteerUserId == Profile.UserId).OrderByDescending(m => m.CreatedAt).Take(20)
            .Select(m => new MatchRow(m.Id, m.ListingId, db.Listings.Where(r => r.Id == m.ListingId).Select(r => r.Title).First(), m.Status, m.CreatedAt))
            .ToListAsync();
        Qualifications = await grants.OfPersonAsync(Profile.UserId, System.Globalization.CultureInfo.CurrentUICulture.Name);
        return true;
    }

    private Task<int> ValidYearsAsync() => db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ClearanceValidYears).SingleAsync();

    private DateOnly Today() => townClock.Today();
}
