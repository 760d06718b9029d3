using System.Globalization;
using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Courses;

/// <summary>
/// A run's completed participants and the qualifications confirming would grant them, with one confirm button: for the
/// office at /coordination/courses/runs/{id}/grants and for the course's managers at /courses/manage/runs/{id}/grants
/// (both pages use this model; <see cref="CourseAccess"/> decides, anyone else gets a 404). A participant without account
/// gets nothing until they claim one; the confirmer's own completion waits for someone else.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class QualificationGrantsModel(AppDbContext db, CourseAccess access, QualificationGrants grants, CurrentMember member,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public string CourseTitle { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public IReadOnlyList<GrantPreviewRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();

    public string? MyUserId => member.UserId;

    /// <summary>Where the page was opened: the office's course desk or the provider's management.</summary>
    public bool FromOffice => Request.Path.StartsWithSegments("/coordination", StringComparison.OrdinalIgnoreCase);

    public bool AnythingPending => Rows.Any(r => r.UserId != MyUserId && r.Pending.Any());

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var made = await grants.GrantForCompletedAsync(id, member.UserId!);
        TempData[HtmxResults.StatusKey] = l["Quals_GrantsConfirmed", made].Value;
        return Redirect(Request.Path);
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await access.ForRunAsync(id) != CourseAccessLevel.Manager)
        {
            return false;
        }

        var run = await db.CourseRuns.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Course!.Title, r.StartsOn, r.EndsOn }).SingleAsync();
        (CourseTitle, StartsOn, EndsOn) = (run.Title, run.StartsOn, run.EndsOn);
        Rows = await grants.PreviewAsync(id);
        var ids = Rows.SelectMany(r => r.QualificationIds).Distinct().ToList();
        var culture = CultureInfo.CurrentUICulture.Name;
        Names = (await db.Qualifications.AsNoTracking().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, q.Names }).ToListAsync())
            .ToDictionary(q => q.Id, q => q.Names.In(culture));
        return true;
    }
}
