using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Integration.Budgets;

/// <summary>
/// Approvals at the same moment, on SQLite and (with MARKETPLACE_TEST_PG) PostgreSQL: the fund's allocation is one
/// conditional update in the approval's transaction, so it is never over-allocated, and a second review of the same
/// application changes nothing.
/// </summary>
[Trait("Category", "Database")]
public sealed class BudgetsRaceTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task FiftyApprovalsAtOnce_AgainstAFundThatCoversTen_ApproveExactlyTen()
    {
        var fund = await app.FundAsync(10 * 300_00);
        var (admin, organisation) = await app.OrganisationAsync();
        var applications = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            applications.Add(await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Material, 200_00), (CostLines.Rent, 100_00)]));
        }

        var reviewer = await app.UserIdAsync(BudgetsSetup.Office);
        var approval = new Approval(new Dictionary<CostLines, long> { [CostLines.Material] = 200_00, [CostLines.Rent] = 100_00 }, null);

        var outcomes = await Task.WhenAll(applications.Select(id => Task.Run(() => app.ReviewsAsync(r => r.ApproveAsync(id, approval, reviewer)))));

        Assert.Equal(10, outcomes.Count(o => o == ReviewOutcome.Done));
        Assert.Equal(40, outcomes.Count(o => o == ReviewOutcome.FundExhausted));
        Assert.Equal(10 * 300_00, (await app.FundRowAsync(fund)).AllocatedCents);
        var states = await app.InTownAsync(BudgetsSetup.Town, db => db.ProjectBudgets.Where(b => applications.Contains(b.Id))
            .Select(b => new { b.Status, b.GrantedCents, Lines = b.Lines.Sum(l => l.ApprovedCents) }).ToListAsync());
        Assert.Equal(10, states.Count(s => s.Status == ProjectBudgetStatus.Approved && s.GrantedCents == 300_00 && s.Lines == 300_00));
        // The refused ones are untouched: still waiting, nothing granted, nothing approved on a line.
        Assert.Equal(40, states.Count(s => s.Status == ProjectBudgetStatus.Submitted && s.GrantedCents == 0 && s.Lines == 0));
    }

    [Fact]
    public async Task TwentyReviewsOfOneApplicationAtOnce_DecideItOnce()
    {
        var fund = await app.FundAsync(100_000_00);
        var (admin, organisation) = await app.OrganisationAsync();
        var application = await app.ApplicationAsync(organisation, fund, admin, [(CostLines.Fees, 1_000_00)]);
        var reviewer = await app.UserIdAsync(BudgetsSetup.Office);
        var approval = new Approval(new Dictionary<CostLines, long> { [CostLines.Fees] = 1_000_00 }, null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => app.ReviewsAsync(r => i % 2 == 0
            ? r.ApproveAsync(application, approval, reviewer)
            : r.RejectAsync(application, "Passt nicht.", reviewer)))));

        Assert.Single(outcomes, o => o == ReviewOutcome.Done);
        Assert.Equal(19, outcomes.Count(o => o == ReviewOutcome.NotSubmitted));
        var budget = await app.BudgetAsync(application);
        Assert.Equal(budget.Status == ProjectBudgetStatus.Approved ? 1_000_00 : 0, (await app.FundRowAsync(fund)).AllocatedCents);
    }
}
