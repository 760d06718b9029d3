using Marketplace.Web.Courses;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Courses.Manage;

/// <summary>
/// The courses the signed-in person manages: the office all of the town's, an organisation's admin those of their
/// approved organisations (the same rule as Courses/CourseAccess, asked once for the list).
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class IndexModel(AppDbContext db, CourseAccess access, CurrentMember member) : PageModel
{
    public sealed record Row(int Id, string Title, string? Provider, CourseKind Kind, bool IsWithdrawn, int Runs, DateOnly? NextStart);

    public IReadOnlyList<Row> Courses { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var office = await access.ForProviderAsync(null, ct) == CourseAccessLevel.Manager;
        var managed = office ? [] : await ManagedOrganisationsAsync(ct);
        CanCreate = office || (await access.ProvidersAsync(ct)).Count > 0;

        var courses = db.Courses.AsNoTracking();
        if (!office)
        {
            courses = courses.Where(c => c.ProviderOrganisationId != null && managed.Contains(c.ProviderOrganisationId.Value));
        }

        Courses = await courses.OrderBy(c => c.IsWithdrawn).ThenBy(c => c.Title).ThenBy(c => c.Id)
            .Select(c => new Row(c.Id, c.Title, c.Provider != null ? c.Provider.Name : null, c.Kind, c.IsWithdrawn, c.Runs.Count,
                c.Runs.Where(r => r.Status == CourseRunStatus.Planned).OrderBy(r => r.StartsOn).Select(r => (DateOnly?)r.StartsOn).FirstOrDefault()))
            .Take(500)
            .ToListAsync(ct);
    }

    /// <summary>Approved organisations the person is an admin of: CourseAccess gives them Manager on these organisations' courses.</summary>
    private async Task<List<int>> ManagedOrganisationsAsync(CancellationToken ct)
    {
        if (member.UserId is not { } userId || await member.IsBlockedAsync())
        {
            return [];
        }

        var candidates = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == OrganisationRole.Admin && m.Organisation!.Status == OrganisationStatus.Approved)
            .Select(m => m.OrganisationId).ToListAsync(ct);
        var managed = new List<int>();
        foreach (var id in candidates)
        {
            if (await access.ForProviderAsync(id, ct) == CourseAccessLevel.Manager)
            {
                managed.Add(id);
            }
        }

        return managed;
    }
}
