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
        var outcome = await appointments.AppointAsync(Input.Email.Trim(), Input.Role);
        await db.SaveChangesAsync();
        var link = Url.Page(outcome.HasAccount ? "/Account/Login" : "/Account/Register", null, null, Request.Scheme)!;
        await mailer.SendAppointmentAsync(Input.Email.Trim(), l["Role_" + Input.Role], town.Name, link, outcome.Culture ?? town.DefaultCulture);
        TempData["Status"] = l[outcome.HasAccount ? "Coordinators_Appointed" : "Coordinators_Invited", Input.Email].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int membershipId)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId);
        if (membership is null)
        {
            return NotFound();
        }

        // A town must keep at least one admin, or nobody could appoint again without the platform admin.
        var isLastAdmin = membership.Role == TownRole.TownAdmin
            && await db.Memberships.CountAsync(m => m.Role == TownRole.TownAdmin) == 1;
        if (isLastAdmin)
        {
            ModelState.AddModelError(string.Empty, l["Coordinators_LastAdmin"]);
            await LoadAsync();
            return this.InvalidForm();
        }

        membership.Role = TownRole.Member;
        await db.SaveChangesAsync();
        TempData["Status"] = l["Coordinators_Revoked"].Value;
        return membership.UserId == currentMember.UserId ? Redirect("/") : RedirectToPage();
    }

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
