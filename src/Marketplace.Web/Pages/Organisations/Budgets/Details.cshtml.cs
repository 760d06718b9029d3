using Marketplace.Web.Budgets;
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

namespace Marketplace.Web.Pages.Organisations.Budgets;

/// <summary>
/// One project budget: its status and decision, the plan with each line's requested, approved and spent amount and its
/// use, and the balance. The organisation's admins (or the office) may withdraw it while it waits for the review.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class DetailsModel(AppDbContext db, BudgetAccess access, BudgetReviews reviews, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record BudgetView(int Id, int OrganisationId, string Organisation, string Title, string Description, string Goals, string? GoalArea,
        string? EffectGoal, string? TargetGroup, Influence Influence, int FundId, string Fund, DateOnly StartsOn, DateOnly EndsOn, long RequestedCents,
        long GrantedCents, long SpentCents, ProjectBudgetStatus Status, bool OwnResponsibility, string? DecisionNote, DateTimeOffset AppliedAt,
        DateTimeOffset? ReviewedAt)
    {
        public long BalanceCents => GrantedCents - SpentCents;
    }

    public sealed record LineRow(CostLines Line, string? Description, long RequestedCents, long ApprovedCents, long SpentCents)
    {
        public int UsedPercent => BudgetRules.UsedPercent(SpentCents, ApprovedCents);

        public LineUse Use => BudgetFigures.UseOf(SpentCents, ApprovedCents);
    }

    public BudgetView Budget { get; private set; } = null!;
    public IReadOnlyList<LineRow> Lines { get; private set; } = [];
    public BudgetStanding Standing { get; private set; } = BudgetStanding.Nobody;

    public bool MayWithdraw => Standing.MayManage && Budget.Status == ProjectBudgetStatus.Submitted;

    public async Task<IActionResult> OnGetAsync(int id, int budgetId) => await LoadAsync(id, budgetId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int budgetId)
    {
        if (!await LoadAsync(id, budgetId) || !Standing.MayManage)
        {
            return NotFound();
        }

        if (!await reviews.WithdrawAsync(budgetId))
        {
            ModelState.AddModelError(string.Empty, l["Budgets_NotWithdrawable"]);
            await LoadAsync(id, budgetId);
            var refused = Page();
            refused.StatusCode = StatusCodes.Status409Conflict;
            return refused;
        }

        TempData[HtmxResults.StatusKey] = l["Budgets_Withdrawn", Budget.Title].Value;
        return RedirectToPage(new { id, budgetId });
    }

    private async Task<bool> LoadAsync(int id, int budgetId)
    {
        var ct = HttpContext.RequestAborted;
        Standing = await access.ForOrganisationAsync(id, ct);
        if (!Standing.MaySee)
        {
            return false;
        }

        var budget = await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == budgetId && b.OrganisationId == id)
            .Select(b => new BudgetView(b.Id, b.OrganisationId, b.Organisation!.Name, b.Title, b.Description, b.Goals, b.GoalArea, b.EffectGoal, b.TargetGroup,
                b.Influence, b.FundId, b.Fund!.Name, b.StartsOn, b.EndsOn, b.RequestedCents, b.GrantedCents, b.SpentCents, b.Status, b.OwnResponsibility,
                b.DecisionNote, b.AppliedAt, b.ReviewedAt))
            .SingleOrDefaultAsync(ct);
        if (budget is null)
        {
            return false;
        }

        Budget = budget;
        Lines = await LinesOf(db, budgetId).ToListAsync(ct);
        return true;
    }

    /// <summary>The plan in the order of <see cref="BudgetRules.Lines"/> (their flag values ascend in that order).</summary>
    public static IQueryable<LineRow> LinesOf(AppDbContext db, int budgetId) =>
        db.BudgetPlanLines.AsNoTracking().Where(l => l.ProjectBudgetId == budgetId).OrderBy(l => l.Line)
            .Select(l => new LineRow(l.Line, l.Description, l.RequestedCents, l.ApprovedCents, l.SpentCents));
}
