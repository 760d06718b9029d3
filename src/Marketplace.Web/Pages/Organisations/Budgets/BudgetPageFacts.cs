using Marketplace.Web.Budgets;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Pages.Organisations.Budgets;

/// <summary>What the indicators and proof pages show of the project they belong to.</summary>
public sealed record BudgetPageFacts(int OrganisationId, int BudgetId, string Title, string Organisation, DateOnly StartsOn, DateOnly EndsOn, string? TargetGroup,
    string? ReportText, BudgetStanding Standing)
{
    /// <summary>
    /// The project as seen by the reader, or null (a 404) when the budget is not the organisation's, not in this town, or
    /// the reader may not see the organisation's money (BudgetAccess).
    /// </summary>
    public static async Task<BudgetPageFacts?> LoadAsync(AppDbContext db, BudgetAccess access, int organisationId, int budgetId)
    {
        var standing = await access.ForOrganisationAsync(organisationId);
        if (!standing.MaySee)
        {
            return null;
        }

        return await db.ProjectBudgets.AsNoTracking().Where(b => b.Id == budgetId && b.OrganisationId == organisationId)
            .Select(b => new BudgetPageFacts(b.OrganisationId, b.Id, b.Title, b.Organisation!.Name, b.StartsOn, b.EndsOn, b.TargetGroup, b.ReportText, standing))
            .SingleOrDefaultAsync();
    }
}
