using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Organisations.Budgets;

/// <summary>
/// An approved organisation's admins (or the office for it) apply for a project budget from one of the town's open funds.
/// The budget and its plan lines are written in one save, so nothing is half written; anyone else gets 404.
/// </summary>
[Authorize(Policy = Policies.TownMember)]
public sealed class NewModel(AppDbContext db, BudgetAccess access, CurrentMember member, TownClock townClock, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    public int OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = "";

    public sealed record FundChoice(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, CostLines EligibleLines, long RemainingCents);

    public IReadOnlyList<FundChoice> Funds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.Complete();
        Input.FundId = Funds.FirstOrDefault()?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.Complete();
        var fund = Input.FundId is { } fundId && Funds.Any(f => f.Id == fundId)
            ? await db.Funds.AsNoTracking().SingleAsync(f => f.Id == fundId)
            : null;
        Input.Validate(ModelState, l, fund);
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var budget = new ProjectBudget
        {
            OrganisationId = id,
            FundId = fund!.Id,
            Title = Input.Title!.Trim(),
            Description = Input.Description!.Trim(),
            Goals = Input.Goals!.Trim(),
            GoalArea = ApplicationInput.Trimmed(Input.GoalArea),
            EffectGoal = ApplicationInput.Trimmed(Input.EffectGoal),
            TargetGroup = ApplicationInput.Trimmed(Input.TargetGroup),
            Influence = Input.Influence,
            StartsOn = Input.StartsOn!.Value,
            EndsOn = Input.EndsOn!.Value,
            RequestedCents = Input.RequestedCents,
            Status = ProjectBudgetStatus.Submitted,
            AppliedByUserId = member.UserId!,
            AppliedAt = clock.GetUtcNow(),
            Lines = Input.Lines.Where(line => line.Cents > 0)
                .Select(line => new BudgetPlanLine { Line = line.Line, RequestedCents = line.Cents, Description = ApplicationInput.Trimmed(line.Description) })
                .ToList(),
        };
        db.ProjectBudgets.Add(budget);
        await db.SaveChangesAsync();
        TempData[HtmxResults.StatusKey] = l["Budgets_Applied", budget.Title].Value;
        return RedirectToPage("/Organisations/Budgets/Details", new { id, budgetId = budget.Id });
    }

    /// <summary>False when the reader may not apply for this organisation or it is not approved.</summary>
    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (!(await access.ForOrganisationAsync(id, ct)).MayManage)
        {
            return false;
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id && o.Status == OrganisationStatus.Approved)
            .Select(o => o.Name).SingleOrDefaultAsync(ct);
        if (organisation is null)
        {
            return false;
        }

        OrganisationId = id;
        OrganisationName = organisation;
        var today = townClock.Today();
        Funds = await db.Funds.AsNoTracking().Where(f => f.ClosedAt == null && f.EndsOn >= today)
            .OrderBy(f => f.Name)
            .Select(f => new FundChoice(f.Id, f.Name, f.StartsOn, f.EndsOn, f.EligibleLines, f.AmountCents - f.AllocatedCents))
            .ToListAsync(ct);
        return true;
    }
}
