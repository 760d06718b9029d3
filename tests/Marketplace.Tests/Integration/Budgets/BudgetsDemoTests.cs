using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Budgets;

/// <summary>Each demo town shows the budget desk with something in it: three funds, projects in every review state, never over-allocated.</summary>
[Trait("Category", "Database")]
public sealed class BudgetsDemoTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Theory]
    [InlineData("erlangen")]
    [InlineData("potsdam")]
    [InlineData("koeln")]
    public async Task EveryDemoTown_HasThreeFunds_AndProjectsInEveryReviewState(string slug)
    {
        var demo = await app.InTownAsync(slug, async db => new
        {
            Funds = await db.Funds.AsNoTracking().Where(f => f.Name.StartsWith("Menschen stärken") || f.Name.StartsWith("Integrationsfonds") || f.Name.StartsWith("Bürgerstiftung"))
                .Select(f => new { f.Id, f.AmountCents, f.AllocatedCents, f.CountsVolunteerHours, f.Source }).ToListAsync(),
            Budgets = await db.ProjectBudgets.AsNoTracking()
                .Select(b => new { b.FundId, b.Status, b.GrantedCents, b.OwnResponsibility, b.EndsOn, b.GoalArea, Lines = b.Lines.Sum(l => l.ApprovedCents), Type = b.Organisation!.Type })
                .ToListAsync(),
            Offices = await db.Organisations.CountAsync(o => o.Type == OrganisationType.MunicipalOffice && o.Status == OrganisationStatus.Approved),
        });

        Assert.Equal(3, demo.Funds.Count);
        Assert.Contains(demo.Funds, f => f.Source == FundSource.MunicipalBudget && f.CountsVolunteerHours);
        Assert.True(demo.Offices >= 1);
        var year = DateTime.UtcNow.Year;
        var approved = demo.Budgets.Where(b => b.Status == ProjectBudgetStatus.Approved).ToList();
        Assert.Contains(approved, b => b.OwnResponsibility);
        Assert.Contains(approved, b => b.EndsOn.Year == year - 1);
        Assert.Contains(demo.Budgets, b => b.Status == ProjectBudgetStatus.Submitted);
        Assert.Contains(demo.Budgets, b => b.Status == ProjectBudgetStatus.Rejected);
        Assert.All(approved, b => Assert.Equal(b.GrantedCents, b.Lines));
        Assert.All(demo.Budgets, b => Assert.False(string.IsNullOrEmpty(b.GoalArea)));
        foreach (var fund in demo.Funds)
        {
            Assert.Equal(approved.Where(b => b.FundId == fund.Id).Sum(b => b.GrantedCents), fund.AllocatedCents);
        }
    }
}
