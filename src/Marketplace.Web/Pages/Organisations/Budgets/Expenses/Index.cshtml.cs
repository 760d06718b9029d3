using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Organisations.Budgets.Expenses;

/// <summary>
/// A project budget's ledger: every expense and reimbursement in date order with who approved it, and the balance. For
/// the organisation's members and the office; anyone else gets a 404. The reader's own submissions are marked.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class IndexModel(AppDbContext db, BudgetAccess access, CurrentMember member) : PageModel
{
    public sealed record Row(int Id, DateOnly SpentOn, ExpenseKind Kind, string Payee, string Purpose, CostLines Line, long AmountCents,
        ExpenseStatus Status, string SubmittedByUserId, string? FirstApprovedBy, string? ApprovedBy)
    {
        public bool IsOwn { get; init; }
    }

    public sealed record BudgetHead(int Id, int OrganisationId, string Organisation, string Title, ProjectBudgetStatus Status, long GrantedCents,
        long SpentCents)
    {
        public long RemainingCents => GrantedCents - SpentCents;
    }

    public BudgetHead Budget { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public BudgetStanding Standing { get; private set; } = BudgetStanding.Nobody;

    /// <summary>Handed in and waiting for a decision (not yet booked against the balance).</summary>
    public long PendingCents { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int budgetId)
    {
        Standing = await access.ForOrganisationAsync(id, HttpContext.RequestAborted);
        if (!Standing.MaySee)
        {
            return NotFound();
        }

        var budget = await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == budgetId && b.OrganisationId == id)
            .Select(b => new BudgetHead(b.Id, b.OrganisationId, b.Organisation!.Name, b.Title, b.Status, b.GrantedCents, b.SpentCents))
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (budget is null)
        {
            return NotFound();
        }

        Budget = budget;
        var me = member.UserId!;
        var rows = await db.Expenses.AsNoTracking().Where(e => e.ProjectBudgetId == budgetId && e.Status != ExpenseStatus.Withdrawn)
            .OrderBy(e => e.SpentOn).ThenBy(e => e.Id)
            .Select(e => new Row(e.Id, e.SpentOn, e.Kind, e.Payee, e.Purpose, e.PlanLine!.Line, e.AmountCents, e.Status, e.SubmittedByUserId,
                db.Users.Where(u => u.Id == e.FirstApprovedByUserId).Select(u => u.UserName).FirstOrDefault(),
                db.Users.Where(u => u.Id == e.ApprovedByUserId).Select(u => u.UserName).FirstOrDefault()))
            .ToListAsync(HttpContext.RequestAborted);
        Rows = rows.Select(r => r with { IsOwn = r.SubmittedByUserId == me }).ToList();
        PendingCents = rows.Where(r => r.Status is ExpenseStatus.Submitted or ExpenseStatus.FirstApproved).Sum(r => r.AmountCents);
        return Page();
    }
}
