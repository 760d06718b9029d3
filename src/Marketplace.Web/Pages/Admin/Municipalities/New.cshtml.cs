using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Mail;
using Marketplace.Web.Pages.Shared;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Admin.Municipalities;

/// <summary>The platform admin creates a municipality with its districts and appoints its first town admin, in one save.</summary>
public sealed class NewModel(AppDbContext db, TenantScopeFactory tenantScopes, TenantLinks links,
    TimeProvider clock, IStringLocalizer<Resources.SharedResource> l) : PageModel
{
    [BindProperty]
    public TownSettingsInput Settings { get; set; } = new();

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(TenantSlug.MaxLength, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_Slug")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(8000, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_DistrictLines")]
        public string Districts { get; set; } = "";

        [Required(ErrorMessage = "Validation_Required")]
        [EmailAddress(ErrorMessage = "Validation_Email")]
        [StringLength(256, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_FirstCoordinatorEmail")]
        public string FirstCoordinatorEmail { get; set; } = "";

        public IReadOnlyList<string> DistrictNames() =>
            (Districts ?? "").Split('\n').Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Model binding leaves an empty field null, whatever the property's type says; [Required] reports it.
        var slug = (Input.Slug ?? "").Trim().ToLowerInvariant();
        var districts = Input.DistrictNames();
        if (!string.IsNullOrEmpty(slug) && !TenantSlug.IsAvailableName(slug))
        {
            ModelState.AddModelError("Input.Slug", l["Validation_Slug"]);
        }
        else if (await db.Tenants.AnyAsync(t => t.Slug == slug))
        {
            ModelState.AddModelError("Input.Slug", l["Validation_SlugTaken"]);
        }

        if (districts.Any(d => d.Length > District.NameMaxLength))
        {
            ModelState.AddModelError("Input.Districts", l["Validation_DistrictTooLong", District.NameMaxLength]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var town = new Domain.Tenant { Slug = slug, Name = "", ContactEmail = "", CreatedAt = clock.GetUtcNow() };
        Settings.ApplyTo(town);
        CoordinatorAppointments.Outcome outcome;
        await using (var scope = tenantScopes.CreateForNew(TenantInfo.Of(town)))
        {
            var townDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            townDb.Tenants.Add(town);
            townDb.Districts.AddRange(districts.Select((name, i) => new District { Name = name, SortOrder = i }));
            townDb.Categories.AddRange(DefaultCategories.Build());
            outcome = await scope.ServiceProvider.GetRequiredService<CoordinatorAppointments>()
                .AppointAsync(Input.FirstCoordinatorEmail.Trim(), TownRole.TownAdmin);
            var link = links.TownUrl(slug, outcome.HasAccount ? "/account/login" : "/account/register");
            // The town's own mailer, so the mail lands in the new town's outbox with the town.
            await scope.ServiceProvider.GetRequiredService<AccountMailer>().QueueAppointmentAsync(Input.FirstCoordinatorEmail.Trim(),
                TownRole.TownAdmin, town.Name, link, outcome.Culture ?? town.DefaultCulture);
            try
            {
                await townDb.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Someone took the address between our check and the save.
                ModelState.AddModelError("Input.Slug", l["Validation_SlugTaken"]);
                return this.InvalidForm();
            }
        }

        TempData[HtmxResults.StatusKey] = l["Admin_Created", town.Name].Value;
        return RedirectToPage("/Admin/Index");
    }
}
