using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Marketplace.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Coordination.Budgets;

/// <summary>The town's funds with what is allocated and what remains, for the office; town admins also add and edit them.</summary>
public sealed class FundsModel(AppDbContext db, BudgetAccess access) : PageModel
{
    public sealed record FundRow(int Id, string Name, FundSource Source, string? Programme, long AmountCents, long AllocatedCents, DateOnly StartsOn,
        DateOnly EndsOn, CostLines EligibleLines, int CoFinancingPercent, bool CountsVolunteerHours, int Projects)
    {
        public long RemainingCents => AmountCents - AllocatedCents;
    }

    public IReadOnlyList<FundRow> Funds { get; private set; } = [];
    public bool MayKeepFunds { get; private set; }

    public async Task OnGetAsync()
    {
        MayKeepFunds = await access.MayKeepFundsAsync();
        Funds = await Load(db).ToListAsync(HttpContext.RequestAborted);
    }

    /// <summary>Every fund of the town, newest period first; also the office overview's summary.</summary>
    public static IQueryable<FundRow> Load(AppDbContext db) =>
        db.Funds.AsNoTracking().OrderByDescending(f => f.EndsOn).ThenBy(f => f.Name)
            .Select(f => new FundRow(f.Id, f.Name, f.Source, f.Programme, f.AmountCents, f.AllocatedCents, f.StartsOn, f.EndsOn, f.EligibleLines,
                f.CoFinancingPercent, f.CountsVolunteerHours, db.ProjectBudgets.Count(b => b.FundId == f.Id && b.Status != ProjectBudgetStatus.Withdrawn)));
}
