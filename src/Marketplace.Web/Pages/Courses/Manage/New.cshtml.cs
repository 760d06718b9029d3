using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>
/// A new course, for an organisation the person may offer courses for (Courses/CourseAccess.ProvidersAsync) or, for the
/// office, run by the office itself. Someone who may offer for none gets 404: there is nothing here for them.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class NewModel(AppDbContext db, CourseAccess access, CurrentMember member, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CourseInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Providers { get; private set; } = [];
    public bool OfficeMayRun { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input.Languages = ["de"];
        Input.ProviderId = OfficeMayRun ? null : Providers[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input.Validate(ModelState, l);
        var provider = Input.ProviderId;
        // The list offered is the rule: an organisation not in it (not approved, not an admin, a type that offers no courses) cannot offer.
        if (provider is { } id ? !Providers.Any(p => p.Id == id) : !OfficeMayRun)
        {
            ModelState.AddModelError("Input.ProviderId", l["Courses_ProviderNotAllowed"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var course = new Course { Title = "", ProviderOrganisationId = provider, CreatedAt = clock.GetUtcNow(), CreatedByUserId = member.UserId };
        Input.ApplyTo(course);
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Courses_Created"].Value;
        return RedirectToPage("/Courses/Manage/Edit", new { id = course.Id });
    }

    /// <summary>What the person may offer for; false when nothing.</summary>
    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        OfficeMayRun = await access.ForProviderAsync(null, ct) == CourseAccessLevel.Manager;
        Providers = await access.ProvidersAsync(ct);
        return OfficeMayRun || Providers.Count > 0;
    }
}
