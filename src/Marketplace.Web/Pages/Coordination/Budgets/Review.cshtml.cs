using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Localization;
using Marketplace.Web.Pages.Organisations.Budgets;
using Marketplace.Web.Resources;
using Marketplace.Web.Security;
using Marketplace.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Coordination.Budgets;

/// <summary>
/// The office reviews one application: approves it fully or in part (an amount per plan line, at most what was asked)
/// with optional conditions, or rejects it with a reason. The fund's remaining amount is shown and checked in the same
/// transaction (Budgets/BudgetReviews); nobody reviews an application of their own organisation. After the project's
/// end the office closes it, which gives what was not spent back to the fund.
/// </summary>
public sealed class ReviewModel(AppDbContext db, BudgetReviews reviews, CurrentMember member, TownClock townClock, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public sealed class LineInput
    {
        public CostLines Line { get; set; }

        [Range(typeof(decimal), "0", "10000000", ErrorMessage = "Validation_Range", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
        [Display(Name = "Budgets_Approved")]
        [ModelBinder(typeof(EuroAmountModelBinder))]
        public decimal? Amount { get; set; }
    }

    /// <summary>The approved amount per plan line, in the plan's order.</summary>
    [BindProperty]
    public List<LineInput> Approve { get; set; } = [];

    [BindProperty]
    [StringLength(ProjectBudget.TextMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_Conditions")]
    public string? Conditions { get; set; }

    [BindProperty]
    [StringLength(ProjectBudget.TextMaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Budgets_Reason")]
    public string? Reason { get; set; }

    public DetailsModel.BudgetView Budget { get; private set; } = null!;
    public IReadOnlyList<DetailsModel.LineRow> Lines { get; private set; } = [];
    public long FundAmountCents { get; private set; }
    public long FundRemainingCents { get; private set; }
    public CostLines FundLines { get; private set; }

    /// <summary>The reader applied for it or belongs to the organisation: another person of the office decides.</summary>
    public bool IsOwn { get; private set; }

    public bool MayClose => Budget.Status == ProjectBudgetStatus.Approved && Budget.EndsOn < townClock.Today();

    public async Task<IActionResult> OnGetAsync(int budgetId)
    {
        if (!await LoadAsync(budgetId))
        {
            return NotFound();
        }

        Approve = Lines.Select(line => new LineInput { Line = line.Line, Amount = Money.ToEuros(line.RequestedCents) }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int budgetId)
    {
        if (!await LoadAsync(budgetId))
        {
            return NotFound();
        }

        ModelState.Remove(nameof(Reason));
        var approved = new Dictionary<CostLines, long>();
        for (var i = 0; i < Approve.Count; i++)
        {
            var line = Lines.FirstOrDefault(l => l.Line == Approve[i].Line);
            var cents = Money.ToCents(Approve[i].Amount ?? 0);
            if (line is null || approved.ContainsKey(line.Line))
            {
                ModelState.AddModelError($"Approve[{i}].Amount", l["Validation_Invalid"]);
            }
            else if (cents > line.RequestedCents)
            {
                ModelState.AddModelError($"Approve[{i}].Amount", l["Budgets_AboveRequested", BudgetFigures.Euros(line.RequestedCents)]);
            }
            else
            {
                approved[line.Line] = cents;
            }
        }

        if (ModelState.IsValid && approved.Values.Sum() <= 0)
        {
            ModelState.AddModelError(nameof(Approve), l["Budgets_NothingApproved"]);
        }

        if (ModelState.IsValid && approved.Values.Sum() > FundRemainingCents)
        {
            ModelState.AddModelError(nameof(Approve), l["Budgets_FundExhausted", BudgetFigures.Euros(FundRemainingCents)]);
        }

        if (!ModelState.IsValid)
        {
            return Refused(StatusCodes.Status400BadRequest);
        }

        var outcome = await reviews.ApproveAsync(budgetId, new Approval(approved, Conditions), member.UserId!);
        return await AfterAsync(budgetId, outcome, l["Budgets_ApprovedStatus", BudgetFigures.Euros(approved.Values.Sum())]);
    }

    public async Task<IActionResult> OnPostRejectAsync(int budgetId)
    {
        if (!await LoadAsync(budgetId))
        {
            return NotFound();
        }

        ModelState.Remove(nameof(Conditions));
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Approve), StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), l["Budgets_ReasonRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Refused(StatusCodes.Status400BadRequest);
        }

        var outcome = await reviews.RejectAsync(budgetId, Reason!, member.UserId!);
        return await AfterAsync(budgetId, outcome, l["Budgets_RejectedStatus"]);
    }

    public async Task<IActionResult> OnPostCloseAsync(int budgetId)
    {
        if (!await LoadAsync(budgetId))
        {
            return NotFound();
        }

        var outcome = await reviews.CloseAsync(budgetId, townClock.Today(), member.UserId!);
        return await AfterAsync(budgetId, outcome, l["Budgets_ClosedStatus", BudgetFigures.Euros(Math.Max(0, Budget.BalanceCents))]);
    }

    private async Task<IActionResult> AfterAsync(int budgetId, ReviewOutcome outcome, string done)
    {
        if (outcome == ReviewOutcome.Done)
        {
            TempData[HtmxResults.StatusKey] = done;
            return RedirectToPage(new { budgetId });
        }

        ModelState.AddModelError(outcome == ReviewOutcome.FundExhausted ? nameof(Approve) : string.Empty, outcome switch
        {
            ReviewOutcome.OwnApplication => l["Budgets_OwnApplication"],
            ReviewOutcome.FundExhausted => l["Budgets_FundExhausted", BudgetFigures.Euros(FundRemainingCents)],
            ReviewOutcome.NotClosable => l["Budgets_NotClosable"],
            _ => l["Budgets_AlreadyReviewed"],
        });
        await LoadAsync(budgetId);
        return Refused(outcome == ReviewOutcome.OwnApplication ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict);
    }

    private PageResult Refused(int statusCode)
    {
        if (Approve.Count == 0)
        {
            Approve = Lines.Select(line => new LineInput { Line = line.Line, Amount = Money.ToEuros(line.RequestedCents) }).ToList();
        }

        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }

    private async Task<bool> LoadAsync(int budgetId)
    {
        var ct = HttpContext.RequestAborted;
        var budget = await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == budgetId)
            .Select(b => new DetailsModel.BudgetView(b.Id, b.OrganisationId, b.Organisation!.Name, b.Title, b.Description, b.Goals, b.GoalArea, b.EffectGoal,
                b.TargetGroup, b.Influence, b.FundId, b.Fund!.Name, b.StartsOn, b.EndsOn, b.RequestedCents, b.GrantedCents, b.SpentCents, b.Status,
                b.OwnResponsibility, b.DecisionNote, b.AppliedAt, b.ReviewedAt))
            .SingleOrDefaultAsync(ct);
        if (budget is null)
        {
            return false;
        }

        Budget = budget;
        Lines = await DetailsModel.LinesOf(db, budgetId).ToListAsync(ct);
        var fund = await db.Funds.AsNoTracking().Where(f => f.Id == budget.FundId).Select(f => new { f.AmountCents, f.AllocatedCents, f.EligibleLines }).SingleAsync(ct);
        FundAmountCents = fund.AmountCents;
        FundRemainingCents = fund.AmountCents - fund.AllocatedCents;
        FundLines = fund.EligibleLines;
        IsOwn = await reviews.IsOwnAsync(budgetId, member.UserId!);
        return true;
    }
}
