using Marketplace.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Courses;

/// <summary>
/// The office's address of a run's seat desk. The desk itself is one page for providers and the office
/// (Pages/Courses/Manage/Seats, access by CourseAccess); this keeps the office's address under /coordination.
/// </summary>
public sealed class RunSeatsModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int runId) =>
        await db.CourseRuns.AnyAsync(r => r.Id == runId) ? Redirect($"/courses/manage/runs/{runId}/seats") : NotFound();
}
