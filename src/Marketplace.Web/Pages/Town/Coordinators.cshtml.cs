using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Mail;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Town;

/// <summary>The town admin appoints coordinators and town admins by e-mail and can step them back to members.</summary>
public sealed class CoordinatorsModel(AppDbContext db, CoordinatorAppointments appointments, AccountMailer mailer, ITenantContext tenant,
    CurrentMember currentMember, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];
    public IReadOnlyList<PendingRow> Pending { get; private set; } = [];

    [BindProperty]
    public AppointInput Input { get; set; } = new();

    public sealed record StaffRow(int MembershipId, string UserName, string? Email, TownRole Role);
    public sealed record PendingRow(string Email, TownRole Role, DateTimeOffset Since);

    public sealed class AppointInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [EmailAddress(ErrorMessage = "Validation_Email")]
        [StringLength(256, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_Email")]
        public string Email { get; set; } = "";

        [Display(Name = "Field_Role")]
        [Range((int)TownRole.Coordinator, (int)TownRole.TownAdmin, ErrorMessage = "Validation_Invalid")]
        public TownRole Role { get; set; } = TownRole.Coordinator;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAppointAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.InvalidForm();
        }

        var town = tenant.Tenant!;
        var email = Input.Email.Trim();
        var outcome = await appointments.AppointAsync(email, Input.Role);
        var link = Url.Page(outcome.HasAccount ? "/Account/Login" : "/Account/Register", null, null, Request.Scheme)!;
        await mailer.QueueAppointmentAsync(email, Input.Role, town.Name, link, outcome.Culture ?? town.DefaultCulture);
        await db.SaveChangesAsync();
        // The same words whether or not the address has an account.
        TempData[HtmxResults.StatusKey] = l["Coordinators_Invited", email].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int membershipId)
    {
        var userId = await db.Memberships.Where(m => m.Id == membershipId).Select(m => m.UserId).SingleOrDefaultAsync();
        if (userId is null)
        {
            return NotFound();
        }

        if (await StepBackAsync(membershipId) == 0)
        {
            ModelState.AddModelError(string.Empty, l["Coordinators_LastAdmin"]);
            await LoadAsync();
            return this.InvalidForm();
        }

        TempData[HtmxResults.StatusKey] = l["Coordinators_Revoked"].Value;
        return userId == currentMember.UserId ? Redirect("/") : RedirectToPage();
    }

    /// <summary>
    /// Makes the membership a plain one unless it is the town's last admin: a town must keep one, or nobody could appoint
    /// again without the platform admin. Check and write are one statement in a serializable transaction, so two admins
    /// stepping each other back at the same moment cannot both succeed. Returns the number of rows changed (0 = refused).
    /// </summary>
    private Task<int> StepBackAsync(int membershipId) =>
        db.RunSerializableAsync(() => db.Memberships
            .Where(m => m.Id == membershipId
                && (m.Role != TownRole.TownAdmin || db.Memberships.Any(o => o.Role == TownRole.TownAdmin && o.Id != membershipId)))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Role, TownRole.Member)));

    private async Task LoadAsync()
    {
        Staff = await db.Memberships.AsNoTracking()
            .Where(m => m.Role >= TownRole.Coordinator)
            .OrderByDescending(m => m.Role).ThenBy(m => m.User!.UserName)
            .Select(m => new StaffRow(m.Id, m.User!.UserName!, m.User.Email, m.Role))
            .ToListAsync();
        Pending = await db.Appointments.AsNoTracking()
            .Where(a => a.AcceptedAt == null)
            .OrderBy(a => a.NormalizedEmail)
            .Select(a => new PendingRow(a.NormalizedEmail.ToLower(), a.Role, a.CreatedAt))
            .ToListAsync();
    }
}
