using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>
/// Edit a course, withdraw it from the catalogue or bring it back, and reach its runs. Only its managers
/// (Courses/CourseAccess: the office, the providing organisation's admins); for anyone else the course does not exist.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class EditModel(AppDbContext db, CourseAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CourseInput Input { get; set; } = new();

    public int Id { get; private set; }
    public string? Provider { get; private set; }
    public bool IsWithdrawn { get; private set; }
    public IReadOnlyList<RunView> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await ManagedCourseAsync(id) is not { } course)
        {
            return NotFound();
        }

        Input = CourseInput.From(course);
        await LoadAsync(course);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await ManagedCourseAsync(id) is not { } course)
        {
            return NotFound();
        }

        Input.Validate(ModelState, l);
        if (!ModelState.IsValid)
        {
            await LoadAsync(course);
            return this.InvalidForm();
        }

        Input.ApplyTo(course);
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Courses_Saved"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Takes the course out of the catalogue (or back in). Runs, seats and certificates stay as they are.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(int id, bool withdraw = true)
    {
        if (await ManagedCourseAsync(id) is not { } course)
        {
            return NotFound();
        }

        course.IsWithdrawn = withdraw;
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l[withdraw ? "Courses_WithdrawnDone" : "Courses_RestoredDone"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<Course?> ManagedCourseAsync(int id) =>
        await access.ForCourseAsync(id, HttpContext.RequestAborted) == CourseAccessLevel.Manager
            ? await db.Courses.SingleOrDefaultAsync(c => c.Id == id, HttpContext.RequestAborted)
            : null;

    private async Task LoadAsync(Course course)
    {
        Id = course.Id;
        IsWithdrawn = course.IsWithdrawn;
        Provider = course.ProviderOrganisationId is { } providerId
            ? await db.Organisations.Where(o => o.Id == providerId).Select(o => o.Name).SingleOrDefaultAsync()
            : null;
        Runs = await RunView.LoadAsync(db, course.Id, HttpContext.RequestAborted);
    }
}
