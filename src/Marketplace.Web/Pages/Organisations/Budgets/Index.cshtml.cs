using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Organisations.Budgets;

/// <summary>An organisation's project budgets with status, granted, spent and remaining; for its members and the office (Budgets/BudgetAccess).</summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class IndexModel(AppDbContext db, BudgetAccess access) : PageModel
{
    public sealed record BudgetRow(int Id, string Title, string Fund, ProjectBudgetStatus Status, DateOnly StartsOn, DateOnly EndsOn, long RequestedCents,
        long GrantedCents, long SpentCents, bool OwnResponsibility)
    {
        public long RemainingCents => GrantedCents - SpentCents;
    }

    public int OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public BudgetStanding Standing { get; private set; } = BudgetStanding.Nobody;
    public IReadOnlyList<BudgetRow> Budgets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        Standing = await access.ForOrganisationAsync(id, ct);
        if (!Standing.MaySee)
        {
            return NotFound();
        }

        OrganisationId = id;
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Name, o.Status }).SingleAsync(ct);
        OrganisationName = organisation.Name;
        MayApply = Standing.MayManage && organisation.Status == OrganisationStatus.Approved;
        Budgets = await db.ProjectBudgets.AsNoTracking().Where(b => b.OrganisationId == id)
            .OrderByDescending(b => b.AppliedAt).ThenByDescending(b => b.Id)
            .Select(b => new BudgetRow(b.Id, b.Title, b.Fund!.Name, b.Status, b.StartsOn, b.EndsOn, b.RequestedCents, b.GrantedCents, b.SpentCents, b.OwnResponsibility))
            .ToListAsync(ct);
        return Page();
    }

    public bool MayApply { get; private set; }
}
