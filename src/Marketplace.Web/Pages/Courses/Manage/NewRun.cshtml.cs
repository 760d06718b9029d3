using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>A new run of a course, its meetings generated from a weekly pattern; for the course's managers only.</summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class NewRunModel(AppDbContext db, CourseAccess access, TownClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public RunInput Input { get; set; } = new();

    public int CourseId { get; private set; }
    public string CourseTitle { get; private set; } = "";
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var start = clock.Today().AddDays(14);
        Input = new RunInput { StartsOn = start, EndsOn = start.AddDays(8 * 7 - 1), StartsAt = new TimeOnly(9, 0), EndsAt = new TimeOnly(12, 15) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.Validate(ModelState, l, Districts.Select(d => d.Id).ToList(), generate: true);
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var run = new CourseRun { CourseId = id, MaxParticipants = Input.MaxParticipants, CreatedAt = time.GetUtcNow() };
        Input.ApplyTo(run);
        run.Meetings.AddRange(Input.Meetings());
        RunForm.KeepDayParts(run);
        db.CourseRuns.Add(run);
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Courses_RunCreated", run.Meetings.Count].Value;
        return RedirectToPage("/Courses/Manage/EditRun", new { runId = run.Id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await RunForm.ManagedTitleAsync(db, access, id, ct) is not { } title)
        {
            return false;
        }

        CourseId = id;
        CourseTitle = title;
        Districts = await RunForm.DistrictsAsync(db, ct);
        return true;
    }
}
